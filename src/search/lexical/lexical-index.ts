import type { WeightedTerm } from '../lexicon/expand-lemma.js';

/** A document id and its score from one ranking, best first. */
export interface RankedChunk {
  readonly id: number;
  readonly score: number;
}

/** A document as indexed: its own terms, and the expansion terms WordNet adds to it (a second, lighter field). */
export interface LexicalDocument {
  readonly terms: readonly string[];
  readonly expansion: readonly WeightedTerm[];
}

/**
 * One word of a question: its term, and the terms it expands to. Expansion terms count under the word they came
 * from: a document matching a synonym scores as a weaker match of that word, never as if the question had more words.
 */
export interface QueryConcept {
  readonly term: string;
  readonly expansions: readonly WeightedTerm[];
}

/** BM25's constants (Robertson & Zaragoza's usual values). */
const K1 = 1.2;
const B = 0.75;

interface Field {
  /** term → postings: document index and (weighted) term frequency. */
  readonly postings: Map<string, Array<readonly [number, number]>>;
  readonly lengths: Float64Array;
  readonly averageLength: number;
}

function buildField(documents: readonly (readonly WeightedTerm[])[]): Field {
  const postings = new Map<string, Array<readonly [number, number]>>();
  const lengths = new Float64Array(documents.length);
  documents.forEach((terms, index) => {
    const frequencies = new Map<string, number>();
    for (const [term, weight] of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
    for (const [term, frequency] of frequencies) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, frequency]);
      lengths[index] = (lengths[index] ?? 0) + frequency;
    }
  });
  const total = lengths.reduce((sum, length) => sum + length, 0);
  return { postings, lengths, averageLength: documents.length > 0 ? Math.max(total / documents.length, 1e-9) : 1 };
}

/**
 * BM25 over documents with two fields, scored per question word: each word contributes the best of its own term in
 * the text, its own term in the expansion field (weighted down), and its expansion terms in the text (each at its
 * weight). Written here rather than on a full-text library because a word's expansions must share one slot of the
 * sum (and of any coordination factor), which no library's query model expresses.
 */
export class LexicalIndex {
  private readonly text: Field;
  private readonly expansion: Field;
  readonly size: number;

  constructor(readonly documents: readonly LexicalDocument[]) {
    this.size = documents.length;
    this.text = buildField(documents.map((document) => document.terms.map((term) => [term, 1] as const)));
    this.expansion = buildField(documents.map((document) => document.expansion));
  }

  /** Whether a term occurs in any document's own text. */
  hasTerm(term: string): boolean {
    return this.text.postings.has(term);
  }

  /** The terms of every document's own text, for loose matching. */
  terms(): IterableIterator<string> {
    return this.text.postings.keys();
  }

  /** BM25 inverse document frequency of a term in the documents' own text (the highest for an unknown term). */
  idf(term: string): number {
    return this.inverseFrequency(this.text.postings.get(term)?.length ?? 0);
  }

  private inverseFrequency(documents: number): number {
    return Math.log(1 + (this.size - documents + 0.5) / (documents + 0.5));
  }

  /**
   * Documents matching any word of the question, best first, among those `accept` admits; `expansionFieldWeight`
   * weighs the expansion field against the documents' own terms.
   */
  rank(
    concepts: readonly QueryConcept[],
    expansionFieldWeight: number,
    accept?: (id: number) => boolean,
  ): RankedChunk[] {
    const totals = new Map<number, number>();
    for (const concept of concepts) {
      const best = new Map<number, number>();
      const consider = (field: Field, term: string, weight: number) => {
        const postings = field.postings.get(term);
        if (!postings || weight <= 0) return;
        const idf = this.inverseFrequency(postings.length);
        for (const [id, frequency] of postings) {
          if (accept && !accept(id)) continue;
          const norm = K1 * (1 - B + (B * (field.lengths[id] ?? 0)) / field.averageLength);
          const score = weight * idf * ((frequency * (K1 + 1)) / (frequency + norm));
          if (score > (best.get(id) ?? 0)) best.set(id, score);
        }
      };
      consider(this.text, concept.term, 1);
      consider(this.expansion, concept.term, expansionFieldWeight);
      for (const [term, weight] of concept.expansions) consider(this.text, term, weight);
      for (const [id, score] of best) totals.set(id, (totals.get(id) ?? 0) + score);
    }
    return [...totals.entries()].sort(([a, x], [b, y]) => y - x || a - b).map(([id, score]) => ({ id, score }));
  }
}
