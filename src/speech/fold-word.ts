// Apostrophes and single quotes as keyboards, phones and word processors type them: ' ‘ ’ ʼ.
const APOSTROPHES = /[\u0027\u2018\u2019\u02bc]/gu;
// Hyphen-minus, the Unicode hyphens and dashes (‐ ‑ ‒ – — ―) and the minus sign: one person's hyphen is another's dash.
const DASHES = /[\u002d\u2010-\u2015\u2212]/gu;
// Combining marks, once NFKD has split "é" into "e" and its accent.
const MARKS = /\p{M}/gu;

/**
 * One word as compared, never as shown: lower case, accents dropped (NFKD, then its combining marks), compatibility
 * forms (full-width letters, ligatures) reduced, and every apostrophe and dash style made one, so that "we’re" meets
 * "WE'RE" and "day–by–day" meets "day-by-day".
 */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, "'").replace(DASHES, '-');
}
