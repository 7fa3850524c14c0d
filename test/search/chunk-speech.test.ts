import { describe, expect, it } from 'vitest';
import type { ChunkingSettings } from '../../src/search/chunking/chunk.js';
import { chunkParagraphs } from '../../src/search/chunking/chunk-speech.js';
import { estimateWordPieces } from '../../src/search/chunking/estimate-word-pieces.js';
import type { Paragraph } from '../../src/speech/speech.js';
import { splitSentences } from '../../src/speech/split-sentences.js';

const settings: ChunkingSettings = { maxSentences: 2, maxTokens: 128, tokenCounter: 'estimate' };
const wordCount = (text: string) => text.split(' ').length + 2;

function paragraph(text: string, number = 1): Paragraph {
  return { id: `s-${number}`, number, sectionId: 's', numberInSection: number, text, sentences: splitSentences(text) };
}

describe('chunking paragraphs', () => {
  it('makes every single sentence and every window of two consecutive sentences a chunk', () => {
    const chunks = chunkParagraphs([paragraph('One is here. Two is here. Three is here.')], settings, wordCount);
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'One is here.',
      'One is here. Two is here.',
      'Two is here.',
      'Two is here. Three is here.',
      'Three is here.',
    ]);
    expect(chunks.map((chunk) => chunk.id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('never crosses a paragraph boundary, and numbers chunks across paragraphs', () => {
    const chunks = chunkParagraphs(
      [paragraph('First paragraph.', 1), paragraph('Second paragraph.', 2)],
      settings,
      wordCount,
    );
    expect(chunks.map((chunk) => [chunk.id, chunk.paragraphNumber, chunk.text])).toEqual([
      [0, 1, 'First paragraph.'],
      [1, 2, 'Second paragraph.'],
    ]);
  });

  it('drops a window that would exceed the token limit but keeps its sentences', () => {
    const chunks = chunkParagraphs([paragraph('A b c d e f. G h i j k l.')], { ...settings, maxTokens: 9 }, wordCount);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['A b c d e f.', 'G h i j k l.']);
  });

  it('cuts a sentence too long for the model between words, every piece within the limit and a verbatim slice', () => {
    const long = `${Array.from({ length: 300 }, (_, index) => `word${index}`).join(' ')}.`;
    const source = paragraph(`Short opening. ${long} Short close.`);
    const chunks = chunkParagraphs([source], settings, wordCount);
    for (const chunk of chunks) {
      expect(wordCount(chunk.text)).toBeLessThanOrEqual(settings.maxTokens);
      expect(chunk.tokens).toBe(wordCount(chunk.text));
      expect(source.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
    const words = new Set(chunks.flatMap((chunk) => chunk.text.split(' ')));
    expect(words).toContain('word0');
    expect(words).toContain('word299.');
  });
});

describe('estimating word pieces without a tokenizer', () => {
  it('counts [CLS] and [SEP], each punctuation mark, and long words as several pieces', () => {
    expect(estimateWordPieces('')).toBe(2);
    expect(estimateWordPieces('MI5 is here.')).toBe(2 + 3 + 1);
    expect(estimateWordPieces('counterintelligence')).toBe(2 + 4);
  });
});
