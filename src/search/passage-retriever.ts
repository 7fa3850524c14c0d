import type { Chunk } from './chunking/chunk.js';
import type { Paragraph, Section, Speech } from '../speech/speech.js';
import { UserFacingError } from '../refusal/user-facing-error.js';
import type { DenseRetrieval } from './dense/dense-search.js';
import type { LexicalRanking } from './lexical/lexical-ranking.js';
import type { QueryConcept, RankedChunk } from './lexical/lexical-index.js';
import { fuseRankings } from './reciprocal-rank-fusion.js';
import { DEFAULT_RETRIEVAL, type RetrievalSettings } from './retrieval-settings.js';
import { findStructuralReference } from './structural-reference.js';
import { orderAnswer, type RankedParagraph } from './answer-order.js';
import { confidentParagraphs } from './passage-confidence.js';
import { validateQuestion } from './validate-question.js';
import { checkResultCount, DEFAULT_PASSAGES, MAX_PASSAGES } from './result-count.js';

export type RetrievalMode = 'hybrid' | 'lexical';

/** One passage of an answer: a whole paragraph, verbatim, with the sentence(s) that matched best. */
export interface Passage {
  readonly id: string;
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** Rank score in [0, 1], non-increasing down the answer: 1 is first in every ranking. */
  readonly score: number;
  /** The best-matching span of `paragraph.text`, verbatim. */
  readonly highlight: { readonly start: number; readonly end: number; readonly text: string };
  /** Whether this passage itself answers the question; the others are the closest, weak matches. */
  readonly confident: boolean;
}

export interface Answer {
  readonly question: string;
  readonly mode: RetrievalMode;
  /** False when nothing in the speech answers the question well; the passages are then the closest, weak matches. */
  readonly confident: boolean;
  /** Confident passages first, then weak ones. */
  readonly passages: readonly Passage[];
}

export interface AskOptions {
  /** Number of passages, 1…10 (default 3). */
  readonly limit?: number;
  /** Restricts the search to one section. */
  readonly sectionId?: string;
}

export { MAX_PASSAGES };
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
  readonly lexical: LexicalRanking;
  /** Present in hybrid mode. */
  readonly dense?: DenseRetrieval;
  readonly settings?: Partial<RetrievalSettings>;
}

/**
 * The passages for a question: lexical evidence (BM25 with WordNet expansion, over chunks and whole paragraphs),
 * dense k-NN in hybrid mode, fused by Reciprocal Rank Fusion at the paragraph level; a question about the speech's
 * structure ranks the paragraphs it points to first; the answer is filled to the number asked with the paragraphs
 * around the best match. Each passage is confident or weak on its own evidence.
 */
export class PassageRetriever implements Retriever {
  readonly mode: RetrievalMode;
  readonly settings: RetrievalSettings;
  private readonly sections: ReadonlyMap<string, Section>;
  private readonly firstChunk = new Map<number, number>();

  constructor(private readonly parts: PassageRetrieverParts) {
    this.mode = parts.dense ? 'hybrid' : 'lexical';
    this.settings = { ...DEFAULT_RETRIEVAL, ...parts.settings };
    this.sections = new Map(parts.speech.sections.map((section) => [section.id, section]));
    for (const chunk of parts.chunks)
      if (!this.firstChunk.has(chunk.paragraphNumber)) this.firstChunk.set(chunk.paragraphNumber, chunk.id);
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const limit = checkResultCount(options.limit ?? DEFAULT_PASSAGES);
    const { sectionId } = options;
    const section = sectionId === undefined ? undefined : this.sections.get(sectionId);
    if (sectionId !== undefined && !section) throw new UserFacingError({ code: 'unknown-section', sectionId });
    const inScope = (number: number) =>
      !section || (number >= section.firstParagraph && number <= section.lastParagraph);

    const { lexical, speech } = this.parts;
    const { concepts, ranked: lexicalRanking } = lexical.rankWithLooseFallback(question, (words) =>
      this.lexicalRanking(words, inScope),
    );
    const denseRanking = await this.denseRanking(question, inScope);
    const fused = this.fuse(denseRanking ? [lexicalRanking, denseRanking] : [lexicalRanking]);

    const structure = this.settings.structure ? findStructuralReference(question, speech, section) : undefined;
    const order = orderAnswer({
      fused,
      structure,
      inScope,
      limit,
      paragraphCount: speech.paragraphs.length,
      fallbackBest: section?.firstParagraph ?? 1,
      unranked: (number, score) => this.unranked(number, score),
    });
    const confidentOf = confidentParagraphs({
      concepts,
      lexical,
      lexicalRanking,
      denseRanking,
      denseThreshold: this.parts.dense?.confidentSimilarity,
      structure,
      settings: this.settings,
    });
    const passages = this.toPassages(order.slice(0, MAX_PASSAGES), confidentOf);
    const ranked = [
      ...passages.filter((passage) => passage.confident),
      ...passages.filter((passage) => !passage.confident),
    ].slice(0, limit);
    let ceiling = 1;
    const scored = ranked.map((passage) => ({ ...passage, score: (ceiling = Math.min(ceiling, passage.score)) }));
    return { question, mode: this.mode, confident: scored[0]?.confident ?? false, passages: scored };
  }

  /** Lexical evidence per paragraph: its best chunk's score plus the whole paragraph's, each scaled to its ranking's best. */
  private lexicalRanking(concepts: readonly QueryConcept[], inScope: (number: number) => boolean): RankedParagraph[] {
    const { lexical, chunks } = this.parts;
    const weight = this.settings.expansionFieldWeight;
    const chunkScores = this.rollUp(
      lexical.chunks.rank(concepts, weight, (id) => inScope(chunks[id]?.paragraphNumber ?? 0)),
    );
    const paragraphScores =
      this.settings.paragraphWeight > 0 ? lexical.paragraphs.rank(concepts, weight, (index) => inScope(index + 1)) : [];
    const topChunk = chunkScores[0]?.score ?? 1;
    const topParagraph = paragraphScores[0]?.score ?? 1;
    const combined = new Map(
      chunkScores.map(({ number, chunk, score }) => [number, { chunk, score: score / topChunk }]),
    );
    for (const { id, score } of paragraphScores) {
      const number = id + 1;
      const entry = combined.get(number) ?? { chunk: this.firstChunk.get(number) ?? 0, score: 0 };
      combined.set(number, {
        chunk: entry.chunk,
        score: entry.score + (this.settings.paragraphWeight * score) / topParagraph,
      });
    }
    return [...combined.entries()]
      .map(([number, { chunk, score }]) => ({ number, chunk, score }))
      .sort((a, b) => b.score - a.score || a.number - b.number)
      .slice(0, CANDIDATES);
  }

  private async denseRanking(
    question: string,
    inScope: (number: number) => boolean,
  ): Promise<RankedParagraph[] | undefined> {
    if (!this.parts.dense) return undefined;
    const { chunks } = this.parts;
    const vector = await this.parts.dense.embedder.embed(question);
    const nearest = this.parts.dense.vectors.nearest(vector, CANDIDATES, (id) =>
      inScope(chunks[id]?.paragraphNumber ?? 0),
    );
    return this.rollUp(nearest);
  }

  /** A chunk ranking as a paragraph ranking: each paragraph at its best chunk. */
  private rollUp(ranking: readonly RankedChunk[]): RankedParagraph[] {
    const seen = new Set<number>();
    const paragraphs: RankedParagraph[] = [];
    for (const { id, score } of ranking) {
      const number = this.parts.chunks[id]?.paragraphNumber;
      if (number === undefined || seen.has(number)) continue;
      seen.add(number);
      paragraphs.push({ number, chunk: id, score });
    }
    return paragraphs;
  }

  /** Paragraph rankings fused by RRF; a paragraph is highlighted at its chunk in the first ranking that has it. */
  private fuse(rankings: readonly (readonly RankedParagraph[])[]): RankedParagraph[] {
    const chunkOf = new Map<number, number>();
    for (const ranking of rankings)
      for (const item of ranking) if (!chunkOf.has(item.number)) chunkOf.set(item.number, item.chunk);
    const fused = fuseRankings(
      rankings.map((ranking) => ranking.map((item) => ({ id: item.number, score: item.score }))),
    );
    return fused.map(({ id, score }) => ({
      number: id,
      chunk: chunkOf.get(id) ?? this.firstChunk.get(id) ?? 0,
      score,
    }));
  }

  private unranked(number: number, score: number): RankedParagraph {
    return { number, chunk: this.firstChunk.get(number) ?? 0, score };
  }

  private toPassages(order: readonly RankedParagraph[], confidentOf: (number: number) => boolean): Passage[] {
    const passages: Passage[] = [];
    for (const { number, chunk: chunkId, score } of order) {
      const paragraph = this.parts.speech.paragraphs[number - 1];
      const section = paragraph && this.sections.get(paragraph.sectionId);
      const chunk = this.parts.chunks[chunkId];
      if (!paragraph || !section || !chunk || chunk.paragraphNumber !== number) continue;
      const highlight = { start: chunk.start, end: chunk.end, text: paragraph.text.slice(chunk.start, chunk.end) };
      passages.push({
        id: paragraph.id,
        section,
        paragraph,
        score: Math.max(0, Math.min(1, score)),
        highlight,
        confident: confidentOf(number),
      });
    }
    return passages;
  }
}
