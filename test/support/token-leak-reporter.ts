import type { UserConsoleLog } from 'vitest';
import type { Reporter, SerializedError, TestCase, TestModule, Vitest } from 'vitest/node';
import { secretLeaks } from './fake-token.js';

/**
 * Watches everything the suite reports (each test's console output, the errors of failed tests, hooks, suites and
 * files, and unhandled errors) for the test token and for the interaction tokens the fake Discord issues, and fails
 * the run if any part of the one or any of the others appears: a secret printed by any path, not only those a test
 * thought to check. Writes straight to stdout or stderr inside a test file are watched by `token-leak-guard.ts`.
 */
export default class TokenLeakReporter implements Reporter {
  private readonly leaks: string[] = [];
  private seen = 0;
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    const task = log.taskId === undefined ? undefined : this.vitest?.state.idMap.get(log.taskId);
    this.look(log.content, `the console output of ${task ? `"${task.name}" (${task.file.name})` : 'the suite'}`);
  }

  onTestCaseResult(testCase: TestCase): void {
    this.lookAtErrors(testCase.result().errors ?? [], `the error of "${testCase.fullName}"`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const module of testModules) {
      this.lookAtErrors(module.errors(), `an error of ${module.moduleId}`);
      for (const suite of module.children.allSuites())
        this.lookAtErrors(suite.errors(), `an error of "${suite.fullName}"`);
    }
    this.lookAtErrors(unhandledErrors, 'an unhandled error');
    if (this.leaks.length === 0) {
      process.stdout.write(
        `\nsecrets: neither the test token nor an interaction token appeared in any of ${this.seen} console outputs and errors\n`,
      );
      return;
    }
    process.stdout.write(`\nsecrets: A SECRET APPEARED: ${this.leaks.join('; ')}\n`);
    process.exitCode = 1;
  }

  private lookAtErrors(errors: ReadonlyArray<SerializedError>, where: string): void {
    for (const error of errors) this.look(JSON.stringify(error), where);
  }

  private look(text: string, where: string): void {
    this.seen += 1;
    for (const secret of secretLeaks(text)) this.leaks.push(`${secret} in ${where}`);
  }
}
