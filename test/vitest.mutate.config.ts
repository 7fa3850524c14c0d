import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite as StrykerJS runs it once per mutant (see test/stryker.config.mjs). Stryker activates a mutant inside
// the test process, so tests that run the bot in a child process, and the load tests, cost minutes per mutant and
// can never see one; they stay in `npm test`. Everything that calls the mutated modules in-process stays here.
const childProcessOrLoad = [
  'test/e2e/bot-process.e2e.test.ts',
  'test/e2e/study-kill-loop.e2e.test.ts',
  'test/e2e/study-restart.e2e.test.ts',
  'test/e2e/burst.e2e.test.ts',
  'test/e2e/discord-chaos.e2e.test.ts',
  'test/cli/ask-cli.test.ts',
  // a flood of hostile interactions through a real client: half a minute, and its checks are the abuse properties'
  'test/e2e/hostile-interactions.e2e.test.ts',
  'test/bench/**',
];

// The abuse properties run 1,000 cases each per mutant instead of 10,000, or a run would take hours on two cores: a
// bug a property finds only after 1,000 cases survives here though `npm test` catches it, so the score is a floor.
// Stryker runs vitest in worker threads; onnxruntime's addon cannot be loaded a second time in a fresh thread
// (ERR_DLOPEN_FAILED), so the files share one worker instead of one each.
export default mergeConfig(base, defineConfig({ test: { exclude: childProcessOrLoad, reporters: ['default'], isolate: false, env: { ABUSE_RUNS: '1000' } } }));
