import type { LexicalRanking } from './lexical/lexical-ranking.js';
import type { QueryConcept } from './lexical/lexical-index.js';
import type { RankedParagraph } from './answer-order.js';
import type { RetrievalSettings } from './retrieval-settings.js';
import type { StructuralReference } from './structural-reference.js';

/** The evidence one question has, for deciding which of its passages are confident matches. */
export interface ConfidenceEvidence {
  readonly concepts: readonly QueryConcept[];
  readonly lexical: LexicalRanking;
  readonly lexicalRanking: readonly RankedParagraph[];
  readonly denseRanking: readonly RankedParagraph[] | undefined;
  /** Cosine similarity from which a dense match alone is confident; undefined for an uncalibrated model. */
  readonly denseThreshold: number | undefined;
  readonly structure: StructuralReference | undefined;
  readonly settings: RetrievalSettings;
}

/**
 * Which paragraphs are confident matches, each on its own evidence, independent of rank (a rank is always 1 for
 * something). A structural question is answered by the paragraphs it points to; the rest is context, weak. Otherwise
 * a paragraph is confident when it contains a word of the question itself (synonyms and near-miss spellings alone
 * are a lead, never an answer), covers enough of the question's weight, and has much of the best match's lexical
 * evidence (sharing the question's common words with it is not answering it); or when its dense similarity reaches
 * the model's calibrated threshold.
 */
export function confidentParagraphs(evidence: ConfidenceEvidence): (number: number) => boolean {
  const { concepts, lexical, settings, structure, denseThreshold } = evidence;
  if (structure) {
    const answering = new Set(structure.answering);
    return (number) => answering.has(number);
  }
  const lexicalScore = new Map(evidence.lexicalRanking.map((item) => [item.number, item.score]));
  const strongest = Math.max(0, ...lexicalScore.values());
  const similarity = new Map(evidence.denseRanking?.map((item) => [item.number, item.score]));
  return (number) => {
    if (denseThreshold !== undefined && (similarity.get(number) ?? -1) >= denseThreshold) return true;
    return (
      lexical.matchesDirectly(concepts, number - 1) &&
      lexical.coverage(concepts, number - 1) >= settings.minimumCoverage &&
      (lexicalScore.get(number) ?? 0) >= settings.relativeEvidence * strongest
    );
  };
}
