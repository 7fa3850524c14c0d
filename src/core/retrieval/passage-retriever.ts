import type { Chunk } from '../chunking/chunk.js';
import type { Paragraph, Section, Speech } from '../speech/speech.js';
import { UserFacingError } from '../user-facing-error.js';
import { AnswerConfidence } from './answer-confidence.js';
import type { Bm25Index, RankedChunk } from './bm25-index.js';
import type { DenseRetrieval } from './dense-search.js';
import { fuseRankings } from './reciprocal-rank-fusion.js';
import { validateQuestion } from './validate-question.js';

export type RetrievalMode = 'hybrid' | 'lexical';

/** One passage of an answer: a whole paragraph, verbatim, with the sentence(s) that matched best. */
export interface Passage {
  readonly id: string;
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** Fused rank score in [0, 1]: 1 is first in every ranking. */
  readonly score: number;
  /** The best-matching span of `paragraph.text`, verbatim. */
  readonly highlight: { readonly start: number; readonly end: number; readonly text: string };
}

export interface Answer {
  readonly question: string;
  readonly mode: RetrievalMode;
  /** False when nothing in the speech answers the question well; the passages are then the closest, weak matches. */
  readonly confident: boolean;
  readonly passages: readonly Passage[];
}

export interface AskOptions {
  /** Number of passages, 1…10 (default 3). */
  readonly limit?: number;
  /** Restricts the search to one section. */
  readonly sectionId?: string;
}

export const MAX_PASSAGES = 10;
const DEFAULT_PASSAGES = 3;
const CANDIDATES = 50;

/** Answers questions with the speech's own paragraphs. */
export interface Retriever {
  readonly mode: RetrievalMode;
  /** @throws {UserFacingError} for a question or option the user must change. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export interface PassageRetrieverParts {
  readonly speech: Speech;
  readonly chunks: readonly Chunk[];
  readonly bm25: Bm25Index;
  /** Present in hybrid mode. */
  readonly dense?: DenseRetrieval;
}

/**
 * BM25 over chunks, plus dense k-NN when `dense` is given, fused by Reciprocal Rank Fusion and rolled up to
 * paragraphs: a paragraph ranks by its best chunk, which is also its highlight.
 */
export class PassageRetriever implements Retriever {
  readonly mode: RetrievalMode;
  private readonly confidence: AnswerConfidence;
  private readonly paragraphs: ReadonlyMap<string, Paragraph>;
  private readonly sections: ReadonlyMap<string, Section>;

  constructor(private readonly parts: PassageRetrieverParts) {
    this.mode = parts.dense ? 'hybrid' : 'lexical';
    this.confidence = new AnswerConfidence(parts.speech.paragraphs);
    this.paragraphs = new Map(parts.speech.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
    this.sections = new Map(parts.speech.sections.map((section) => [section.id, section]));
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const limit = options.limit ?? DEFAULT_PASSAGES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PASSAGES) {
      throw new UserFacingError('results-out-of-range', `The number of results must be a whole number from 1 to ${MAX_PASSAGES}.`);
    }
    const { sectionId } = options;
    if (sectionId !== undefined && !this.sections.has(sectionId)) {
      throw new UserFacingError('unknown-section', `No section has the id "${sectionId}".`);
    }
    const lexical = this.parts.bm25.rank(question, CANDIDATES, sectionId);
    const dense = await this.denseRanking(question, sectionId);
    const fused = fuseRankings(dense ? [lexical, dense] : [lexical]);
    const passages = this.toPassages(fused, limit);
    // Each ranking is judged on its own best chunk, so that one ranking's noise cannot hide the other's evidence.
    const lexicalBest = lexical[0] ? this.parts.chunks[lexical[0].id]?.paragraphNumber : undefined;
    const threshold = this.parts.dense?.confidentSimilarity;
    const denseEvidence = dense?.[0] && threshold !== undefined ? { similarity: dense[0].score, threshold } : undefined;
    const confident = passages.length > 0 && this.confidence.isConfident(question, lexicalBest, denseEvidence);
    return { question, mode: this.mode, confident, passages };
  }

  private async denseRanking(question: string, sectionId: string | undefined): Promise<RankedChunk[] | undefined> {
    if (!this.parts.dense) return undefined;
    const vector = await this.parts.dense.embedder.embed(question);
    const accept = sectionId === undefined ? undefined : (id: number) => this.parts.chunks[id]?.sectionId === sectionId;
    return this.parts.dense.vectors.nearest(vector, CANDIDATES, accept);
  }

  private toPassages(fused: readonly RankedChunk[], limit: number): Passage[] {
    const passages: Passage[] = [];
    const seen = new Set<string>();
    for (const { id, score } of fused) {
      const chunk = this.parts.chunks[id];
      if (!chunk || seen.has(chunk.paragraphId)) continue;
      seen.add(chunk.paragraphId);
      const paragraph = this.paragraphs.get(chunk.paragraphId);
      const section = paragraph && this.sections.get(paragraph.sectionId);
      if (!paragraph || !section) continue;
      const highlight = { start: chunk.start, end: chunk.end, text: paragraph.text.slice(chunk.start, chunk.end) };
      passages.push({ id: paragraph.id, section, paragraph, score, highlight });
      if (passages.length === limit) break;
    }
    return passages;
  }
}
