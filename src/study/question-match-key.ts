import { stemmer } from 'stemmer';
import { isStopword, normaliseForMatching } from '../search/lexical/analyze-text.js';

// Negation is a stopword for search, but "Is China a threat?" and "Is China not a threat?" are two questions.
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 't']);

/**
 * The shared-question rule: two questions in a session are the same question when their keys are equal. The key is
 * the set of the question's content words, stemmed: case, punctuation, word order, repeated words and words that
 * carry no content ("what", "does", "the", "about") are set aside, and inflections meet ("threats" and "threat",
 * "counters" and "counter"). So "How does MI5 counter Russia's threats?" and "Russia: how MI5 counters the threat"
 * are one question, while "What about China?" and "What about Russia?" are two. A question made only of words
 * without content ("What is it?") keys on all its words, so it matches only itself reordered. Negations count, as one
 * word: "Isn't China a threat?" is "Is China not a threat?", and neither is "Is China a threat?".
 *
 * Deliberately no synonyms or embeddings: a member told "already waiting" must see at once that it is their
 * question, and a false match would hide a different question behind Me too (Ask anyway is always offered).
 */
export function questionMatchKey(question: string): string {
  // "isn't" is "is not": the contraction's stem ("isn") would otherwise be a word of its own; and "end-to-end" is
  // "end to end" (search also indexes the joined "endtoend", which only one of the two spellings has).
  const all = normaliseForMatching(question.replace(/n['’]t\b/giu, ' not').replace(/[-\u2010-\u2015]/gu, ' '));
  const content = all
    .filter((word) => NEGATIONS.has(word) || !isStopword(word))
    .map((word) => (NEGATIONS.has(word) ? 'not' : stemmer(word)));
  const words = content.some((word) => word !== 'not') ? content : all;
  return [...new Set(words)].sort().join(' ');
}
