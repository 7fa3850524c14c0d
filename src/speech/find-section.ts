import { UserFacingError } from '../refusal/user-facing-error.js';
import { paragraphRange, scoreSectionMatch, simplifyName } from './match-section.js';
import type { Section } from './speech.js';

/**
 * Finds a section by name or id, the way autocomplete suggests them: the whole name, a prefix, a word's prefix
 * (`threats` → State Threats), a substring or letters in order, taking the best match when it is the only one.
 *
 * @throws {UserFacingError} `unknown-section` or `ambiguous-section`, listing the sections to choose from.
 */
export function findSection(sections: readonly Section[], query: string): Section {
  const scored =
    simplifyName(query) === ''
      ? []
      : sections
          .map((section) => ({ section, score: scoreSectionMatch(section, query) }))
          .filter(({ score }) => score > 0);
  const best = Math.max(0, ...scored.map(({ score }) => score));
  const matches = scored.filter(({ score }) => score === best).map(({ section }) => section);
  if (matches.length === 1 && matches[0]) return matches[0];
  const listed = (matches.length > 1 ? matches : sections).map(
    (section) => `${section.name} (${paragraphRange(section)})`,
  );
  throw new UserFacingError(
    matches.length > 1
      ? { code: 'ambiguous-section', query, sections: listed }
      : { code: 'unknown-section', query, sections: listed },
  );
}
