import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerJson } from '../../src/cli/answer-json.js';
import { runScript } from '../support/run-script.js';
import { temporaryFolder } from '../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../support/tiny-model-location.js';

const CONTRACT_KEYS = ['confident', 'mode', 'question', 'results'];
const RESULT_KEYS = ['highlight', 'id', 'paragraph', 'score', 'section', 'text'];

describe('the ask CLI', () => {
  let env: Record<string, string>;
  let remove: () => Promise<void>;
  const ask = (args: string[], stdin = '') => runScript('scripts/ask.ts', args, env, stdin);

  beforeAll(async () => {
    const temporary = await temporaryFolder('cli');
    remove = temporary.remove;
    env = {
      INDEX_DIR: temporary.folder,
      MODEL_DIR: TINY_MODEL_ROOT,
      EMBEDDING_MODEL: TINY_MODEL_ID,
      MODEL_CACHE_DIR: `${temporary.folder}/cache`,
    };
    // The first run builds the index; later runs reuse it.
    expect((await ask(['--json', 'warm up'])).code).toBe(0);
  });
  afterAll(async () => remove());

  it('prints exactly one JSON object in the contract’s shape with --json, and nothing else on stdout', async () => {
    const run = await ask(['--json', 'What did he say about encryption?']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '') as AnswerJson;
    expect(Object.keys(answer).sort()).toEqual(CONTRACT_KEYS);
    expect(answer).toMatchObject({ question: 'What did he say about encryption?', mode: 'hybrid', confident: true });
    expect(answer.results).toHaveLength(3);
    for (const result of answer.results) {
      expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
      expect(result).toMatchObject({
        id: expect.any(String),
        section: expect.any(String),
        paragraph: expect.any(Number),
        score: expect.any(Number),
      });
      expect(result.text).toContain(result.highlight);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
    }
    expect(answer.results[0]?.section).toBe('Encryption');
  });

  it('answers one question per stdin line as JSON Lines, honouring --k and --section', async () => {
    const run = await ask(
      ['--json', '--k', '5', '--section', 'state'],
      'Russia\n\nChina and cyber attacks\nWho won the 2018 World Cup?\n',
    );
    expect(run.code).toBe(0);
    const answers = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AnswerJson);
    expect(answers.map((answer) => answer.question)).toEqual([
      'Russia',
      'China and cyber attacks',
      'Who won the 2018 World Cup?',
    ]);
    for (const answer of answers)
      expect(answer.results.every((result) => result.section === 'State Threats')).toBe(true);
    expect(answers[1]?.results).toHaveLength(5);
    expect(answers[2]?.confident).toBe(false);
    expect(run.stderr).not.toContain('building the index');
  });

  it('prints citations, the highlight and a weak-match note for a person', async () => {
    const confident = await ask(['What did he say about encryption?']);
    expect(confident.stdout).toMatch(/Encryption · ¶\d+/u);
    expect(confident.stdout).toMatch(/\*\*[^*]+\*\*/u);
    const weak = await ask(['How do I bake bread?']);
    expect(weak.stdout).toContain('does not seem to answer');
  });

  it('refuses a question over 300 characters with a message, keeping the JSON shape', async () => {
    const run = await ask(['--json', 'x'.repeat(301)]);
    expect(run.code).toBe(2);
    const answer = JSON.parse(run.stdout) as AnswerJson;
    expect(answer.results).toEqual([]);
    expect(answer.error).toMatch(/301 characters long; the limit is 300/u);
  });

  it('refuses --k outside 1…10 and an unknown section by name, exit code 2', async () => {
    expect(await ask(['--k', '11', 'spies'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--k must be'),
    });
    expect(await ask(['--section', 'weather', 'spies'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The sections are'),
    });
  });

  it('exits 2 with a usage line for an unknown option or a missing value, and for a refused line on stdin', async () => {
    for (const args of [['--bogus', 'spies'], ['--k']]) {
      const run = await ask(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npm run ask');
    }
    const lines = await ask(['--json'], 'encryption\n!!!\n');
    expect(lines.code).toBe(2);
    expect(lines.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(lines.stderr).toContain('no letters or digits');
  });

  it('answers in lexical mode, saying so, when the model is not available', async () => {
    const run = await runScript('scripts/ask.ts', ['--json', 'encryption'], {
      ...env,
      EMBEDDING_MODEL: 'test/absent-model',
    });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as AnswerJson).mode).toBe('lexical');
    expect(run.stderr).toContain('lexical-only');
  });
});

describe('the section CLI', () => {
  it('prints a section by unique prefix, and one paragraph by number', async () => {
    const section = await runScript('scripts/section.ts', ['enc'], {});
    expect(section.stdout).toMatch(/^Encryption \(¶28–¶30\)/u);
    expect(section.stdout).toContain('¶29  Let me be clear');
    const paragraph = await runScript('scripts/section.ts', ['12'], {});
    expect(paragraph.stdout).toMatch(/^State Threats · ¶12\n“This leads me to misinformation/u);
  });

  it('refuses a paragraph out of range with the valid range', async () => {
    expect(await runScript('scripts/section.ts', ['99'], {})).toMatchObject({
      code: 2,
      stderr: 'Paragraphs are numbered ¶1 to ¶31.\n',
    });
  });
});
