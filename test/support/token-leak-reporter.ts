import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestCase, Vitest } from 'vitest/node';
import { tokenLeaks } from './fake-token.js';

/**
 * Watches everything the suite prints (each test's console output and the errors of failed tests) for the test token,
 * and fails the run if it ever appears: a secret printed by any path, not only those a test thought to check.
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
    for (const error of testCase.result().errors ?? []) this.look(JSON.stringify(error), `the error of "${testCase.fullName}"`);
  }

  onTestRunEnd(): void {
    if (this.leaks.length === 0) {
      process.stdout.write(`\nsecrets: the test token appeared in none of ${this.seen} console outputs and errors\n`);
      return;
    }
    process.stdout.write(`\nsecrets: THE TEST TOKEN APPEARED in ${this.leaks.join('; ')}\n`);
    process.exitCode = 1;
  }

  private look(text: string, where: string): void {
    this.seen += 1;
    if (tokenLeaks(text).length > 0) this.leaks.push(where);
  }
}
