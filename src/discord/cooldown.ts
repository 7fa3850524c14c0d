/**
 * A per-user cooldown: one use per `seconds`. Time is passed in, so behaviour is testable without waiting. Entries
 * expire on their own, so memory stays bounded by the users active within one cooldown.
 */
export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(private readonly milliseconds: number) {}

  /** Takes the user's turn if it is free; otherwise returns how many milliseconds remain. */
  take(user: string, now: number): { readonly ok: true } | { readonly ok: false; readonly remainingMs: number } {
    const until = this.until.get(user);
    if (until !== undefined && until > now) return { ok: false, remainingMs: until - now };
    if (this.until.size > 10_000) this.sweep(now);
    if (this.milliseconds > 0) this.until.set(user, now + this.milliseconds);
    return { ok: true };
  }

  private sweep(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}
