import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';

const STOPWORDS = new Set([...englishStopwords, 'does', 'doing', 'done', 'its', 'us', 'will', 'shall', 'just', 'who', 'whom', 'why', 'not', 'no',
  // fragments of contractions (we've, I'll, they're, can't) once apostrophes split words
  've', 'll', 're', 'd', 'm', 't', 's']);

// Words that frame a question about the speech rather than ask about its content ("What did he say about …",
// "What does the Director General think of …"). Every passage is the Director General speaking, so they would only
// reward passages that happen to contain "say" or "think"; they are dropped from questions, never from the speech.
const QUESTION_FRAMING = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'talk', 'talks', 'talked', 'speak', 'speaks', 'spoke',
  'mention', 'mentions', 'mentioned', 'think', 'thinks', 'thought', 'describe', 'describes', 'described', 'explain',
  'explains', 'explained', 'claim', 'claims', 'view', 'views', 'opinion', 'according', 'speech', 'address', 'talked',
  'director', 'general', 'dg', 'ken', 'mccallum', 'he', 'him', 'his', 'does', 'did', 'mean', 'means', 'meant',
]);

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

/** Terms of a text as the lexical index sees them: normalised, stopwords dropped, stemmed. */
export function analyzeDocument(text: string): string[] {
  return normaliseForMatching(text)
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => stemmer(word));
}

/** Terms of a question: as for documents, less the words that only frame a question about the speech. */
export function analyzeQuestion(text: string): string[] {
  return normaliseForMatching(text)
    .filter((word) => !STOPWORDS.has(word) && !QUESTION_FRAMING.has(word))
    .map((word) => stemmer(word));
}
