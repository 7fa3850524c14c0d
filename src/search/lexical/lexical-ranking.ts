import type { WeightedTerm } from '../lexicon/expand-lemma.js';
import { Lexicon, type BuiltLexicon } from '../lexicon/lexicon.js';
import { contentWords } from './analyze-text.js';
import { LexicalIndex, type LexicalDocument, type QueryConcept, type RankedChunk } from './lexical-index.js';

/** The lexical side of the index as stored (`lexical.json`): chunks and whole paragraphs, each with its expansion field. */
export interface LexicalIndexData {
  readonly chunks: readonly LexicalDocument[];
  readonly paragraphs: readonly LexicalDocument[];
}

/** Weight of a loose match (a prefix or a near-miss spelling) when no word of the question matches exactly. */
const LOOSE_MATCH_WEIGHT = 0.5;

/** Indexes texts with the lexicon: each text's terms, and its words' WordNet expansions as the second field. */
export function lexicalDocuments(texts: readonly string[], built: BuiltLexicon): LexicalDocument[] {
  const { analyzer } = built.lexicon;
  return texts.map((text) => {
    const terms = analyzer.analyzeDocument(text);
    const own = new Set(terms);
    const expansion = new Map<string, number>();
    for (const word of contentWords(text)) {
      for (const [term, weight] of built.expandDocumentWord(word)) {
        if (!own.has(term) && (expansion.get(term) ?? 0) < weight) expansion.set(term, weight);
      }
    }
    return { terms, expansion: [...expansion.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  });
}

function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    if (Math.min(...current) > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

/**
 * The lexical ranking: a question's words (with their WordNet expansions) scored by BM25 over chunks and over whole
 * paragraphs, since a paraphrase's words spread over a paragraph's sentences. Also measures how much of a question
 * a paragraph covers, for the confidence rule.
 */
export class LexicalRanking {
  readonly chunks: LexicalIndex;
  readonly paragraphs: LexicalIndex;

  /** A ranking over plain texts without WordNet (stemming only), each text both a chunk and a paragraph. */
  static plain(texts: readonly string[]): LexicalRanking {
    const built = { lexicon: Lexicon.plain(), expandDocumentWord: () => [] };
    const documents = lexicalDocuments(texts, built);
    return new LexicalRanking(built.lexicon, { chunks: documents, paragraphs: documents });
  }

  /** The best chunks for a question, at most `limit` (loosely matched when nothing matches exactly). */
  search(question: string, limit: number): RankedChunk[] {
    return this.rankWithLooseFallback(question, (concepts) => this.chunks.rank(concepts, 0)).ranked.slice(0, limit);
  }

  /**
   * Ranks by the question's concepts, and when nothing matches, by its loose concepts (prefixes, near-miss spellings),
   * so that a question the speech does not answer still gets its closest passages. Returns the concepts used.
   */
  rankWithLooseFallback<T>(
    question: string,
    rank: (concepts: readonly QueryConcept[]) => T[],
  ): { concepts: QueryConcept[]; ranked: T[] } {
    const concepts = this.concepts(question);
    const ranked = rank(concepts);
    if (ranked.length > 0) return { concepts, ranked };
    const loose = this.looseConcepts(concepts);
    return { concepts: loose, ranked: rank(loose) };
  }

  constructor(
    readonly lexicon: Lexicon,
    data: LexicalIndexData,
  ) {
    this.chunks = new LexicalIndex(data.chunks);
    this.paragraphs = new LexicalIndex(data.paragraphs);
  }

  /**
   * The question's words as concepts: each word's term and its expansions. Words written in capitals (ISIS, NHS)
   * are names, not words WordNet should expand.
   */
  concepts(question: string): QueryConcept[] {
    const names = new Set((question.match(/\b[A-Z][A-Z0-9]+\b/gu) ?? []).map((word) => word.toLowerCase()));
    const { analyzer } = this.lexicon;
    const concepts = new Map<string, Map<string, number>>();
    for (const word of analyzer.questionWords(question)) {
      const term = analyzer.termOf(word);
      const expansions = concepts.get(term) ?? new Map<string, number>();
      concepts.set(term, expansions);
      if (names.has(word)) continue;
      for (const [expanded, weight] of this.lexicon.expandQuestionWord(word)) {
        if (expanded !== term && (expansions.get(expanded) ?? 0) < weight) expansions.set(expanded, weight);
      }
    }
    return [...concepts.entries()].map(([term, expansions]) => ({ term, expansions: [...expansions.entries()] }));
  }

  /** For a question nothing matches: each unknown term's prefixes, extensions and near-miss spellings in the speech. */
  private looseConcepts(concepts: readonly QueryConcept[]): QueryConcept[] {
    return concepts.map((concept) => {
      if (this.chunks.hasTerm(concept.term) || concept.term.length < 4) return concept;
      const limit = concept.term.length >= 8 ? 2 : 1;
      const loose: WeightedTerm[] = [];
      for (const term of this.chunks.terms()) {
        const prefix = term.length >= 4 && (term.startsWith(concept.term) || concept.term.startsWith(term));
        if (prefix || withinEdits(concept.term, term, limit)) loose.push([term, LOOSE_MATCH_WEIGHT]);
      }
      return { term: concept.term, expansions: [...concept.expansions, ...loose] };
    });
  }

  /**
   * Whether a paragraph contains at least one of the question's words itself: a match made only of synonyms and
   * near-miss spellings ("cooking" → prepare, "opera" → operational) is a lead, never an answer.
   */
  matchesDirectly(concepts: readonly QueryConcept[], paragraphIndex: number): boolean {
    const terms = new Set(this.paragraphs.documents[paragraphIndex]?.terms);
    return concepts.some((concept) => terms.has(concept.term));
  }

  /**
   * IDF-weighted share (0…1) of the question's words a paragraph contains: a word found itself counts whole, one
   * found only through an expansion counts at that expansion's weight. 0 when the question has no words.
   */
  coverage(concepts: readonly QueryConcept[], paragraphIndex: number): number {
    const document = this.paragraphs.documents[paragraphIndex];
    if (!document) return 0;
    const terms = new Set(document.terms);
    let total = 0;
    let covered = 0;
    for (const concept of concepts) {
      const weight = this.paragraphs.idf(concept.term);
      total += weight;
      if (terms.has(concept.term)) covered += weight;
      else
        covered +=
          weight * Math.max(0, ...concept.expansions.filter(([term]) => terms.has(term)).map(([, share]) => share));
    }
    return total > 0 ? covered / total : 0;
  }
}
