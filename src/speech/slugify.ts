const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'nor',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
]);

/**
 * Turns a capitalised heading into a display name: `CONSTANT LEARNING, ADAPTATION, IMPROVEMENT` becomes
 * `Constant Learning, Adaptation, Improvement`. Words with digits (`MI5`, `COVID-19`) keep their capitals, since they
 * are names rather than words.
 */
export function titleCase(heading: string): string {
  return heading
    .toLowerCase()
    .split(' ')
    .map((word, index) => {
      if (/\d/u.test(word)) return word.toUpperCase();
      if (index > 0 && MINOR_WORDS.has(word)) return word;
      return word.replace(/\p{L}/u, (letter) => letter.toUpperCase());
    })
    .join(' ');
}

/** A URL- and id-safe slug of a heading: `STATE THREATS` → `state-threats`. */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}
