/**
 * The highlight of an answer as text (the CLI's human output), pinned to the sentences the retriever highlighted:
 * each quote is exactly `“before**sentences**after”`, cut at the parsed sentences' offsets, in plain text and on a
 * terminal. And markHighlight itself, for every run of whole sentences of the speech.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { markHighlight } from '../../src/passages/views/mark-highlight.js';
import {
  citation,
  PLAIN_STYLE,
  renderAnswerText,
  TERMINAL_STYLE,
} from '../../src/passages/views/render-answer-text.js';
import type { Speech } from '../../src/speech/speech.js';
import {
  describeHighlightCases,
  everySentenceRun,
  expectAllPlaces,
  HIGHLIGHT_CASES,
  oracleSpeeches,
} from '../support/highlight-oracle.js';

const STYLES = [
  { name: 'plain text', style: PLAIN_STYLE },
  { name: 'a terminal', style: TERMINAL_STYLE },
] as const;

describeHighlightCases(
  'the highlight of an answer as text',
  'highlight-text',
  HIGHLIGHT_CASES,
  (opened, { questions }) => {
    it.each(questions)(
      'quotes each passage of “%s” with exactly its highlighted sentences marked',
      async (question) => {
        const { answer, expected } = await opened().ask(question, 10);
        for (const { style } of STYLES) {
          const lines = renderAnswerText(answer, style).split('\n');
          answer.passages.forEach((passage, rank) => {
            const heading = lines.findIndex((line) =>
              line.startsWith(`${rank + 1}. ${citation(passage.section, passage.paragraph)}  score `),
            );
            const { before, bold, after } = expected[rank]!;
            expect(heading, `passage ${rank + 1}`).toBeGreaterThan(0);
            expect(lines[heading + 1]).toBe(
              `   “${before}${style.highlightOpen}${bold}${style.highlightClose}${after}”`,
            );
          });
        }
      },
    );
  },
);

describe('markHighlight, for every run of sentences of the speech', () => {
  let speeches: Speech[];
  beforeAll(async () => {
    speeches = await oracleSpeeches();
  });

  it('opens the mark before the first sentence’s first character and closes it after the last one’s last', () => {
    const runs = speeches.flatMap((speech) => everySentenceRun(speech));
    expectAllPlaces(runs.map((run) => run.expected));
    for (const { paragraph, start, end, expected } of runs) {
      expect(markHighlight(paragraph.text, { start, end }, '[', ']')).toBe(
        `${expected.before}[${expected.bold}]${expected.after}`,
      );
      expect(markHighlight(paragraph.text, { start, end }, '**')).toBe(
        `${expected.before}**${expected.bold}**${expected.after}`,
      );
    }
  });
});
