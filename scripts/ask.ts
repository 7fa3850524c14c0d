/**
 * `npm run ask -- "question" [--json] [--k N] [--section NAME]`: answers from the speech. With no question it reads
 * one question per line from stdin (JSON Lines with --json), opening the index and model once.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openApp } from '../src/app/compose.js';
import { toAnswerJson, type AnswerJson } from '../src/cli/answer-json.js';
import { runCli } from '../src/cli/run-cli.js';
import type { AskOptions } from '../src/search/passage-retriever.js';
import { checkResultCount } from '../src/search/result-count.js';
import { PLAIN_STYLE, renderAnswerText, TERMINAL_STYLE } from '../src/passages/views/render-answer-text.js';
import { findSection } from '../src/speech/find-section.js';
import { UserFacingError } from '../src/refusal/user-facing-error.js';
import { renderRefusal } from '../src/refusal/render-refusal.js';

/** Node's own option errors (unknown option, missing value) are the user's to fix: exit code 2, not a fault. */
function readOptions<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UserFacingError({
        code: 'bad-option',
        problem: error.message,
        usage: 'npm run ask -- [--json] [--k N] [--section NAME] "question"',
      });
    }
    throw error;
  }
}

runCli(async () => {
  const { values, positionals } = readOptions(() =>
    parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        k: { type: 'string', default: '3' },
        section: { type: 'string' },
      },
    }),
  );
  const limit = checkResultCount(Number(values.k), '--k');
  const app = await openApp();
  try {
    const section = values.section === undefined ? undefined : findSection(app.index.speech.sections, values.section);
    const options: AskOptions = { limit, ...(section ? { sectionId: section.id } : {}) };
    const style = process.stdout.isTTY ? TERMINAL_STYLE : PLAIN_STYLE;
    const answerOne = async (question: string): Promise<boolean> => {
      try {
        const answer = await app.index.retriever.ask(question, options);
        process.stdout.write(
          `${values.json ? JSON.stringify(toAnswerJson(answer)) : renderAnswerText(answer, style)}\n`,
        );
        return true;
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        const shown = renderRefusal(error.refusal);
        if (values.json) {
          const refused: AnswerJson = {
            question,
            mode: app.index.retriever.mode,
            confident: false,
            results: [],
            error: shown,
          };
          process.stdout.write(`${JSON.stringify(refused)}\n`);
        }
        process.stderr.write(`${shown}\n`);
        process.exitCode = 2;
        return false;
      }
    };

    if (positionals.length > 0) {
      await answerOne(positionals.join(' '));
      return;
    }
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      await answerOne(line);
      if (!values.json) process.stdout.write('\n');
    }
  } finally {
    await app.close();
  }
});
