import type { RankedChunk } from '../lexical/lexical-index.js';

/**
 * Cosine similarity between question and best chunk above which a dense match alone counts as an answer. Similarities
 * are on a different scale for every model, so only models listed here get a dense threshold; with any other model the
 * lexical rule decides alone. all-MiniLM-L6-v2 puts unrelated English sentences mostly below 0.3, so 0.5 admits only
 * strong paraphrases. That figure is not measured here: the model's weights cannot be downloaded on these machines.
 */
export const DENSE_SIMILARITY_THRESHOLDS: Readonly<Record<string, number>> = { 'Xenova/all-MiniLM-L6-v2': 0.5 };

/** Turns a text into a unit vector with the same model that embedded the chunks. */
export interface QueryEmbedder {
  embed(text: string): Promise<readonly number[]>;
}

/** Nearest chunks to a vector; `score` is the cosine similarity. */
export interface VectorSearch {
  nearest(vector: readonly number[], limit: number, accept?: (chunkId: number) => boolean): RankedChunk[];
}

/** What the hybrid mode adds to the lexical one. */
export interface DenseRetrieval {
  readonly embedder: QueryEmbedder;
  readonly vectors: VectorSearch;
  /** Cosine similarity from which a dense match alone is confident; absent for a model not calibrated. */
  readonly confidentSimilarity?: number | undefined;
}
