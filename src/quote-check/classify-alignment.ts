import type { WordAlignment } from './align-words.js';

/** The least similarity at which a quote counts as the speech's words altered rather than not the speech's. */
export const ALTERED_MIN_SIMILARITY = 0.6;
/** The least words a quote must share with the speech, in place, to count as altered: two could be a coincidence. */
export const ALTERED_MIN_SHARED_WORDS = 3;

/** What an alignment says of a quote. */
export type AlignmentClass = 'verbatim' | 'altered' | 'weak-match';

/**
 * How alike a quote and its speech span are: `1 − edits / max(quote words, span words)`, 1 for the same words and 0
 * for nothing in common. Dividing by the longer side keeps a short quote inside a long span (or the reverse) low.
 */
export function similarity(alignment: WordAlignment, quoteWords: number): number {
  const longer = Math.max(quoteWords, alignment.end - alignment.start);
  return longer === 0 ? 0 : 1 - alignment.edits / longer;
}

/**
 * Classifies a quote by its best alignment. Verbatim: no word edits (after folding case, accents, apostrophe and dash
 * styles; punctuation between words is not compared). Altered: similarity ≥ {@link ALTERED_MIN_SIMILARITY} (0.6, so
 * at most 4 words in 10 changed, added or dropped) and at least {@link ALTERED_MIN_SHARED_WORDS} (3) words quoted
 * exactly. Anything less is only a weak match: the quote is not in the speech.
 */
export function classifyAlignment(alignment: WordAlignment, quoteWords: number): AlignmentClass {
  if (alignment.edits === 0 && alignment.matches > 0) return 'verbatim';
  // The epsilon keeps 1 − 4/10 on the altered side whatever the floating-point rounding.
  const alike = similarity(alignment, quoteWords) >= ALTERED_MIN_SIMILARITY - 1e-9;
  return alike && alignment.matches >= ALTERED_MIN_SHARED_WORDS ? 'altered' : 'weak-match';
}
