import { escapeMarkdown } from '../../discord/escape-markdown.js';
import { sectionOf } from '../../speech/find-paragraphs.js';
import type { Speech } from '../../speech/speech.js';
import type { FoundPassage, QuoteResult, WordDifference } from '../quote-check-report.js';
import { markDifferences } from './mark-differences.js';

/** A citation of a passage: `State Threats · ¶12`, `¶12–13` across paragraphs, both sections when it crosses one. */
export function citePassage(speech: Speech, passage: FoundPassage): string {
  const first = speech.paragraphs[passage.fromParagraph - 1];
  const last = speech.paragraphs[passage.toParagraph - 1];
  if (!first || !last) return `¶${passage.fromParagraph}`;
  const from = sectionOf(speech, first);
  const to = sectionOf(speech, last);
  if (first === last) return `${from.name} · ¶${first.number}`;
  if (from === to) return `${from.name} · ¶${first.number}–${last.number}`;
  return `${from.name} · ¶${first.number} – ${to.name} · ¶${last.number}`;
}

/**
 * The passage's sentences as block-quote lines, in the speech's words only (escaped), a bare `>` line between
 * paragraphs; with `differences`, the words that differ marked.
 */
export function quotedSentences(
  speech: Speech,
  passage: FoundPassage,
  differences: readonly WordDifference[] = [],
): string[] {
  const lines: string[] = [];
  let previous: number | undefined;
  for (const { paragraph: number, sentence: index } of passage.sentences) {
    const paragraph = speech.paragraphs[number - 1];
    const sentence = paragraph?.sentences[index];
    if (!paragraph || !sentence) continue;
    if (previous !== undefined && previous !== number) lines.push('>');
    previous = number;
    const own = differences.filter((difference) => difference.paragraph === number);
    lines.push(`> ${own.length > 0 ? markDifferences(paragraph.text, sentence, own) : escapeMarkdown(sentence.text)}`);
  }
  return lines;
}

/** The lines of one quote's verdict: its headline, then the speech's sentences. */
export function quoteBlock(speech: Speech, result: QuoteResult): string[] {
  switch (result.kind) {
    case 'verbatim':
      return [`✅ Verbatim: ${citePassage(speech, result.passage)}`, ...quotedSentences(speech, result.passage)];
    case 'altered':
      return [
        `⚠️ Altered: the speech says (${citePassage(speech, result.passage)}):`,
        ...quotedSentences(speech, result.passage, result.differences),
      ];
    case 'weak-match':
      return [
        `❌ Not in the speech. The closest passage, a weak match (${citePassage(speech, result.passage)}):`,
        ...quotedSentences(speech, result.passage),
      ];
    case 'not-found':
      return ['❌ Not in the speech: no passage shares its words.'];
  }
}
