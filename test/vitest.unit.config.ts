import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:unit`: the fast suites alone, for the edit–test loop. `npm test` runs everything; what is left out here
// runs the bot or a script in a process, runs the end-to-end suites through the fake Discord, runs thousands of
// generated cases, measures retrieval over the labelled question sets, builds a real index for each of dozens of cases
// (opening and staleness: a second or more each), or drives a headless Chromium.
const slow = [
  'test/e2e/**',
  '**/*.abuse.test.ts',
  'test/cli/ask-cli.test.ts',
  'test/cli/highlight-json.test.ts',
  'test/search/question-set.test.ts',
  'test/search/lexical-stress.test.ts',
  'test/search/hnsw-recall.test.ts',
  'test/search/wordnet-lexicon.test.ts',
  'test/app/bot-production-logs.test.ts',
  'test/study/decision-race.test.ts',
  'test/search/index/open-index.test.ts',
  'test/search/index/index-staleness.test.ts',
  'test/study/transcript-html.browser.test.ts',
];

// One module registry per worker instead of one per file: importing discord.js and transformers.js once per worker
// instead of once per file takes the run from 34 s to under 20 s here. `npm test` keeps files isolated.
export default mergeConfig(base, defineConfig({ test: { exclude: slow, isolate: false } }));
