import type { PartOfSpeech } from './wordnet-records.js';

/** WordNet's detachment rules (morphy(7WN)): an ending and what replaces it, tried in this order per part of speech. */
const DETACHMENT_RULES: Readonly<Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

const ORDER: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/** What morphology needs of WordNet: its single-word lemmas per part of speech and its exception lists. */
export interface MorphologyData {
  readonly lemmas: Readonly<Record<PartOfSpeech, readonly string[]>>;
  /** Irregular form → base forms, per part of speech (`noun.exc`: `children child`). */
  readonly exceptions: Readonly<Record<PartOfSpeech, ReadonlyArray<readonly [string, readonly string[]]>>>;
}

/**
 * WordNet's own morphology (morphy), reduced to one base form per word so that the index and the questions agree on
 * a word's canonical form: a regular inflection takes the shortest base its detachment rules yield (spies → spy,
 * interfering → interfere); otherwise a lemma stays as it is (better, left), and an irregular form takes its exception
 * list's base (spoke → speak, children → child). Unknown words stay as they are.
 */
export class Morphology {
  private readonly lemmas: ReadonlyMap<PartOfSpeech, ReadonlySet<string>>;
  private readonly exceptions: ReadonlyMap<PartOfSpeech, ReadonlyMap<string, readonly string[]>>;
  private readonly cache = new Map<string, string>();

  constructor(readonly data: MorphologyData) {
    this.lemmas = new Map(ORDER.map((pos) => [pos, new Set(data.lemmas[pos])]));
    this.exceptions = new Map(ORDER.map((pos) => [pos, new Map(data.exceptions[pos])]));
  }

  /** Whether WordNet has the word as a lemma of any part of speech. */
  isLemma(word: string): boolean {
    return ORDER.some((pos) => this.lemmas.get(pos)?.has(word));
  }

  /** The word's base form (lower-case input expected). */
  lemmatise(word: string): string {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const base = this.baseOf(word);
    // Questions are short and the speech's vocabulary small: the cache stays a few thousand entries.
    if (this.cache.size < 50_000) this.cache.set(word, base);
    return base;
  }

  private baseOf(word: string): string {
    if (word.length < 3) return word;
    const regular: string[] = [];
    for (const pos of ORDER) {
      const lemmas = this.lemmas.get(pos);
      for (const [ending, replacement] of DETACHMENT_RULES[pos]) {
        if (!word.endsWith(ending)) continue;
        const candidate = word.slice(0, word.length - ending.length) + replacement;
        if (candidate.length >= 2 && lemmas?.has(candidate)) regular.push(candidate);
      }
    }
    // A regular inflection wins, shortest first (interfering → interfere, though WordNet also lists the adjective).
    const shortest = regular.sort((a, b) => a.length - b.length)[0];
    if (shortest !== undefined) return shortest;
    if (this.isLemma(word)) return word;
    for (const pos of ORDER) {
      const known = this.exceptions
        .get(pos)
        ?.get(word)
        ?.find((base) => this.isLemma(base));
      if (known) return known;
    }
    return word;
  }
}
