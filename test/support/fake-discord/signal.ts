/**
 * A change notifier with predicate waiters. Every state mutation in the fake calls {@link ChangeSignal.notify}, so
 * waiters re-check right away instead of polling, which keeps tests fast and free of sleep-based guesses.
 */
export class ChangeSignal {
  private readonly waiters = new Set<{ check: () => boolean; fail: (error: Error) => void }>();

  /** Re-evaluates every pending waiter. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /**
   * Resolves with the first defined value `probe` returns, re-probing after each {@link notify}; rejects after
   * `timeoutMs` with `describe()`'s text, which should say what was received instead.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        check: (): boolean => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        fail: (error: Error): void => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(
        () => waiter.fail(new Error(`Timed out after ${timeoutMs} ms: ${describe()}`)),
        timeoutMs,
      );
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  /** Rejects every pending waiter, so a test awaiting the fake fails fast once the fake is closed. */
  rejectAll(reason: string): void {
    for (const waiter of [...this.waiters]) waiter.fail(new Error(reason));
  }
}
