import { UserFacingError } from '../refusal/user-facing-error.js';
import type { Paragraph, Section, Speech } from './speech.js';

/**
 * Paragraphs `from`…`to` (inclusive, ¶ numbers), checked against the speech's range.
 *
 * @throws {UserFacingError} `paragraph-out-of-range` naming the valid range.
 */
export function findParagraphs(speech: Speech, from: number, to: number = from): Paragraph[] {
  const last = speech.paragraphs.length;
  if (!isParagraphNumber(from, last) || !isParagraphNumber(to, last) || to < from)
    throw new UserFacingError({ code: 'paragraph-out-of-range', last });
  return speech.paragraphs.slice(from - 1, to);
}

/** Whether `n` numbers a paragraph of a speech of `last` paragraphs: the one range rule, wherever ¶ is typed. */
export function isParagraphNumber(n: number, last: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= last;
}

/** The section a paragraph belongs to. */
export function sectionOf(speech: Speech, paragraph: Paragraph): Section {
  const section = speech.sections.find((candidate) => candidate.id === paragraph.sectionId);
  if (!section) throw new Error(`paragraph ${paragraph.id} names no known section`);
  return section;
}
