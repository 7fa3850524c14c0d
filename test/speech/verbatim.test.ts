import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldWhitespace } from '../../src/speech/fold-whitespace.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';

const read = (relative: string): string => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

/** Characters that must survive parsing untouched: quotes may only ever have their whitespace folded. */
const TYPOGRAPHY = [
  { name: 'right single quote ’', char: '\u2019' },
  { name: 'left double quote “', char: '\u201c' },
  { name: 'right double quote ”', char: '\u201d' },
  { name: 'en dash –', char: '\u2013' },
  { name: 'ellipsis …', char: '\u2026' },
];

const count = (text: string, char: string): number => text.split(char).length - 1;

const PAGES = [
  {
    page: 'the real speech',
    source: read('../../embeddings/source/mi5-dg-annual-threat-update-2021.txt'),
    firstHeading: 'INTRODUCTION',
  },
  {
    page: 'the second page (test fixture)',
    source: read('../fixtures/second-page.txt'),
    firstHeading: 'OPENING REMARKS, IN BRIEF',
  },
].map((entry) => {
  const folded = foldWhitespace(entry.source);
  // The speech body as published: from the first heading up to the "Related News" site chrome, found without the parser.
  const start = folded.indexOf(`${entry.firstHeading} `);
  const end = folded.indexOf('Related News', start);
  if (start < 0 || end < 0) throw new Error(`cannot find the speech body of ${entry.page}`);
  return { ...entry, folded, body: folded.slice(start, end).trim(), speech: parseSpeech(entry.source) };
});

describe.each(PAGES)('verbatim invariant on $page', ({ source, folded, body, speech }) => {
  const sentences = speech.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence) => ({ paragraph, sentence })),
  );

  it('has paragraphs and sentences to check', () => {
    expect(speech.paragraphs.length).toBeGreaterThan(0);
    expect(sentences.length).toBeGreaterThan(speech.paragraphs.length);
  });

  it('keeps every paragraph, whitespace folded, as an exact substring of the folded page', () => {
    for (const paragraph of speech.paragraphs) {
      expect(paragraph.text).toBe(foldWhitespace(paragraph.text));
      expect(folded.includes(foldWhitespace(paragraph.text)), paragraph.id).toBe(true);
      expect(body.includes(paragraph.text), paragraph.id).toBe(true);
    }
  });

  it('keeps every sentence, whitespace folded, as an exact substring of the folded page', () => {
    for (const { paragraph, sentence } of sentences) {
      expect(folded.includes(foldWhitespace(sentence.text)), `${paragraph.id} sentence ${sentence.index}`).toBe(true);
    }
  });

  it('gives every sentence offsets into its paragraph that slice out exactly its text', () => {
    for (const { paragraph, sentence } of sentences) {
      expect(paragraph.text.slice(sentence.start, sentence.end), `${paragraph.id} sentence ${sentence.index}`).toBe(
        sentence.text,
      );
      expect(sentence.text).toBe(sentence.text.trim());
      expect(sentence.text.length).toBeGreaterThan(0);
    }
  });

  it('keeps sentences in order, indexed from 0, without overlaps', () => {
    for (const paragraph of speech.paragraphs) {
      let previousEnd = 0;
      paragraph.sentences.forEach((sentence, index) => {
        expect(sentence.index).toBe(index);
        expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
        expect(sentence.end).toBeGreaterThan(sentence.start);
        expect(sentence.end).toBeLessThanOrEqual(paragraph.text.length);
        previousEnd = sentence.end;
      });
    }
  });

  it('leaves only whitespace of a paragraph outside its sentences', () => {
    for (const paragraph of speech.paragraphs) {
      let rest = '';
      let previousEnd = 0;
      for (const sentence of paragraph.sentences) {
        rest += paragraph.text.slice(previousEnd, sentence.start);
        previousEnd = sentence.end;
      }
      rest += paragraph.text.slice(previousEnd);
      expect(rest.trim(), paragraph.id).toBe('');
    }
  });

  it('reproduces the speech body exactly from its headings and paragraphs: nothing dropped, nothing added', () => {
    const rebuilt = speech.sections
      .map((section) =>
        [
          section.heading,
          ...speech.paragraphs.slice(section.firstParagraph - 1, section.lastParagraph).map((p) => p.text),
        ].join(' '),
      )
      .join(' ');
    expect(rebuilt).toBe(body);
  });

  it.each(TYPOGRAPHY)('keeps every $name of the speech body, no more and no fewer', ({ char }) => {
    const inParagraphs = speech.paragraphs.reduce((total, paragraph) => total + count(paragraph.text, char), 0);
    const inSentences = sentences.reduce((total, { sentence }) => total + count(sentence.text, char), 0);
    expect(count(body, char)).toBeGreaterThan(0);
    expect(inParagraphs).toBe(count(body, char));
    expect(inSentences).toBe(count(body, char));
  });

  it('folds every no-break space (U+00A0) of the page out of the paragraphs and sentences', () => {
    expect(source).toContain('\u00a0');
    for (const paragraph of speech.paragraphs) {
      expect(paragraph.text, paragraph.id).not.toContain('\u00a0');
      for (const sentence of paragraph.sentences) expect(sentence.text).not.toContain('\u00a0');
    }
  });
});
