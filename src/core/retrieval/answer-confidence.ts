import type { Paragraph } from '../speech/speech.js';
import { analyzeDocument, analyzeQuestion } from './analyze-text.js';

/**
 * Share of a question's IDF weight that the best paragraph must contain for a lexical match to count as an answer.
 * Measured on `test/fixtures/questions.ts` (`npx vitest run --config test/vitest.config.ts test/retrieval/question-set.test.ts` prints it): questions
 * in the speech's own words cover 0.74–1.0; off-topic questions 0–0.27; paraphrases 0.10–0.36, which BM25 cannot
 * match (their top passage is wrong 14 times in 19), so lexical mode rightly calls them weak. 0.5 sits in the gap.
 */
export const MIN_TERM_COVERAGE = 0.5;

/**
 * Cosine similarity between question and best chunk above which a dense match alone counts as an answer. Similarities
 * are on a different scale for every model, so only models listed here get a dense threshold; with any other model the
 * lexical rule decides alone. all-MiniLM-L6-v2 puts unrelated English sentences mostly below 0.3, so 0.5 admits only
 * strong paraphrases. That figure is not measured here: the model's weights cannot be downloaded on these machines.
 */
export const DENSE_SIMILARITY_THRESHOLDS: Readonly<Record<string, number>> = { 'Xenova/all-MiniLM-L6-v2': 0.5 };

/**
 * Decides whether the speech answers a question, from evidence independent of rank (a rank is always 1 for
 * something): how much of the question's IDF weight the best paragraph contains, and, in hybrid mode, how similar
 * the best chunk's embedding is.
 */
export class AnswerConfidence {
  private readonly paragraphTerms: ReadonlyMap<number, ReadonlySet<string>>;
  private readonly documentFrequency = new Map<string, number>();

  constructor(paragraphs: readonly Paragraph[]) {
    this.paragraphTerms = new Map(paragraphs.map((paragraph) => [paragraph.number, new Set(analyzeDocument(paragraph.text))]));
    for (const terms of this.paragraphTerms.values()) {
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  /** IDF-weighted share (0…1) of the question's terms found in a paragraph; 0 when the question has no terms. */
  termCoverage(question: string, paragraphNumber: number): number {
    const terms = new Set(analyzeQuestion(question));
    const found = this.paragraphTerms.get(paragraphNumber) ?? new Set<string>();
    let total = 0;
    let covered = 0;
    for (const term of terms) {
      const weight = this.idf(term);
      total += weight;
      if (found.has(term)) covered += weight;
    }
    return total > 0 ? covered / total : 0;
  }

  /**
   * The rule: enough of the question's weight is in the best lexical match's paragraph, or the best dense match is
   * close by a threshold calibrated for the model (`dense`, when there is one).
   */
  isConfident(question: string, bestLexicalParagraph: number | undefined, dense?: { similarity: number; threshold: number }): boolean {
    if (dense && dense.similarity >= dense.threshold) return true;
    return bestLexicalParagraph !== undefined && this.termCoverage(question, bestLexicalParagraph) >= MIN_TERM_COVERAGE;
  }

  // BM25's IDF; a term the speech never uses gets the highest weight, so asking about it lowers the coverage most.
  private idf(term: string): number {
    const paragraphs = this.paragraphTerms.size;
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (paragraphs - frequency + 0.5) / (frequency + 0.5));
  }
}
