import type { ExpansionSettings } from './expansion-settings.js';
import type { LemmaSense, WordNetDatabase } from './wordnet-database.js';
import type { Synset } from './wordnet-records.js';

/** A term of the index and its weight relative to the word it expands (1). */
export type WeightedTerm = readonly [term: string, weight: number];

/** Which side is expanded: a question's word (broader and narrower terms) or a passage's word (broader terms, definitions). */
export type ExpansionSide = 'query' | 'document';

/** The index term of a word, or undefined for a word that carries no content (a stopword). */
export type TermOfWord = (word: string) => string | undefined;

const BROADER = new Set(['@', '@i', '&', '^']);
const NARROWER = new Set(['~', '~i']);
const DERIVED = new Set(['+', '\\']);

/**
 * Each sense's weight from WordNet's tagged-sense counts: (count + 1) / (highest count + 1), so a word's dominant
 * sense weighs 1 and rare senses of a polysemous word ("get", "change") fall below the minimum weight. A word none of
 * whose senses was tagged ("jazz") weighs its senses by their order in each part of speech (1, 1/2, 1/3 …), the
 * order WordNet lists them by frequency. A passage's word keeps only its most frequent senses (at least
 * `documentSenseShare` of the top count; the first sense of each part of speech when none was tagged).
 */
function weightedSenses(
  senses: readonly LemmaSense[],
  side: ExpansionSide,
  settings: ExpansionSettings,
): Array<readonly [string, number]> {
  const top = Math.max(0, ...senses.map((sense) => sense.count));
  const rankInPos = new Map<string, number>();
  const weighted = senses.map((sense) => {
    const pos = sense.synset.slice(0, sense.synset.indexOf(':'));
    const rank = (rankInPos.get(pos) ?? 0) + 1;
    rankInPos.set(pos, rank);
    return [sense.synset, top === 0 ? 1 / rank : (sense.count + 1) / (top + 1)] as const;
  });
  if (side === 'query') return weighted;
  return weighted.filter(([, weight], index) =>
    top === 0 ? weight === 1 : (senses[index]?.count ?? 0) >= settings.documentSenseShare * top,
  );
}

/**
 * The terms of a related synset's words, each with the factor its word carries. A related compound counts by its head
 * ("business_people" by "people", "bump_off" by "bump"), at the multiword factor: its other words name something else
 * ("business"), and would match passages about that.
 */
function relatedTerms(synset: Synset, termOf: TermOfWord, settings: ExpansionSettings): WeightedTerm[] {
  const terms: WeightedTerm[] = [];
  for (const word of synset.words) {
    const words = word.split(/[_-]/u).filter((part) => part.length > 0);
    const parts =
      words.length === 1
        ? words
        : synset.pos === 'noun'
          ? words.slice(-1)
          : synset.pos === 'verb'
            ? words.slice(0, 1)
            : words;
    for (const part of parts) {
      const term = termOf(part);
      if (term !== undefined) terms.push([term, words.length > 1 ? settings.multiwordPart : 1]);
    }
  }
  return terms;
}

/**
 * The terms WordNet relates to a lemma, each with the highest weight any path gives it: synonyms and derivations of
 * its senses, broader terms, and, for questions, narrower terms; for passages, the definition's words. Multiword
 * lemmas count word by word, at a lower weight. The lemma's own term is left out (it matches at full weight).
 * `memo` keeps each related synset's terms between calls with the same `termOf` (building the lexicon expands every
 * lemma of WordNet, and a general synset is related to thousands).
 */
export function expandLemma(
  database: WordNetDatabase,
  lemma: string,
  side: ExpansionSide,
  termOf: TermOfWord,
  settings: ExpansionSettings,
  memo: Map<string, readonly WeightedTerm[]> = new Map(),
): WeightedTerm[] {
  const weights = new Map<string, number>();
  const own = termOf(lemma);
  const add = (word: string, weight: number) => {
    const parts = word.split(/[_-]/u).filter((part) => part.length > 0);
    const partWeight = parts.length > 1 ? weight * settings.multiwordPart : weight;
    for (const part of parts) {
      const term = termOf(part);
      if (term === undefined || term === own || partWeight < settings.minimumWeight) continue;
      if ((weights.get(term) ?? 0) < partWeight) weights.set(term, partWeight);
    }
  };
  const addAll = (synset: Synset | undefined, weight: number) => {
    if (!synset) return;
    let terms = memo.get(synset.key);
    if (!terms) memo.set(synset.key, (terms = relatedTerms(synset, termOf, settings)));
    for (const [term, factor] of terms) {
      const termWeight = weight * factor;
      if (term !== own && termWeight >= settings.minimumWeight && (weights.get(term) ?? 0) < termWeight)
        weights.set(term, termWeight);
    }
  };
  for (const [key, senseWeight] of weightedSenses(database.senses.get(lemma) ?? [], side, settings)) {
    const synset = database.synsets.get(key);
    if (!synset) continue;
    const position = synset.words.indexOf(lemma) + 1;
    for (const word of synset.words) if (word !== lemma) add(word, settings.synonym * senseWeight);
    for (const pointer of synset.pointers) {
      if (pointer.sourceWord !== 0 && pointer.sourceWord !== position) continue;
      const target = database.synsets.get(pointer.target);
      if (DERIVED.has(pointer.symbol)) {
        const word = target?.words[pointer.targetWord - 1];
        if (word) add(word, settings.derivation * senseWeight);
      } else if (BROADER.has(pointer.symbol)) addAll(target, settings.hypernym * senseWeight);
      else if (NARROWER.has(pointer.symbol) && side === 'query') addAll(target, settings.hyponym * senseWeight);
    }
    if (side === 'document')
      for (const word of synset.gloss.split(/[^a-z0-9]+/iu))
        if (word) add(word.toLowerCase(), settings.definition * senseWeight);
  }
  return [...weights.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, settings.maximumTerms);
}
