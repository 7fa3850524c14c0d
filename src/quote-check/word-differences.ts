import type { WordAlignment } from './align-words.js';
import type { WordDifference } from './quote-check-report.js';
import type { SpeechWords } from './speech-words.js';

/**
 * The differences of an alignment placed in the speech's text: each speech word left out or replaced is `removed`;
 * each word of the member's is `added` after the speech word it replaces, or before the speech word it precedes (after
 * the span's last word when it ends the quote). `surface` gives a quote word as the member wrote it.
 */
export function wordDifferences(
  speech: SpeechWords,
  alignment: WordAlignment,
  surface: (quoteIndex: number) => string,
): WordDifference[] {
  const differences: WordDifference[] = [];
  for (const step of alignment.steps) {
    if (step.kind === 'match') continue;
    if (step.kind === 'add') {
      const next = step.before < alignment.end ? speech.words[step.before] : undefined;
      const previous = speech.words[alignment.end - 1];
      const word = surface(step.quote);
      if (next)
        differences.push({ kind: 'added', paragraph: next.paragraph, at: next.start, place: 'before-word', word });
      else if (previous)
        differences.push({ kind: 'added', paragraph: previous.paragraph, at: previous.end, place: 'after-word', word });
      continue;
    }
    const word = speech.words[step.speech];
    if (!word) continue;
    differences.push({ kind: 'removed', paragraph: word.paragraph, start: word.start, end: word.end });
    if (step.kind === 'substitute')
      differences.push({
        kind: 'added',
        paragraph: word.paragraph,
        at: word.end,
        place: 'after-word',
        word: surface(step.quote),
      });
  }
  return differences;
}
