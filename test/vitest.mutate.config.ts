import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite as StrykerJS runs it once per mutant (see test/stryker.config.mjs), on two cores, so within an hour:
// - not the tests that run the bot in a child process: Stryker switches a mutant on inside the test process, so a
//   child never sees it;
// - not the end-to-end tests through a real discord.js client, the load tests, the question-set floors and the
//   lexicon's own tests: seconds each per mutant, and what they check of the mutated modules (limits, escaping,
//   custom_ids, confidence, moderator checks) the unit and property tests check directly.
// What the score measures, then, is the net of the unit, property and integration tests: a floor for the suite.
const outOfProcessOrSlow = [
  'test/e2e/**',
  'test/search/hnsw-recall.test.ts',
  'test/cli/ask-cli.test.ts',
  'test/search/question-set.test.ts',
  'test/search/lexical-stress.test.ts',
  'test/search/wordnet-lexicon.test.ts',
  'test/support/tiny-bert-model.test.ts',
  'test/app/bot-production-logs.test.ts',
  // the console's and the CLI's bold spans come from the same markHighlight the text rendering's test pins
  'test/console/highlight-spans.test.ts',
  'test/cli/highlight-json.test.ts',
];

// The abuse properties run 1,000 cases each per mutant instead of 10,000, or a run would take hours on two cores: a
// bug a property finds only after 1,000 cases survives here though `npm test` catches it, so the score is a floor.
// Stryker runs vitest in worker threads; onnxruntime's addon cannot be loaded a second time in a fresh thread
// (ERR_DLOPEN_FAILED), so the files share one worker instead of one each.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: outOfProcessOrSlow, reporters: ['default'], isolate: false, env: { ABUSE_RUNS: '1000' } },
  }),
);
