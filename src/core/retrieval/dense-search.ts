import type { RankedChunk } from './bm25-index.js';

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
