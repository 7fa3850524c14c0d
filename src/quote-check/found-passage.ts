import type { WordAlignment } from './align-words.js';
import type { FoundPassage, SentenceRef } from './quote-check-report.js';
import type { SpeechWords } from './speech-words.js';

const sameSentence = (a: SentenceRef, b: SentenceRef): boolean =>
  a.paragraph === b.paragraph && a.sentence === b.sentence;

/** The whole sentences an aligned span touches, from the first word's to the last word's, across paragraphs. */
export function foundPassage(speech: SpeechWords, alignment: WordAlignment): FoundPassage {
  const spanned = speech.words.slice(alignment.start, Math.max(alignment.end, alignment.start + 1));
  const sentences: SentenceRef[] = [];
  for (const { paragraph, sentence } of spanned) {
    const last = sentences.at(-1);
    if (!last || !sameSentence(last, { paragraph, sentence })) sentences.push({ paragraph, sentence });
  }
  return {
    fromParagraph: sentences[0]?.paragraph ?? 1,
    toParagraph: sentences.at(-1)?.paragraph ?? 1,
    sentences,
  };
}

/**
 * The one sentence of a weak match worth showing: the one holding the most of the quote's words in place (the first
 * of equals), or the span's first sentence when none is quoted exactly.
 */
export function closestSentence(speech: SpeechWords, alignment: WordAlignment): FoundPassage {
  const counts = new Map<string, { sentence: SentenceRef; count: number }>();
  let best: { sentence: SentenceRef; count: number } | undefined;
  for (const step of alignment.steps) {
    const word = step.kind === 'match' ? speech.words[step.speech] : undefined;
    if (!word) continue;
    const key = `${word.paragraph}:${word.sentence}`;
    const entry = counts.get(key) ?? { sentence: { paragraph: word.paragraph, sentence: word.sentence }, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    if (!best || entry.count > best.count) best = entry;
  }
  const first = speech.words[alignment.start] ?? speech.words[0];
  const sentence = best?.sentence ?? (first ? { paragraph: first.paragraph, sentence: first.sentence } : undefined);
  if (!sentence) return { fromParagraph: 1, toParagraph: 1, sentences: [] };
  return { fromParagraph: sentence.paragraph, toParagraph: sentence.paragraph, sentences: [sentence] };
}
