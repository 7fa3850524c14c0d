import { hasRightToLeft, memberText } from './transcript-text.js';

// Everything that can open inline structure in CommonMark or Discord's Markdown: emphasis, strikethrough, spoilers and
// tables (`|`), code, links and images, HTML tags, autolinks and mentions (`<`), entities (`&lt;`), and `#`, whose run at
// a heading's end would be eaten as its closing sequence. A backslash before ASCII punctuation shows the character itself.
const INLINE = /[\\`*_~|[\]<>#&]/gu;
// Block structure only opens at the start of a line: a list item (`-`, `+`, `1.`, `1)`) or a thematic break (`---`).
// Headings, quotes and `*` items are caught above.
const LIST_MARKER = /^(\s*)(?:([-+])|(\d{1,9})([.)]))/gmu;
const MASS_MENTION = /@(?=everyone|here)/gu;
// U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: Markdown has no <bdi>.
const ISOLATE_START = '\u2068';
const ISOLATE_END = '\u2069';

/**
 * `text` escaped so that a Markdown viewer shows it as written, wherever it is put (a heading, a list item, a quote):
 * no heading, list, quote, link, image, emphasis, code, HTML or entity can start inside it, and `@everyone`/`@here`
 * cannot ping (a zero-width space follows the `@`). Only backslashes and that space are added.
 */
export function escapeTranscriptMarkdown(text: string): string {
  return text
    .replace(INLINE, (character) => `\\${character}`)
    .replace(
      LIST_MARKER,
      (_match, space: string, bullet: string | undefined, digits: string | undefined, dot: string | undefined) =>
        bullet ? `${space}\\${bullet}` : `${space}${digits ?? ''}\\${dot ?? ''}`,
    )
    .replace(MASS_MENTION, '@\u200b');
}

/**
 * What a member or moderator wrote, for Markdown: cleaned to one line ({@link memberText}), escaped, and isolated from
 * its neighbours when it holds right-to-left script, so that a Hebrew or Arabic name does not reorder the list it is in.
 */
export function memberMarkdown(raw: string): string {
  const escaped = escapeTranscriptMarkdown(memberText(raw));
  return hasRightToLeft(escaped) ? `${ISOLATE_START}${escaped}${ISOLATE_END}` : escaped;
}
