import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../src/discord/recent-ids.js';

describe('recently seen ids', () => {
  it('accepts an id once within the window and again after it', () => {
    const recent = new RecentIds(1000);
    expect(recent.firstTime('a', 0)).toBe(true);
    expect(recent.firstTime('a', 999)).toBe(false);
    expect(recent.firstTime('b', 999)).toBe(true);
    expect(recent.firstTime('a', 1001)).toBe(true);
  });
});
