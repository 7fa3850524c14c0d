/**
 * A per-member cooldown, the one the bot has for `/ask` and for a study session's queue: a use, then a wait. Time is
 * passed in, so behaviour is testable without waiting. Entries expire once the longest wait has passed, so memory
 * stays bounded by the members active within it.
 */
export class Cooldown {
  private readonly lastUse = new Map<string, number>();

  /** @param milliseconds - the wait after a use, and the longest wait any caller asks {@link remainingMs} about. */
  constructor(private readonly milliseconds: number) {}

  /** Takes the member's turn if it is free; otherwise returns how many milliseconds remain. */
  take(key: string, now: number): { readonly ok: true } | { readonly ok: false; readonly remainingMs: number } {
    const remainingMs = this.remainingMs(key, now);
    if (remainingMs > 0) return { ok: false, remainingMs };
    this.use(key, now);
    return { ok: true };
  }

  /**
   * How long until `key` may use it again, when the wait is `wait` (a session's own setting, which a moderator may
   * change between two questions); 0 when free.
   */
  remainingMs(key: string, now: number, wait: number = this.milliseconds): number {
    const last = this.lastUse.get(key);
    return last === undefined ? 0 : Math.max(0, last + wait - now);
  }

  /** Records a use: for a caller that checks first and counts the use only once the request is admitted. */
  use(key: string, now: number): void {
    if (this.milliseconds <= 0) return;
    if (this.lastUse.size > 10_000) this.sweep(now);
    this.lastUse.set(key, now);
  }

  private sweep(now: number): void {
    for (const [key, last] of this.lastUse) if (last + this.milliseconds <= now) this.lastUse.delete(key);
  }
}
