import { DISCORD_LIMITS } from '../discord/discord-limits.js';
import type { Section } from '../speech/speech.js';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

const simplify = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/gu, ' ').trim();

/** 0 for no match; higher is better: whole-name prefix, then word prefix, then substring, then letters in order. */
function matchScore(name: string, typed: string): number {
  if (typed === '') return 1;
  if (name.startsWith(typed)) return 4;
  if (name.split(' ').some((word) => word.startsWith(typed))) return 3;
  if (name.includes(typed)) return 2;
  let position = 0;
  for (const letter of typed.replace(/ /gu, '')) {
    position = name.indexOf(letter, position) + 1;
    if (position === 0) return 0;
  }
  return 1;
}

/**
 * Autocomplete for section names: fuzzy (a prefix, a word's prefix, a substring, or letters in order, as in
 * "cla" → Constant Learning, Adaptation…), best matches first, then speech order; at most 25, as Discord allows.
 */
export function rankSectionChoices(sections: readonly Section[], typed: string): Choice[] {
  const wanted = simplify(typed);
  return sections
    .map((section) => ({ section, score: matchScore(simplify(section.name), wanted) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.section.number - b.section.number)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map(({ section }) => ({ name: `${section.name} (¶${section.firstParagraph}–¶${section.lastParagraph})`.slice(0, DISCORD_LIMITS.choiceName), value: section.id }));
}
