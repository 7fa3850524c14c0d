import type { Paragraph } from '../speech/speech.js';
import { analyzeDocument, analyzeQuestion } from './analyze-text.js';

/**
 * Share of a question's weight the best passage must cover for a lexical match to count as an answer. Calibrated on
 * `test/fixtures/questions.ts`: answerable questions cover 0.6–1.0 of their IDF weight in their best paragraph,
 * off-topic ones 0–0.35 (`npm test -- confidence` prints the spread).
 */
export const MIN_TERM_COVERAGE = 0.5;

/**
 * Cosine similarity of question and best chunk above which the dense match alone counts as an answer. Sentence
 * embeddings of all-MiniLM-L6-v2 put unrelated English sentences mostly below 0.3; 0.5 accepts only strong paraphrases.
 * Not calibrated here: the model's weights cannot be downloaded on the development machines.
 */
export const MIN_DENSE_SIMILARITY = 0.5;

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

  /** The rule: enough of the question's weight is in the best paragraph, or its embedding is a close match. */
  isConfident(question: string, bestParagraph: number | undefined, denseSimilarity?: number): boolean {
    if (bestParagraph === undefined) return false;
    if (denseSimilarity !== undefined && denseSimilarity >= MIN_DENSE_SIMILARITY) return true;
    return this.termCoverage(question, bestParagraph) >= MIN_TERM_COVERAGE;
  }

  // BM25's IDF; a term the speech never uses gets the highest weight, so asking about it lowers the coverage most.
  private idf(term: string): number {
    const paragraphs = this.paragraphTerms.size;
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (paragraphs - frequency + 0.5) / (frequency + 0.5));
  }
}
