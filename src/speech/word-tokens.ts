import { foldWord } from './fold-word.js';

/** A word of a text: its folded form and where it stands in the text (`start`/`end` offsets). */
export interface WordToken {
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

// Letters and digits (with their combining marks), joined by one apostrophe or dash of any style: "we’re",
// "day-by-day" and "counter‑terrorism" are one word each. Punctuation between words is not compared, because members
// routinely drop a full stop or a comma when they quote, and Discord's own quote marks are not the speaker's.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[\u0027\u2018\u2019\u02bc\u002d\u2010-\u2015\u2212][\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a text, in order, folded for comparison, with their offsets into `text`. */
export function wordTokens(text: string): WordToken[] {
  return [...text.matchAll(WORD)].map((match) => ({
    folded: foldWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}
