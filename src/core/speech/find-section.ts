import { UserFacingError } from '../user-facing-error.js';
import type { Section } from './speech.js';

const simplify = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Finds a section by name, heading or id, case-insensitively; a unique prefix is enough (`enc` → Encryption).
 *
 * @throws {UserFacingError} `unknown-section` or `ambiguous-section`, listing the sections to choose from.
 */
export function findSection(sections: readonly Section[], query: string): Section {
  const wanted = simplify(query);
  const names = (section: Section): string[] => [simplify(section.name), simplify(section.id)];
  const exact = sections.find((section) => names(section).includes(wanted));
  if (exact) return exact;
  const matches = wanted === '' ? [] : sections.filter((section) => names(section).some((name) => name.startsWith(wanted)));
  if (matches.length === 1 && matches[0]) return matches[0];
  const listed = (matches.length > 1 ? matches : sections).map((section) => section.name).join(', ');
  if (matches.length > 1) throw new UserFacingError('ambiguous-section', `"${query}" matches several sections: ${listed}.`);
  throw new UserFacingError('unknown-section', `No section is called "${query}". The sections are: ${listed}.`);
}
