import { DISCORD_LIMITS } from '../discord/discord-limits.js';
import { paragraphRange, scoreSectionMatch } from '../speech/match-section.js';
import type { Section } from '../speech/speech.js';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * Autocomplete for section names: fuzzy (see {@link scoreSectionMatch}), best matches first, then speech order; at
 * most 25, as Discord allows. The value is the section's id, which `findSection` resolves exactly.
 */
export function rankSectionChoices(sections: readonly Section[], typed: string): Choice[] {
  return sections
    .map((section) => ({ section, score: scoreSectionMatch(section, typed) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.section.number - b.section.number)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map(({ section }) => ({
      name: `${section.name} (${paragraphRange(section)})`.slice(0, DISCORD_LIMITS.choiceName),
      value: section.id,
    }));
}
