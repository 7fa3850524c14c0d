import { renderQuotesText, renderSectionText } from '../passages/views/render-answer-text.js';
import { findParagraphs, sectionOf } from '../speech/find-paragraphs.js';
import { findSection } from '../speech/find-section.js';
import type { Speech } from '../speech/speech.js';

/**
 * Text for `npm run section -- NAME|N` and the console's `/section` and `/quote`: a number (or `12-14`) quotes those
 * paragraphs, anything else names a section.
 *
 * @throws {UserFacingError} for an unknown section or a paragraph out of range.
 */
export function readSectionOrParagraphs(speech: Speech, query: string): string {
  const range = /^\s*¶?(\d+)\s*(?:[-–]\s*¶?(\d+))?\s*$/u.exec(query);
  if (range) {
    const from = Number(range[1]);
    const paragraphs = findParagraphs(speech, from, range[2] === undefined ? from : Number(range[2]));
    return renderQuotesText(paragraphs.map((paragraph) => ({ section: sectionOf(speech, paragraph), paragraph })));
  }
  const section = findSection(speech.sections, query);
  return renderSectionText(section, findParagraphs(speech, section.firstParagraph, section.lastParagraph));
}
