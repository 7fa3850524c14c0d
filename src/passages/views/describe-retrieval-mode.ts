import type { RetrievalMode } from '../../search/passage-retriever.js';

/** How answers are found, in a sentence a member reads in `/about` and `/help`. */
export function describeRetrievalMode(mode: RetrievalMode): string {
  return mode === 'hybrid'
    ? 'Hybrid: keyword search (BM25) and sentence embeddings, fused.'
    : 'Lexical: keyword search (BM25) only; the embedding model is not available, so questions in other words may be missed.';
}
