import MiniSearch, { type SearchResult } from 'minisearch';
import type { Chunk } from '../chunking/chunk.js';
import { analyzeDocument, analyzeQuestion } from './analyze-text.js';

/** A chunk id and its score from one ranking, best first. */
export interface RankedChunk {
  readonly id: number;
  readonly score: number;
}

interface IndexedChunk {
  readonly id: number;
  readonly text: string;
  readonly sectionId: string;
}

const OPTIONS = {
  fields: ['text'],
  storeFields: ['sectionId'],
  tokenize: analyzeDocument,
  // analyzeDocument already normalises and stems; MiniSearch's default lower-casing would only repeat it.
  processTerm: (term: string) => term,
  searchOptions: { tokenize: analyzeQuestion, processTerm: (term: string) => term, combineWith: 'OR' as const },
};

/**
 * BM25 over chunks, backed by MiniSearch (whose ranking is BM25+ with k1 1.2, b 0.7). The chunks and the question are
 * analysed by the same pipeline (`analyze-text.ts`), less the question-framing words.
 */
export class Bm25Index {
  private constructor(private readonly search: MiniSearch<IndexedChunk>) {}

  /** Indexes the chunks. */
  static build(chunks: readonly Chunk[]): Bm25Index {
    const search = new MiniSearch<IndexedChunk>(OPTIONS);
    search.addAll(chunks.map(({ id, text, sectionId }) => ({ id, text, sectionId })));
    return new Bm25Index(search);
  }

  /** Restores an index written by {@link Bm25Index.toJSON}. */
  static fromJSON(json: string): Bm25Index {
    return new Bm25Index(MiniSearch.loadJSON<IndexedChunk>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  /**
   * Chunks matching any term of the question, best first, at most `limit`, optionally within one section. When no
   * term matches exactly, terms are matched loosely (prefixes, small misspellings), so that a question the speech does
   * not answer still gets its closest passage, which the caller marks as a weak match.
   */
  rank(question: string, limit: number, sectionId?: string): RankedChunk[] {
    const filter = sectionId === undefined ? {} : { filter: (result: SearchResult) => result['sectionId'] === sectionId };
    let results = this.search.search(question, filter);
    if (results.length === 0) results = this.search.search(question, { ...filter, prefix: true, fuzzy: 0.34 });
    return results.slice(0, limit).map((result) => ({ id: Number(result.id), score: result.score }));
  }
}
