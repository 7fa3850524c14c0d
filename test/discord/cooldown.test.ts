import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

describe('the per-user cooldown', () => {
  it('lets a user act once per period and says how long is left', () => {
    const cooldown = new Cooldown(5000);
    expect(cooldown.take('alice', 1000)).toEqual({ ok: true });
    expect(cooldown.take('alice', 3500)).toEqual({ ok: false, remainingMs: 2500 });
    expect(cooldown.take('alice', 6000)).toEqual({ ok: true });
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown(5000);
    cooldown.take('alice', 0);
    expect(cooldown.take('bob', 1)).toEqual({ ok: true });
  });

  it('is off at zero seconds', () => {
    const cooldown = new Cooldown(0);
    expect(cooldown.take('alice', 0)).toEqual({ ok: true });
    expect(cooldown.take('alice', 0)).toEqual({ ok: true });
  });

  it('measures the wait a caller names at the time, so a session’s shorter cooldown frees a member already waiting', () => {
    const cooldown = new Cooldown(3_600_000);
    expect(cooldown.remainingMs('alice', 0, 30_000)).toBe(0);
    cooldown.use('alice', 1000);
    expect(cooldown.remainingMs('alice', 11_000, 30_000)).toBe(20_000);
    expect(cooldown.remainingMs('alice', 11_000, 5_000)).toBe(0);
    expect(cooldown.remainingMs('bob', 11_000, 30_000)).toBe(0);
  });
});
