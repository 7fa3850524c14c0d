import type { Sentence } from './speech.js';

// Intl.Segmenter implements Unicode sentence boundaries (UAX #29) in Node's bundled ICU and reports offsets,
// which a quote-preserving splitter needs; no dependency does this better.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits a paragraph into sentences, each trimmed, with offsets into `text`. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = index + leading;
    sentences.push({ index: sentences.length, start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}
