import { type RouteResult, reply } from './http.js';
import type { DelayRule, FailRule } from './types.js';

/** Fault injection: queued fail and delay rules, each consumed by matching requests. */
export class Faults {
  private readonly fails: { rule: FailRule; left: number }[] = [];
  private readonly delays: { rule: DelayRule; left: number }[] = [];
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();

  /** Queues a fail rule (used `times` times, default once). */
  addFail(rule: FailRule): void {
    this.fails.push({ rule, left: rule.times ?? 1 });
  }

  /** Queues a delay rule (used `times` times, default once). */
  addDelay(rule: DelayRule): void {
    this.delays.push({ rule, left: rule.times ?? 1 });
  }

  /** Consumes one use of the first matching fail rule. */
  takeFail(method: string, path: string): FailRule | undefined {
    return take(this.fails, method, path);
  }

  /** Consumes one use of the first matching delay rule. */
  takeDelay(method: string, path: string): DelayRule | undefined {
    return take(this.delays, method, path);
  }

  /** Sleeps, but wakes early when the fake closes so no timer outlives it. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = { timer: setTimeout(() => wake(), ms), wake: () => wake() };
      const wake = (): void => {
        clearTimeout(sleeper.timer);
        this.sleepers.delete(sleeper);
        resolve();
      };
      this.sleepers.add(sleeper);
    });
  }

  /** Wakes every sleeper (used by close). */
  wakeAll(): void {
    for (const sleeper of [...this.sleepers]) sleeper.wake();
  }
}

function take<R extends { readonly method?: string; readonly path: RegExp }>(
  rules: { rule: R; left: number }[],
  method: string,
  path: string,
): R | undefined {
  const index = rules.findIndex(({ rule }) => {
    rule.path.lastIndex = 0; // a /g or /y pattern would otherwise match only every other time
    return (rule.method === undefined || rule.method.toUpperCase() === method) && rule.path.test(path);
  });
  const entry = rules[index];
  if (!entry) return undefined;
  entry.left -= 1;
  if (entry.left <= 0) rules.splice(index, 1);
  return entry.rule;
}

/** The response of a failed request: a 429 carries every header @discordjs/rest reads, so it waits and retries. */
export function faultResult(rule: FailRule): RouteResult {
  if (rule.status < 500 && rule.status !== 429)
    return reply.error(rule.status, rule.code ?? 50035, rule.message ?? 'Invalid Form Body');
  if (rule.status !== 429) {
    const message = rule.status === 500 ? '500: Internal Server Error' : '502: Bad Gateway';
    return reply.error(rule.status, 0, message);
  }
  const seconds = rule.retryAfterSeconds ?? 1;
  return {
    status: 429,
    headers: {
      'retry-after': String(seconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': (Date.now() / 1000 + seconds).toFixed(3),
      'x-ratelimit-reset-after': seconds.toFixed(3),
      'x-ratelimit-bucket': 'fake-discord-bucket',
      'x-ratelimit-scope': 'user',
    },
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
  };
}
