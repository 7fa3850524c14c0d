import { isStopword, TextAnalyzer } from '../lexical/analyze-text.js';
import { DEFAULT_EXPANSION, type ExpansionSettings } from './expansion-settings.js';
import { expandLemma, type WeightedTerm } from './expand-lemma.js';
import { Morphology, type MorphologyData } from './morphology.js';
import type { WordNetDatabase } from './wordnet-database.js';

/** Which of WordNet's contributions are on; each can be turned off to measure what it adds. */
export interface LexiconFeatures {
  readonly lemmatisation: boolean;
  readonly queryExpansion: boolean;
  readonly documentExpansion: boolean;
}

export const ALL_FEATURES: LexiconFeatures = { lemmatisation: true, queryExpansion: true, documentExpansion: true };
export const NO_FEATURES: LexiconFeatures = { lemmatisation: false, queryExpansion: false, documentExpansion: false };

/** What the index folder keeps of WordNet (`lexicon.json`): built once, so nothing reads WordNet per question. */
export interface LexiconData {
  readonly wordnet: string | null;
  readonly features: LexiconFeatures;
  readonly settings: ExpansionSettings;
  readonly morphology: MorphologyData | null;
  /** A question word's base form → the speech's terms WordNet relates it to, with weights. */
  readonly queryExpansion: Readonly<Record<string, readonly WeightedTerm[]>>;
}

/** The lexicon at question time: the analyser (with WordNet's morphology) and the question-expansion table. */
export class Lexicon {
  readonly analyzer: TextAnalyzer;
  private readonly expansions: ReadonlyMap<string, readonly WeightedTerm[]>;

  constructor(readonly data: LexiconData) {
    this.analyzer = new TextAnalyzer(data.morphology ? new Morphology(data.morphology) : undefined);
    this.expansions = new Map(Object.entries(data.queryExpansion));
  }

  /** A lexicon without WordNet: plain stemming, no expansion. */
  static plain(): Lexicon {
    return new Lexicon({
      wordnet: null,
      features: NO_FEATURES,
      settings: DEFAULT_EXPANSION,
      morphology: null,
      queryExpansion: {},
    });
  }

  /** The speech's terms related to a question word (normalised, not yet reduced to its base form). */
  expandQuestionWord(word: string): readonly WeightedTerm[] {
    return this.expansions.get(this.analyzer.lemmaOf(word)) ?? [];
  }
}

/** The lexicon's data and, for the index build, each passage word's expansion terms. */
export interface BuiltLexicon {
  readonly lexicon: Lexicon;
  /** A passage's normalised content word → its expansion terms (empty when document expansion is off). */
  readonly expandDocumentWord: (word: string) => readonly WeightedTerm[];
}

/**
 * Builds the lexicon from WordNet for one text: the morphology, and for every single-word lemma of WordNet, the terms
 * of `speechText` it relates to (so a question word the speech never uses still finds its synonyms there). Terms
 * the speech does not contain are dropped from the question side; the passage side keeps every term.
 */
export function buildLexicon(
  database: WordNetDatabase,
  speechText: string,
  features: LexiconFeatures,
  settings: ExpansionSettings = DEFAULT_EXPANSION,
): BuiltLexicon {
  const morphology = features.lemmatisation ? database.morphology : null;
  const analyzer = new TextAnalyzer(morphology ? new Morphology(morphology) : undefined);
  const vocabulary = new Set(analyzer.analyzeDocument(speechText));
  const anyTerm = (word: string) => (isStopword(word) ? undefined : analyzer.termOf(word));
  const speechTerm = (word: string) => {
    const term = anyTerm(word);
    return term !== undefined && vocabulary.has(term) ? term : undefined;
  };
  const queryExpansion: Record<string, readonly WeightedTerm[]> = {};
  if (features.queryExpansion) {
    const memo = new Map<string, readonly WeightedTerm[]>();
    for (const lemma of database.senses.keys()) {
      if (lemma.includes('_') || isStopword(lemma)) continue;
      const terms = expandLemma(database, lemma, 'query', speechTerm, settings, memo);
      if (terms.length > 0) queryExpansion[lemma] = terms;
    }
  }
  const documentCache = new Map<string, readonly WeightedTerm[]>();
  const documentMemo = new Map<string, readonly WeightedTerm[]>();
  const expandDocumentWord = (word: string): readonly WeightedTerm[] => {
    if (!features.documentExpansion) return [];
    const lemma = analyzer.lemmaOf(word);
    let terms = documentCache.get(lemma);
    if (!terms)
      documentCache.set(lemma, (terms = expandLemma(database, lemma, 'document', anyTerm, settings, documentMemo)));
    return terms;
  };
  const lexicon = new Lexicon({ wordnet: database.version, features, settings, morphology, queryExpansion });
  return { lexicon, expandDocumentWord };
}
