/**
 * How WordNet expands questions and passages. Every value is recorded in the index manifest, so a change rebuilds.
 * Weights multiply the weight of the word a term came from (1): a synonym found in a passage counts as half a match
 * of the question's word.
 */
export interface ExpansionSettings {
  /** Other lemmas of the word's senses. */
  readonly synonym: number;
  /** Derivationally related forms (interfere → interference) and pertainyms (financial → finance). */
  readonly derivation: number;
  /** Broader terms (hypernyms, instance-of) and similar adjectives. */
  readonly hypernym: number;
  /** Narrower terms (hyponyms, instances); questions only. */
  readonly hyponym: number;
  /** Words of a sense's definition; passages only. */
  readonly definition: number;
  /** Factor for one word of a multiword lemma (secret_agent → secret, agent). */
  readonly multiwordPart: number;
  /** Terms weighing less than this (rare senses of polysemous words) are dropped. */
  readonly minimumWeight: number;
  /** At most this many expansion terms per word, heaviest first. */
  readonly maximumTerms: number;
  /** A passage's word is expanded by its senses tagged at least this share of its most frequent sense's count. */
  readonly documentSenseShare: number;
}

export const DEFAULT_EXPANSION: ExpansionSettings = {
  synonym: 0.5,
  derivation: 0.5,
  hypernym: 0.25,
  hyponym: 0.25,
  definition: 0.1,
  multiwordPart: 0.5,
  minimumWeight: 0.05,
  maximumTerms: 40,
  documentSenseShare: 0.5,
};
