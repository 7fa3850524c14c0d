// @ts-check
/**
 * Mutation testing (`npm run mutate`): StrykerJS plants small bugs, one at a time, in the modules whose mistakes
 * members and moderators feel most, and runs the tests that cover each; a mutant no test notices is a hole in the net.
 * Kept under test/ so the project's top level stays as designed; paths are relative to the project root.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/vitest.mutate.config.ts', related: true },
  checkers: [],
  coverageAnalysis: 'perTest',
  mutate: [
    // validation and Discord's limits
    'src/search/validate-question.ts',
    'src/discord/discord-limits.ts',
    'src/discord/fit-embeds.ts',
    // custom_id codecs and the ranking buttons carry
    'src/discord/custom-ids.ts',
    'src/passages/answer-ranking-state.ts',
    // escaping and rendering
    'src/discord/escape-markdown.ts',
    'src/passages/views/mark-highlight.ts',
    'src/passages/views/render-passage-embeds.ts',
    'src/passages/views/render-answer-text.ts',
    // which passages are confident
    'src/search/passage-confidence.ts',
    // moderator checks and queue decisions
    'src/study/is-moderator.ts',
    'src/study/queue-decisions.ts',
    'src/study/require-moderator.ts',
    // the manifest's staleness rules
    'src/search/index/index-staleness.ts',
    // log redaction
    'src/app/logger.ts',
  ],
  // A mutant that only code run at import can reach (a module-level regex or table) needs every test file reloaded,
  // about a minute each here; with 38 of them the run took hours. Those are left out and listed as Ignored in the
  // report: module-level constants are pinned by the tests that use them (the limits table, custom_id patterns,
  // escaping) in `npm test`. Mutants also reached from tests still run, with the tests that reach them.
  ignoreStatic: true,
  // Later runs re-test only mutants whose code or covering tests changed; `npm run mutate -- --force` redoes all.
  incremental: true,
  incrementalFile: '.cache/mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.cache/stryker-sandbox',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: '.cache/mutation/mutation.json' },
  htmlReporter: { fileName: '.cache/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  // The floor: the first complete run scored 85.1 %; with tests for its survivors 96.2 %, every survivor left equivalent or
  // defensive (README, Mutation testing). One point below that leaves room for the 12 mutants caught by timing out.
  thresholds: { high: 95, low: 90, break: 95 },
};
