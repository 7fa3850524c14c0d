/** WordNet's four parts of speech as its file names spell them; adjective satellites (`s`) count as adjectives. */
export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';

export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

const SYNSET_TYPE: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A pointer from a synset (or one of its words) to another synset (or one of its words). */
export interface SynsetPointer {
  /** WordNet's pointer symbol: `@` hypernym, `~` hyponym, `+` derivationally related, `&` similar to, … */
  readonly symbol: string;
  /** Key of the target synset (see {@link synsetKey}). */
  readonly target: string;
  /** Word number in this synset the pointer starts from, 1-based; 0 when it holds for the whole synset. */
  readonly sourceWord: number;
  /** Word number in the target synset, 1-based; 0 when the pointer is semantic (to the whole synset). */
  readonly targetWord: number;
}

/** One line of a `data.*` file: a set of synonyms, its relations and its definition. */
export interface Synset {
  readonly key: string;
  readonly pos: PartOfSpeech;
  /** Lemmas in lower case, multiword ones with `_` between words, adjective markers such as `(p)` removed. */
  readonly words: readonly string[];
  readonly pointers: readonly SynsetPointer[];
  /** The definition, without example sentences. */
  readonly gloss: string;
}

/** A synset's key across the four data files: the part of speech and the byte offset, e.g. `noun:10661153`. */
export function synsetKey(pos: PartOfSpeech, offset: string): string {
  return `${pos}:${offset}`;
}

/** Parses one line of `data.noun`, `data.verb`, `data.adj` or `data.adv`; `undefined` for the licence header. */
export function parseDataLine(line: string): Synset | undefined {
  if (line.startsWith(' ') || line.length === 0) return undefined;
  const bar = line.indexOf(' | ');
  const fields = (bar < 0 ? line : line.slice(0, bar)).trim().split(' ');
  const [offset = '', , type = '', wordCountHex = '0'] = fields;
  const pos = SYNSET_TYPE[type];
  if (!pos) return undefined;
  const wordCount = parseInt(wordCountHex, 16);
  const words: string[] = [];
  let at = 4;
  for (let index = 0; index < wordCount; index += 1, at += 2)
    words.push((fields[at] ?? '').toLowerCase().replace(/\([a-z]+\)$/u, ''));
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: SynsetPointer[] = [];
  for (let index = 0; index < pointerCount; index += 1, at += 4) {
    const targetPos = SYNSET_TYPE[fields[at + 2] ?? ''];
    const sourceTarget = fields[at + 3] ?? '0000';
    if (!targetPos) continue;
    pointers.push({
      symbol: fields[at] ?? '',
      target: synsetKey(targetPos, fields[at + 1] ?? ''),
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  const gloss = bar < 0 ? '' : (line.slice(bar + 3).split('; "')[0] ?? '').trim();
  return { key: synsetKey(pos, offset), pos, words, pointers, gloss };
}

/** One line of an `index.*` file: a lemma and its synsets, most frequent sense first. */
export interface IndexEntry {
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  readonly synsets: readonly string[];
}

/** Parses one line of `index.noun`, `index.verb`, `index.adj` or `index.adv`; `undefined` for the licence header. */
export function parseIndexLine(line: string, pos: PartOfSpeech): IndexEntry | undefined {
  if (line.startsWith(' ') || line.length === 0) return undefined;
  const fields = line.trim().split(' ');
  const [lemma = '', , synsetCountText = '0', pointerCountText = '0'] = fields;
  const synsetCount = Number(synsetCountText);
  // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const first = 4 + Number(pointerCountText) + 2;
  const synsets = fields.slice(first, first + synsetCount).map((offset) => synsetKey(pos, offset));
  return { lemma, pos, synsets };
}

/** One line of `index.sense`: how often a lemma was seen in one sense in WordNet's semantically tagged texts. */
export interface SenseCount {
  readonly lemma: string;
  readonly synset: string;
  readonly count: number;
}

/** Parses one line of `index.sense` (`spy%1:18:00:: 10661153 1 3`). */
export function parseSenseLine(line: string): SenseCount | undefined {
  const [senseKey = '', offset = '', , countText = '0'] = line.trim().split(' ');
  const percent = senseKey.indexOf('%');
  const pos = SYNSET_TYPE[['', 'n', 'v', 'a', 'r', 's'][Number(senseKey.charAt(percent + 1))] ?? ''];
  if (percent <= 0 || !pos) return undefined;
  return { lemma: senseKey.slice(0, percent), synset: synsetKey(pos, offset), count: Number(countText) };
}

/** Parses one line of an exception list (`noun.exc`: `children child`): an irregular form and its base forms. */
export function parseExceptionLine(
  line: string,
): { readonly inflected: string; readonly bases: readonly string[] } | undefined {
  const [inflected, ...bases] = line.trim().split(' ');
  return inflected && bases.length > 0 ? { inflected, bases } : undefined;
}
