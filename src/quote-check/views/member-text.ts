import { escapeMarkdown } from '../../discord/escape-markdown.js';
import { foldWhitespace } from '../../speech/fold-whitespace.js';

// Bidirectional embeddings, overrides and isolates, the LTR/RTL marks and the Arabic letter mark: invisible characters
// that would reorder the bot's own words around them ("✅ Verbatim" shown backwards, a citation swapped).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

// A surrogate without its pair is not text: it shows as a broken glyph, so it is shown as U+FFFD.
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const visible = (text: string): string => text.replace(BIDI_CONTROLS, '').replace(LONE_SURROGATES, '\ufffd');

/** How long an excerpt of a member's quote may be before it is cut: a reminder of which quote, not a copy. */
export const EXCERPT_LENGTH = 60;

/**
 * A member's text made safe to show: bidi controls removed, whitespace folded to one line, markdown and mention syntax
 * escaped (so `@everyone`, `<@123>` and `**bold**` display as typed and notify no one).
 */
export function shownMemberText(text: string): string {
  return escapeMarkdown(foldWhitespace(visible(text)));
}

/** The start of a member's quote, cut at a word boundary with "…" when longer than {@link EXCERPT_LENGTH}, made safe. */
export function memberExcerpt(quote: string): string {
  // Code points, so that an emoji's surrogate pair is never cut in half.
  const characters = Array.from(foldWhitespace(visible(quote)));
  if (characters.length <= EXCERPT_LENGTH) return shownMemberText(characters.join(''));
  // Cut before escaping, so that an escape is never cut in half; then at the last space, so no word is.
  const cut = characters.slice(0, EXCERPT_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${shownMemberText(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut)}…`;
}
