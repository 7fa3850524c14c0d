import { memberText } from './transcript-text.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe in HTML text and in a quoted attribute value alike: the five markup characters as references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => HTML_ESCAPES[character] ?? character);
}

/** What a member or moderator wrote, for HTML: cleaned to one line ({@link memberText}), then escaped. */
export function memberHtml(raw: string): string {
  return escapeHtml(memberText(raw));
}
