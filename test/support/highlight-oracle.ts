/**
 * An oracle for highlight spans, independent of the code that renders them: which sentences a passage highlights is
 * read from the retriever's span against the speech as this file parses it, and the expected bold text is cut from
 * the paragraph at those sentences' own offsets. Renderers, the button codec and the CLI are then held to it exactly:
 * the bold starts at the first character of the first highlighted sentence and ends at the last character of the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Paragraph, Speech } from '../../src/speech/speech.js';
import type { Answer } from '../../src/search/passage-retriever.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { openTestIndex, speechSource, temporaryFolder } from './test-index.js';

/**
 * Real questions whose answers (lexical and hybrid, ten passages each) highlight sentences at the start of a paragraph
 * (¶28, “What did he say about encryption?”), in the middle (¶16, “Russia”), at the end (¶29 and ¶27), two sentences
 * at once (¶7, ¶24, ¶16) and a whole paragraph (¶1). Each test also checks that its cases still cover those places.
 */
export const QUESTIONS = [
  'What did he say about encryption?',
  'Russia',
  'What did he say in conclusion?',
  'threats from states',
  'Good morning everyone. Thank you for coming.',
  'Thank you for coming',
] as const;

/** Questions for the one-sentence variant of the speech: each is answered first by a paragraph of one sentence. */
export const ONE_SENTENCE_QUESTIONS = ['Thank you for coming', 'good morning'] as const;

/**
 * The real speech has no paragraph of one sentence (¶1 has two, the fewest). The variant is the real page with ¶1
 * cut in two at its sentence boundary, so that “Good morning everyone.” and “Thank you for coming.” are paragraphs
 * of one sentence each; every other paragraph is as published.
 */
export async function oneSentenceSource(): Promise<{ file: string; text: string }> {
  const real = await speechSource();
  const text = real.text.replace(
    'Good morning everyone. Thank you for coming.',
    'Good morning everyone.\n\nThank you for coming.',
  );
  if (text === real.text) throw new Error('the speech page no longer has ¶1 as the variant expects');
  return { file: real.file, text };
}

/** Where in its paragraph a highlight lies; a highlight can be in more than one group (`several` and `end`, say). */
export type Place = 'start' | 'middle' | 'end' | 'whole' | 'one-sentence paragraph' | 'several sentences';
export const ALL_PLACES: readonly Place[] = [
  'start',
  'middle',
  'end',
  'whole',
  'one-sentence paragraph',
  'several sentences',
];

/** What a passage must show: the paragraph's text cut at its highlighted sentences' offsets. */
export interface ExpectedHighlight {
  readonly paragraph: number;
  readonly firstSentence: number;
  readonly lastSentence: number;
  /** The text before the first highlighted sentence, the highlighted sentences, and the text after the last one. */
  readonly before: string;
  readonly bold: string;
  readonly after: string;
  readonly places: readonly Place[];
}

/** The speech parsed here, from the same page text the index was built from. */
export function oracleSpeech(text: string): Speech {
  return parseSpeech(text);
}

/**
 * The expected highlight of ¶`number` for a span reported by the retriever: the span must begin exactly at one parsed
 * sentence's first character and end exactly at one's last (a run of whole sentences), and the expected text is cut
 * at those sentences' offsets, not at the span's.
 */
export function expectedHighlight(
  speech: Speech,
  number: number,
  span: { readonly start: number; readonly end: number },
): ExpectedHighlight {
  const paragraph: Paragraph | undefined = speech.paragraphs[number - 1];
  if (!paragraph) throw new Error(`no ¶${number}`);
  const { sentences, text } = paragraph;
  const firstSentence = sentences.findIndex((sentence) => sentence.start === span.start);
  const lastSentence = sentences.findIndex((sentence) => sentence.end === span.end);
  if (firstSentence < 0 || lastSentence < firstSentence) {
    throw new Error(
      `¶${number}: the span ${span.start}–${span.end} is not a run of whole sentences (${sentences.map((s) => `${s.start}–${s.end}`).join(', ')})`,
    );
  }
  const first = sentences[firstSentence]!;
  const last = sentences[lastSentence]!;
  const bold = text.slice(first.start, last.end);
  // The cut is the sentences' own text: it opens with the first one's first character, closes with the last one's last.
  expect(
    bold.startsWith(first.text) && bold.endsWith(last.text),
    `¶${number} sentences ${firstSentence}–${lastSentence}`,
  ).toBe(true);
  expect(sentences.slice(firstSentence, lastSentence + 1).every((sentence) => bold.includes(sentence.text))).toBe(true);
  const count = sentences.length;
  const places: Place[] = [];
  if (count === 1) places.push('one-sentence paragraph');
  else if (firstSentence === 0 && lastSentence === count - 1) places.push('whole');
  else if (firstSentence === 0) places.push('start');
  else if (lastSentence === count - 1) places.push('end');
  else places.push('middle');
  if (lastSentence > firstSentence) places.push('several sentences');
  return {
    paragraph: number,
    firstSentence,
    lastSentence,
    before: text.slice(0, first.start),
    bold,
    after: text.slice(last.end),
    places,
  };
}

/** The expected highlight of every passage of a real answer, in order. */
export function expectedHighlights(speech: Speech, answer: Answer): ExpectedHighlight[] {
  return answer.passages.map((passage) => {
    expect(passage.paragraph.text, `¶${passage.paragraph.number} as parsed here`).toBe(
      speech.paragraphs[passage.paragraph.number - 1]?.text,
    );
    return expectedHighlight(speech, passage.paragraph.number, passage.highlight);
  });
}

/** Every run of whole sentences of every paragraph of a speech, as spans: the inputs an exhaustive check walks. */
export function everySentenceRun(
  speech: Speech,
): Array<{ paragraph: Paragraph; start: number; end: number; expected: ExpectedHighlight }> {
  return speech.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.flatMap((first, i) =>
      paragraph.sentences.slice(i).map((last) => ({
        paragraph,
        start: first.start,
        end: last.end,
        expected: expectedHighlight(speech, paragraph.number, { start: first.start, end: last.end }),
      })),
    ),
  );
}

/** Fails unless the checked highlights include every place in a paragraph (start, middle, end, …). */
export function expectAllPlaces(checked: readonly ExpectedHighlight[]): void {
  expect(new Set(checked.flatMap((highlight) => highlight.places))).toEqual(new Set(ALL_PLACES));
}

/** Splits a marked-up line into the text before the one highlight, the highlight, and the text after it. */
export function splitMarked(
  line: string,
  open: string,
  close: string,
): { before: string; bold: string; after: string } {
  const opened = line.indexOf(open);
  const closed = line.indexOf(close, opened + open.length);
  if (opened < 0 || closed < 0) throw new Error(`no highlight in: ${line}`);
  const after = line.slice(closed + close.length);
  if (after.includes(open) || after.includes(close)) throw new Error(`more than one highlight in: ${line}`);
  return { before: line.slice(0, opened), bold: line.slice(opened + open.length, closed), after };
}

/** What a Discord reader sees of escaped text: every backslash escape undone, and no zero-width space after `@`. */
export function unescapeDiscord(text: string): string {
  return text.replace(/\\(.)/gsu, '$1').replaceAll('@\u200b', '@');
}

/** The shape to compare a rendered passage with: its ¶ number and the text around and in its bold. */
export function shownAs(expected: ExpectedHighlight): {
  paragraph: number;
  before: string;
  bold: string;
  after: string;
} {
  return { paragraph: expected.paragraph, before: expected.before, bold: expected.bold, after: expected.after };
}

/** The real speech and its one-sentence variant, each parsed here: the speeches an exhaustive check walks. */
export async function oracleSpeeches(): Promise<Speech[]> {
  return [oracleSpeech((await speechSource()).text), oracleSpeech((await oneSentenceSource()).text)];
}

/** A speech to ask questions of: the page its index is built from, whether the index is hybrid, and what to ask. */
export interface HighlightCase {
  readonly name: string;
  readonly source: () => Promise<{ file: string; text: string }>;
  readonly dense: boolean;
  readonly questions: readonly string[];
}

/** The real speech, lexical, asked QUESTIONS. */
export const REAL_LEXICAL: HighlightCase = {
  name: 'the real speech, lexical',
  source: speechSource,
  dense: false,
  questions: QUESTIONS,
};
/** The real speech, hybrid with the tiny model, asked QUESTIONS. */
export const REAL_HYBRID: HighlightCase = {
  name: 'the real speech, hybrid',
  source: speechSource,
  dense: true,
  questions: QUESTIONS,
};
/** The one-sentence variant of the speech, lexical, asked ONE_SENTENCE_QUESTIONS. */
export const ONE_SENTENCE: HighlightCase = {
  name: 'the speech with one-sentence paragraphs',
  source: oneSentenceSource,
  dense: false,
  questions: ONE_SENTENCE_QUESTIONS,
};
/** Every case: the real speech lexical and hybrid, and the one-sentence variant. */
export const HIGHLIGHT_CASES: readonly HighlightCase[] = [REAL_LEXICAL, REAL_HYBRID, ONE_SENTENCE];

/** One case's index and oracle speech, opened before its tests, and a way to ask that records what is checked. */
export interface OpenedHighlightCase {
  readonly index: OpenedIndex;
  readonly speech: Speech;
  /** Asks the index for `limit` passages: the answer and its expected highlights, kept for the test of every place. */
  readonly ask: (question: string, limit: number) => Promise<{ answer: Answer; expected: ExpectedHighlight[] }>;
}

/** Describes `title`: a block per case, its index and oracle speech opened before `tests`, then a test that every place was checked. */
export function describeHighlightCases(
  title: string,
  folderPrefix: string,
  cases: readonly HighlightCase[],
  tests: (opened: () => OpenedHighlightCase, highlightCase: HighlightCase) => void,
): void {
  describe(title, () => {
    let remove: () => Promise<void>;
    let folder: string;
    const checked: ExpectedHighlight[] = [];
    beforeAll(async () => {
      const temporary = await temporaryFolder(folderPrefix);
      folder = temporary.folder;
      remove = temporary.remove;
    });
    afterAll(async () => remove());

    for (const [at, highlightCase] of cases.entries()) {
      describe(highlightCase.name, () => {
        let opened: OpenedHighlightCase | undefined;
        beforeAll(async () => {
          const page = await highlightCase.source();
          const index = await openTestIndex(`${folder}/${at}`, { dense: highlightCase.dense, source: page });
          const speech = oracleSpeech(page.text);
          const ask = async (question: string, limit: number) => {
            const answer = await index.retriever.ask(question, { limit });
            const expected = expectedHighlights(speech, answer);
            checked.push(...expected);
            return { answer, expected };
          };
          opened = { index, speech, ask };
        });
        tests(() => {
          if (!opened) throw new Error(`${highlightCase.name}: the index is not open`);
          return opened;
        }, highlightCase);
      });
    }

    it('has checked highlights at the start, middle and end of paragraphs, several sentences, whole paragraphs and one-sentence ones', () => {
      expectAllPlaces(checked);
    });
  });
}
