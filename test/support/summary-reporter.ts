import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, after vitest's own summary, so that any
 * tool reading the log (CI among them) can count results without knowing vitest's format.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) count[test.result().state] += 1;
    }
    // A file can fail with no test failing (an import error, a hook, the token-leak guard's afterAll): count it once.
    const failedModules = testModules.filter(
      (module) => module.state() === 'failed' && [...module.children.allTests('failed')].length === 0,
    ).length;
    process.stdout.write(
      `\ntests: ${count.passed} passed, ${count.failed + failedModules} failed, ${count.skipped + count.pending} skipped\n`,
    );
  }
}
