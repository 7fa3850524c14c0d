import { sectionOf } from '../speech/find-paragraphs.js';
import type { Speech } from '../speech/speech.js';
import type { ShownPassage } from './views/render-passage-embeds.js';

/** A passage of a ranking as a button carries it: the ¶ number and the sentences of its highlight. */
export interface RankingItem {
  readonly paragraph: number;
  readonly firstSentence: number;
  readonly lastSentence: number;
}

/** Reduces a shown passage to its ¶ number and the sentences its highlight spans. */
export function toRankingItem(passage: ShownPassage): RankingItem {
  const { sentences } = passage.paragraph;
  const start = passage.highlight?.start ?? 0;
  const end = passage.highlight?.end ?? start;
  const first = Math.max(
    0,
    sentences.findIndex((sentence) => sentence.end > start),
  );
  const last = Math.max(
    first,
    sentences.findLastIndex((sentence) => sentence.start < end),
  );
  return { paragraph: passage.paragraph.number, firstSentence: first, lastSentence: last };
}

/**
 * Rebuilds a shown passage from a button's ranking item: the whole sentences of the highlight. `undefined` when the
 * item does not name a paragraph and sentences of this speech (a tampered or outdated button).
 */
export function fromRankingItem(speech: Speech, item: RankingItem): ShownPassage | undefined {
  const paragraph = speech.paragraphs[item.paragraph - 1];
  const first = paragraph?.sentences[item.firstSentence];
  const last = paragraph?.sentences[Math.min(item.lastSentence, (paragraph?.sentences.length ?? 1) - 1)];
  if (!paragraph || !first || !last) return undefined;
  return { section: sectionOf(speech, paragraph), paragraph, highlight: { start: first.start, end: last.end } };
}
