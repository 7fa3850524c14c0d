// Controls (C0, DEL, C1), lone surrogates and the two noncharacters no document format wants. Tab, newline and the
// other whitespace controls go too: member text is folded onto one line below, so nothing of them is lost.
const CONTROL_OR_NONCHARACTER = /[\p{Cc}\p{Cs}\ufffe\uffff]/gu;
// Bidi embeddings, overrides and isolates have a scope; one left open in a name would reverse the words after it
// ("asked by" and the next names). The marks (LRM, RLM, ALM) have none and stay.
const SCOPED_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/gu;
// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and the right-to-left scripts
// of the supplementary planes: a string with any of these is isolated where the format has no element for it.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u061c]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * What a member or moderator wrote, as one line of plain text for a transcript: controls, lone surrogates and scoped
 * bidi controls dropped, whitespace (newlines included) folded to single spaces, ends trimmed. Escaping for a format
 * comes after this.
 */
export function memberText(raw: string): string {
  return raw.replace(CONTROL_OR_NONCHARACTER, ' ').replace(SCOPED_BIDI_CONTROL, '').replace(/\s+/gu, ' ').trim();
}

/** Whether `text` holds right-to-left script (or a right-to-left mark), so needs isolating from what is around it. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}
