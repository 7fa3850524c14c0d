import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under test/ so the project's top level stays as designed; paths below are relative to the project root.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/token-leak-reporter.ts', './test/support/summary-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/token-leak-guard.ts'],
    // Native addons (hnswlib, onnxruntime, better-sqlite3) are safest in child processes; two cores, two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
