import { DISCORD_LIMITS } from '../discord/discord-limits.js';
import { sectionOf } from '../speech/find-paragraphs.js';
import type { Paragraph, Speech } from '../speech/speech.js';
import { wordTokens } from '../speech/word-tokens.js';

/** An autocomplete choice for an integer option: the label shown, and the ¶ number sent. */
export interface ParagraphChoice {
  readonly name: string;
  readonly value: number;
}

/** A text's words as compared (folded as Check quote folds them: case, accents, apostrophe and dash styles). */
const wordsOf = (text: string): string[] => wordTokens(text).map((token) => token.folded);

/**
 * Autocomplete for a ¶ option (`/quote paragraph:`, `/study goto paragraph:`), in the order Discord shows, 25 at most:
 * - nothing typed: the paragraphs from the first;
 * - a number (`12`, `¶12`): that paragraph, then those whose number starts with it (`1` → ¶1, ¶10–19, ¶100…);
 * - words: paragraphs holding them, those holding the most first; the last word counts as a prefix, as it is still
 *   being typed.
 * The label reads `¶12 · State Threats · This leads me to misinformation…`, cut to Discord's 100 characters.
 */
export function rankParagraphChoices(speech: Speech, typed: string): ParagraphChoice[] {
  const text = typed.trim().replace(/^¶\s*/u, '');
  let ranked: readonly Paragraph[];
  if (text === '') ranked = speech.paragraphs;
  else if (/^\d+$/u.test(text)) {
    const prefix = String(Number(text));
    ranked = speech.paragraphs
      .filter((paragraph) => String(paragraph.number).startsWith(prefix))
      .sort((a, b) => String(a.number).length - String(b.number).length || a.number - b.number);
  } else ranked = byWords(speech.paragraphs, wordsOf(text));
  return ranked.slice(0, DISCORD_LIMITS.autocompleteChoices).map((paragraph) => ({
    name: paragraphLabel(speech, paragraph),
    value: paragraph.number,
  }));
}

function byWords(paragraphs: readonly Paragraph[], typed: readonly string[]): Paragraph[] {
  if (typed.length === 0) return [];
  const complete = typed.slice(0, -1);
  const last = typed.at(-1) ?? '';
  return paragraphs
    .map((paragraph) => {
      const words = new Set(wordsOf(paragraph.text));
      const found = complete.filter((word) => words.has(word)).length;
      const prefixFound = [...words].some((word) => word.startsWith(last)) ? 1 : 0;
      return { paragraph, score: found + prefixFound };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.paragraph.number - b.paragraph.number)
    .map(({ paragraph }) => paragraph);
}

/** `¶12 · State Threats · This leads me…`: the opening words, cut at a word, within Discord's limit for a choice. */
export function paragraphLabel(speech: Speech, paragraph: Paragraph): string {
  const head = `¶${paragraph.number} · ${sectionOf(speech, paragraph).name} · `;
  const room = DISCORD_LIMITS.choiceName - head.length;
  if (room < 12) return head.slice(0, DISCORD_LIMITS.choiceName);
  if (paragraph.text.length <= room) return head + paragraph.text;
  const cut = paragraph.text.slice(0, room - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(room / 2))).trimEnd();
  return `${head}${atWord}…`;
}
