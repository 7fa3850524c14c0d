/**
 * Remembers ids seen in the last `windowMs`, so an event delivered twice is handled once. Discord's gateway may
 * replay events after a RESUME that the client had already processed; an interaction handled twice would be
 * acknowledged twice (refused by Discord) and charge the member's cooldown twice. Bounded by the window.
 */
export class RecentIds {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True the first time an id is offered within the window, false for a repeat. */
  firstTime(id: string, now: number): boolean {
    this.forgetOlderThan(now - this.windowMs);
    if (this.seenAt.has(id)) return false;
    this.seenAt.set(id, now);
    return true;
  }

  private forgetOlderThan(limit: number): void {
    // Insertion order is time order, so the oldest entries are first.
    for (const [id, at] of this.seenAt) {
      if (at >= limit) break;
      this.seenAt.delete(id);
    }
  }
}
