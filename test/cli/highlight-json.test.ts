/**
 * The CLI's `highlight` field, pinned to the sentences the retriever highlighted: it is exactly those sentences' text,
 * cut from the paragraph at the parsed sentences' offsets, never a character more or less. Checked on toAnswerJson
 * for real answers and on `npm run ask -- --json` itself, whose human output is pinned the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAnswerJson, type AnswerJson } from '../../src/cli/answer-json.js';
import {
  ALL_PLACES,
  describeHighlightCases,
  expectedHighlights,
  type ExpectedHighlight,
  HIGHLIGHT_CASES,
  oracleSpeech,
  QUESTIONS,
  shownAs,
  splitMarked,
} from '../support/highlight-oracle.js';
import { runScript } from '../support/run-script.js';
import { openTestIndex, speechSource, temporaryFolder } from '../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../support/tiny-model-location.js';

describeHighlightCases(
  'the highlight field of answers as JSON',
  'highlight-json',
  HIGHLIGHT_CASES,
  (opened, { questions }) => {
    it.each(questions)('gives each result of “%s” exactly the text of its highlighted sentences', async (question) => {
      const { answer, expected } = await opened().ask(question, 10);
      expect(
        toAnswerJson(answer).results.map(({ paragraph, text, highlight }) => ({ paragraph, text, highlight })),
      ).toEqual(
        expected.map(({ paragraph, before, bold, after }) => ({
          paragraph,
          text: before + bold + after,
          highlight: bold,
        })),
      );
    });
  },
);

describe('the highlight of `npm run ask`', () => {
  let env: Record<string, string>;
  let remove: () => Promise<void>;
  let expected: ExpectedHighlight[][];
  const ask = (args: string[], stdin = '') => runScript('scripts/ask.ts', args, env, stdin);
  const stdin = `${QUESTIONS.join('\n')}\n`;

  beforeAll(async () => {
    const temporary = await temporaryFolder('highlight-cli');
    remove = temporary.remove;
    env = {
      INDEX_DIR: `${temporary.folder}/cli`,
      MODEL_DIR: TINY_MODEL_ROOT,
      EMBEDDING_MODEL: TINY_MODEL_ID,
      MODEL_CACHE_DIR: `${temporary.folder}/cache`,
    };
    // The same speech and model, opened here: the expected sentences of each answer the CLI gives.
    const index = await openTestIndex(`${temporary.folder}/expected`, { dense: true });
    expect(index.retriever.mode).toBe('hybrid');
    const speech = oracleSpeech((await speechSource()).text);
    expected = await Promise.all(
      QUESTIONS.map(async (question) => expectedHighlights(speech, await index.retriever.ask(question, { limit: 10 }))),
    );
    // The CLI reads only the real speech, which has no paragraph of one sentence; those are covered in-process above.
    expect(new Set(expected.flat().flatMap((highlight) => highlight.places))).toEqual(
      new Set(ALL_PLACES.filter((place) => place !== 'one-sentence paragraph')),
    );
  });
  afterAll(async () => remove());

  it('prints as `highlight` exactly the text of the highlighted sentences, for every result with --json', async () => {
    const run = await ask(['--json', '--k', '10'], stdin);
    expect(run.code).toBe(0);
    const answers = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AnswerJson);
    expect(answers.map((answer) => answer.mode)).toEqual(QUESTIONS.map(() => 'hybrid'));
    expect(
      answers.map((answer) => answer.results.map(({ paragraph, text, highlight }) => ({ paragraph, text, highlight }))),
    ).toEqual(
      expected.map((highlights) =>
        highlights.map(({ paragraph, before, bold, after }) => ({
          paragraph,
          text: before + bold + after,
          highlight: bold,
        })),
      ),
    );
  });

  it('marks exactly the highlighted sentences in its output for a person', async () => {
    const run = await ask(['--k', '10'], stdin);
    expect(run.code).toBe(0);
    const answers = run.stdout.split(/^(?=Q: )/mu).filter((block) => block.startsWith('Q: '));
    expect(answers).toHaveLength(QUESTIONS.length);
    const shown = answers.map((block) => {
      const lines = block.split('\n');
      return lines.flatMap((line, at) => {
        const heading = /^\d+\. .+ · ¶(\d+) {2}score /u.exec(line);
        const quote = /^ {3}“(.*)”$/u.exec(lines[at + 1] ?? '');
        if (!heading) return [];
        if (!quote) throw new Error(`no quote after: ${line}`);
        return [{ paragraph: Number(heading[1]), ...splitMarked(quote[1] ?? '', '**', '**') }];
      });
    });
    expect(shown).toEqual(expected.map((highlights) => highlights.map(shownAs)));
  });
});
