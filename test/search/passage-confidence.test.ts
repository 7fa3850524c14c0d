import { describe, expect, it } from 'vitest';
import type { RankedParagraph } from '../../src/search/answer-order.js';
import { LexicalRanking } from '../../src/search/lexical/lexical-ranking.js';
import { confidentParagraphs, type ConfidenceEvidence } from '../../src/search/passage-confidence.js';
import { DEFAULT_RETRIEVAL } from '../../src/search/retrieval-settings.js';

/**
 * The confidence rule on its own, at its boundaries: a tiny plain lexical index (¶n is the n-th text) and rankings
 * built by hand, shaped as PassageRetriever builds them (a paragraph's lexical score is its best chunk's plus its whole
 * paragraph's, each scaled to its ranking's best, so the strongest is up to 2; a dense score is a cosine similarity).
 */
const TEXTS = [
  'Encryption keeps messages private.', // ¶1: one of the question's two words
  'The committee met on Tuesday.', // ¶2: none
  'Encryption and surveillance were debated.', // ¶3: both
  'Surveillance cameras watch the street.', // ¶4: the other one
];
/** Two words, each in two of the four paragraphs: the same weight, so a paragraph with one covers exactly half. */
const QUESTION = 'encryption surveillance';
const PARAGRAPHS = [1, 2, 3, 4, 5];

const lexical = LexicalRanking.plain(TEXTS);
const concepts = lexical.concepts(QUESTION);

function ranking(scores: Readonly<Record<number, number>>): RankedParagraph[] {
  return Object.entries(scores)
    .map(([number, score]) => ({ number: Number(number), chunk: Number(number) - 1, score }))
    .sort((a, b) => b.score - a.score);
}

/** The paragraphs (of ¶1–¶5, ¶5 beyond the speech) the rule calls confident. */
function confident(evidence: Partial<ConfidenceEvidence>): number[] {
  const isConfident = confidentParagraphs({
    concepts,
    lexical,
    lexicalRanking: ranking({ 1: 1, 2: 1, 3: 1, 4: 1 }),
    denseRanking: undefined,
    denseThreshold: undefined,
    structure: undefined,
    settings: DEFAULT_RETRIEVAL,
    ...evidence,
  });
  return PARAGRAPHS.filter((number) => isConfident(number));
}

describe('which passages are confident', () => {
  it('judges each paragraph on its own words, and covering exactly the minimum share of the question is enough', () => {
    expect(DEFAULT_RETRIEVAL.minimumCoverage).toBe(0.5);
    expect([0, 1, 2, 3].map((index) => lexical.coverage(concepts, index))).toEqual([0.5, 0, 1, 0.5]);
    // Equal lexical evidence everywhere: only the words decide. ¶2 has none of the question's words.
    expect(confident({})).toEqual([1, 3, 4]);
  });

  it('calls a paragraph confident with exactly the required share of the strongest evidence, and not one just below', () => {
    expect(DEFAULT_RETRIEVAL.relativeEvidence).toBe(0.7);
    // The strongest has 2 (best chunk and whole paragraph both first): 0.7 × 2 = 1.4 is needed.
    const lexicalRanking = ranking({ 3: 2, 1: 1.4, 4: 1.3 });
    expect(confident({ lexicalRanking })).toEqual([1, 3]);
  });

  it('calls no paragraph confident on shared words alone when another has far more lexical evidence', () => {
    const lexicalRanking = ranking({ 3: 2, 1: 0.5, 4: 0.2 });
    expect(confident({ lexicalRanking })).toEqual([3]);
  });

  it("does not call confident a paragraph with the question's words that the lexical ranking did not score", () => {
    expect(confident({ lexicalRanking: ranking({ 3: 2 }) })).toEqual([3]);
  });

  it('calls a paragraph confident on a dense similarity exactly at the threshold, without any word of the question', () => {
    const denseRanking = ranking({ 2: 0.6, 5: 0.59 });
    const lexicalRanking = ranking({ 3: 2 });
    expect(confident({ lexicalRanking, denseRanking, denseThreshold: 0.6 })).toEqual([2, 3]);
    // No threshold (an uncalibrated model): similarity alone never makes a passage confident.
    expect(confident({ lexicalRanking, denseRanking, denseThreshold: undefined })).toEqual([3]);
  });
});
