/**
 * The highlight of an answer as text (the CLI's human output), pinned to the sentences the retriever highlighted:
 * each quote is exactly `“before**sentences**after”`, cut at the parsed sentences' offsets, in plain text and on a
 * terminal. And markHighlight itself, for every run of whole sentences of the speech.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markHighlight } from '../../src/core/render/mark-highlight.js';
import { citation, PLAIN_STYLE, renderAnswerText, TERMINAL_STYLE } from '../../src/core/render/render-answer-text.js';
import type { Speech } from '../../src/core/speech/speech.js';
import type { OpenedIndex } from '../../src/indexing/open-index.js';
import {
  everySentenceRun,
  expectAllPlaces,
  expectedHighlights,
  type ExpectedHighlight,
  ONE_SENTENCE_QUESTIONS,
  oneSentenceSource,
  oracleSpeech,
  QUESTIONS,
} from '../support/highlight-oracle.js';
import { openTestIndex, speechSource, temporaryFolder } from '../support/test-index.js';

const STYLES = [
  { name: 'plain text', style: PLAIN_STYLE },
  { name: 'a terminal', style: TERMINAL_STYLE },
] as const;

describe('the highlight of an answer as text', () => {
  let remove: () => Promise<void>;
  let folder: string;
  const checked: ExpectedHighlight[] = [];
  beforeAll(async () => {
    const temporary = await temporaryFolder('highlight-text');
    folder = temporary.folder;
    remove = temporary.remove;
  });
  afterAll(async () => remove());

  const cases = [
    { name: 'the real speech, lexical', source: speechSource, dense: false, questions: QUESTIONS },
    { name: 'the real speech, hybrid', source: speechSource, dense: true, questions: QUESTIONS },
    { name: 'the speech with one-sentence paragraphs', source: oneSentenceSource, dense: false, questions: ONE_SENTENCE_QUESTIONS },
  ];
  for (const [at, { name, source, dense, questions }] of cases.entries()) {
    describe(name, () => {
      let index: OpenedIndex;
      let speech: Speech;
      beforeAll(async () => {
        const page = await source();
        index = await openTestIndex(`${folder}/${at}`, { dense, source: page });
        speech = oracleSpeech(page.text);
      });

      it.each(questions)('quotes each passage of “%s” with exactly its highlighted sentences marked', async (question) => {
        const answer = await index.retriever.ask(question, { limit: 10 });
        const expected = expectedHighlights(speech, answer);
        checked.push(...expected);
        for (const { style } of STYLES) {
          const lines = renderAnswerText(answer, style).split('\n');
          answer.passages.forEach((passage, rank) => {
            const heading = lines.findIndex((line) => line.startsWith(`${rank + 1}. ${citation(passage.section, passage.paragraph)}  score `));
            const { before, bold, after } = expected[rank]!;
            expect(heading, `passage ${rank + 1}`).toBeGreaterThan(0);
            expect(lines[heading + 1]).toBe(`   “${before}${style.highlightOpen}${bold}${style.highlightClose}${after}”`);
          });
        }
      });
    });
  }

  it('has checked highlights at the start, middle and end of paragraphs, several sentences, whole paragraphs and one-sentence ones', () => {
    expectAllPlaces(checked);
  });
});

describe('markHighlight, for every run of sentences of the speech', () => {
  let speeches: Speech[];
  beforeAll(async () => {
    speeches = [oracleSpeech((await speechSource()).text), oracleSpeech((await oneSentenceSource()).text)];
  });

  it('opens the mark before the first sentence’s first character and closes it after the last one’s last', () => {
    const runs = speeches.flatMap((speech) => everySentenceRun(speech));
    expectAllPlaces(runs.map((run) => run.expected));
    for (const { paragraph, start, end, expected } of runs) {
      expect(markHighlight(paragraph.text, { start, end }, '[', ']')).toBe(`${expected.before}[${expected.bold}]${expected.after}`);
      expect(markHighlight(paragraph.text, { start, end }, '**')).toBe(`${expected.before}**${expected.bold}**${expected.after}`);
    }
  });
});
