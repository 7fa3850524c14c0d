import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';
import type { Morphology } from '../lexicon/morphology.js';

const STOPWORDS = new Set([
  ...englishStopwords,
  'does',
  'doing',
  'done',
  'its',
  'us',
  'will',
  'shall',
  'just',
  'who',
  'whom',
  'why',
  'not',
  'no',
  // fragments of contractions (we've, I'll, they're, can't) once apostrophes split words
  've',
  'll',
  're',
  'd',
  'm',
  't',
  's',
]);

// Words that frame a question about the speech rather than ask about its content ("What did he say about …",
// "What does the Director General think of …"). Every passage is the Director General speaking, so they would only
// reward passages that happen to contain "say" or "think"; they are dropped from questions, never from the speech.
const QUESTION_FRAMING = new Set([
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'told',
  'talk',
  'talks',
  'talked',
  'speak',
  'speaks',
  'spoke',
  'mention',
  'mentions',
  'mentioned',
  'think',
  'thinks',
  'thought',
  'describe',
  'describes',
  'described',
  'explain',
  'explains',
  'explained',
  'claim',
  'claims',
  'view',
  'views',
  'opinion',
  'according',
  'speech',
  'address',
  'does',
  'did',
  'mean',
  'means',
  'meant',
]);

// The speaker, named as the subject of a framing verb ("What did Ken McCallum say …"). Without such a verb the
// question is about the person ("Who was Director General before Ken McCallum?"), and the words are content.
const SPEAKER = new Set(['director', 'general', 'dg', 'ken', 'mccallum', 'he', 'him', 'his']);
const FRAMING_VERBS = new Set(
  [...QUESTION_FRAMING].filter((word) => !['does', 'did', 'speech', 'address'].includes(word)),
);

/**
 * Normalises text for matching only: compatibility forms, case, curly vs straight quotes, possessives and hyphenated
 * compounds (both `counter` `terrorism` and `counterterrorism`). What users see is always the source text.
 */
export function normaliseForMatching(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`]/gu, "'")
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/<@[!&]?\d+>|<#\d+>|@(everyone|here)\b/gu, ' ')
    .replace(/'s\b|s'(?=\s|$)/gu, '')
    .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu);
  const terms: string[] = [];
  for (const word of words ?? []) {
    const parts = word.split(/['-]/u);
    terms.push(...parts);
    if (parts.length > 1 && word.includes('-')) terms.push(parts.join(''));
  }
  return terms;
}

/** A text's normalised words that carry content, in order (stopwords dropped), before any stemming. */
export function contentWords(text: string): string[] {
  return normaliseForMatching(text).filter((word) => !STOPWORDS.has(word));
}

/** Whether a normalised word carries no content (a stopword or a contraction's fragment). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Turns text into index terms: normalised, stopwords dropped, each word reduced to its WordNet base form (when a
 * morphology is given) and then Porter-stemmed, so that spies/spy and interfere/interference meet. The index and the
 * questions must use the same analyser; the manifest records whether lemmatisation was on.
 */
export class TextAnalyzer {
  private readonly terms = new Map<string, string>();

  constructor(private readonly morphology?: Morphology) {}

  /** The index term of one normalised content word. */
  termOf(word: string): string {
    let term = this.terms.get(word);
    if (term === undefined) {
      term = stemmer(this.morphology ? this.morphology.lemmatise(word) : word);
      if (this.terms.size < 100_000) this.terms.set(word, term);
    }
    return term;
  }

  /** The word's WordNet base form, or the word itself without a morphology. */
  lemmaOf(word: string): string {
    return this.morphology ? this.morphology.lemmatise(word) : word;
  }

  /** Terms of a text as the lexical index sees them. */
  analyzeDocument(text: string): string[] {
    return contentWords(text).map((word) => this.termOf(word));
  }

  /** Content words of a question, normalised, less stopwords and the words that only frame a question. */
  questionWords(text: string): string[] {
    const words = normaliseForMatching(text);
    const framed =
      words.some((word) => FRAMING_VERBS.has(word)) || !words.some((word) => SPEAKER.has(word) && !STOPWORDS.has(word));
    return words.filter(
      (word) => !STOPWORDS.has(word) && !QUESTION_FRAMING.has(word) && !(framed && SPEAKER.has(word)),
    );
  }

  /** Terms of a question: as for documents, less the words that only frame a question about the speech. */
  analyzeQuestion(text: string): string[] {
    return this.questionWords(text).map((word) => this.termOf(word));
  }
}
