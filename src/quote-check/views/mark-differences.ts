import { escapeMarkdown } from '../../discord/escape-markdown.js';
import type { Sentence } from '../../speech/speech.js';
import type { WordDifference } from '../quote-check-report.js';
import { shownMemberText } from './member-text.js';

/** The legend shown under a reply with marks, so that they read without colour. */
export const MARKS_LEGEND = "[-word-] the speech's word, left out or changed in the quote · {+word+} the quote's word";

interface Insertion {
  readonly at: number;
  // At one offset: words added before a word, then the opening of its removal; or the close, then words after it.
  readonly order: number;
  readonly text: string;
}

function insertionsOf(difference: WordDifference): Insertion[] {
  if (difference.kind === 'removed')
    return [
      { at: difference.start, order: 1, text: '[-' },
      { at: difference.end, order: 2, text: '-]' },
    ];
  const word = `{+${shownMemberText(difference.word)}+}`;
  return difference.place === 'before-word'
    ? [{ at: difference.at, order: 0, text: `${word} ` }]
    : [{ at: difference.at, order: 3, text: ` ${word}` }];
}

/**
 * One sentence of a paragraph as the speech says it, escaped, with the differences that fall in it marked: removed
 * words as `[-word-]`, the member's words as `{+word+}`. `differences` are those of the sentence's paragraph.
 */
export function markDifferences(text: string, sentence: Sentence, differences: readonly WordDifference[]): string {
  const inside = (at: number): boolean => at >= sentence.start && at <= sentence.end;
  const insertions = differences
    .filter((difference) => inside(difference.kind === 'removed' ? difference.start : difference.at))
    .flatMap(insertionsOf)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let marked = '';
  let from = sentence.start;
  for (const insertion of insertions) {
    marked += escapeMarkdown(text.slice(from, insertion.at)) + insertion.text;
    from = insertion.at;
  }
  return marked + escapeMarkdown(text.slice(from, sentence.end));
}
