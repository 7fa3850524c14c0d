import type { Section } from './speech.js';

/** Lower case, accents and punctuation dropped, so "Constant Learning, Adaptation…" matches "constant learning". */
export function simplifyName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How well typed text names a section, 0 for not at all: 5 the whole name or id, 4 a prefix of the name, 3 a prefix
 * of one of its words, 2 a substring, 1 its letters in order ("cla" → Constant Learning, Adaptation…). Autocomplete
 * and name lookup both use this, so a suggestion the user types out in full is always understood.
 */
export function scoreSectionMatch(section: Section, typed: string): number {
  const wanted = simplifyName(typed);
  const name = simplifyName(section.name);
  if (wanted === '') return 1;
  if (wanted === name || wanted === simplifyName(section.id)) return 5;
  if (name.startsWith(wanted)) return 4;
  if (name.split(' ').some((word) => word.startsWith(wanted))) return 3;
  if (name.includes(wanted)) return 2;
  let position = 0;
  for (const letter of wanted.replace(/ /gu, '')) {
    position = name.indexOf(letter, position) + 1;
    if (position === 0) return 0;
  }
  return 1;
}

/** A section's paragraphs as a range, e.g. `¶6–¶16`, or `¶31` for one paragraph. */
export function paragraphRange(section: Pick<Section, 'firstParagraph' | 'lastParagraph'>): string {
  return section.firstParagraph === section.lastParagraph
    ? `¶${section.firstParagraph}`
    : `¶${section.firstParagraph}–¶${section.lastParagraph}`;
}
