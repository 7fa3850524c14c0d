/**
 * Folds every run of whitespace (including U+00A0 no-break spaces) to one space and trims the ends.
 * This is the only change quotes may undergo: every other character stays as published.
 */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
