/**
 * A bert-base-uncased-shaped WordPiece vocabulary and `tokenizer.json` without the real vocab.txt.
 *
 * The benchmark model must tokenize English into about as many pieces as the real tokenizer does (the forward
 * pass is quadratic in them) and its tokenizer must be as large as the real one (30,522 entries: load time and
 * lookup cost). So it keeps BERT's layout of special and [unusedN] ids, adds single characters for coverage, real
 * words (from the speech and an English stopword list), pieces cut from those words, and fills up with letter
 * pairs and triples so unknown words split into a few pieces rather than one per character.
 */

/** Special tokens at the ids bert-base-uncased gives them; transformers.js pads with [PAD]=0. */
export const SPECIAL_TOKEN_IDS = { '[PAD]': 0, '[UNK]': 100, '[CLS]': 101, '[SEP]': 102, '[MASK]': 103 } as const;

/** bert-base-uncased reserves ids 1–99 and 104–998 for [unused0]–[unused993]; real words start at 999. */
const RESERVED_IDS = 999;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Characters no text should fall back to [UNK] for; typographic quotes and dashes fill real speech transcripts. */
const CHARACTERS = [
  ...LETTERS,
  ...'0123456789',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a3\u20ac',
];
/** English letter frequencies (%), a to z: ranks generic letter triples so the filler is the pronounceable ones. */
const LETTER_FREQUENCY = [
  8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4, 6.7, 7.5, 1.9, 0.095, 6.0, 6.3, 9.1, 2.8, 0.98,
  2.4, 0.15, 2.0, 0.074,
];

/** Text as BertNormalizer (lowercase, accents stripped) and BertPreTokenizer (split on space and punctuation) see it. */
export function wordsOf(text: string): string[] {
  const normalised = text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct words, most frequent first (ties in first-seen order): the most useful ones survive a tight budget. */
export function wordsByFrequency(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

function letterCombinations(length: number): string[] {
  let combinations = [''];
  for (let step = 0; step < length; step += 1)
    combinations = combinations.flatMap((prefix) => [...LETTERS].map((letter) => prefix + letter));
  return combinations;
}

function englishLikeness(piece: string): number {
  return [...piece].reduce((score, letter) => score * (LETTER_FREQUENCY[letter.charCodeAt(0) - 97] ?? 0.01), 1);
}

/**
 * Builds exactly `size` tokens (index = id), in priority order: BERT's reserved block, characters and their `##`
 * forms, `words`, `##` letter pairs, stems and endings of the words, bare letter pairs, `##` triples, then bare
 * triples by English-likeness; any remaining room becomes further [unusedN] entries.
 *
 * @throws RangeError when `size` cannot hold the reserved block.
 */
export function buildWordPieceVocabulary(size: number, words: readonly string[]): string[] {
  if (size < RESERVED_IDS)
    throw new RangeError(`a BERT vocabulary needs at least ${RESERVED_IDS} entries, got ${size}`);
  const specials = new Map<number, string>(Object.entries(SPECIAL_TOKEN_IDS).map(([token, id]) => [id, token]));
  let unused = 0;
  const tokens = Array.from({ length: RESERVED_IDS }, (_, id) => specials.get(id) ?? `[unused${unused++}]`);
  const seen = new Set(tokens);
  const add = (token: string): void => {
    if (tokens.length < size && token.length > 0 && !seen.has(token)) {
      seen.add(token);
      tokens.push(token);
    }
  };
  const longWords = words.filter((word) => word.length >= 6);
  const groups: readonly (readonly string[])[] = [
    CHARACTERS,
    CHARACTERS.map((character) => `##${character}`),
    words,
    letterCombinations(2).map((pair) => `##${pair}`),
    // Stems and endings like "secur", "##tion", "##ment": the morphology real WordPiece vocabularies learn.
    longWords.flatMap((word) => [word.slice(0, 4), word.slice(0, 5), `##${word.slice(-4)}`, `##${word.slice(-5)}`]),
    letterCombinations(2),
    letterCombinations(3).map((triple) => `##${triple}`),
    letterCombinations(3).sort((a, b) => englishLikeness(b) - englishLikeness(a)),
  ];
  for (const group of groups) for (const token of group) add(token);
  while (tokens.length < size) add(`[unused${unused++}]`);
  return tokens;
}
