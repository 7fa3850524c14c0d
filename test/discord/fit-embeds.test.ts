/**
 * Paging embeds into messages at Discord's limits: 10 embeds and 6000 embed characters per message. The boundaries
 * are exact: a message holds exactly ten embeds, or exactly 6000 characters, and one more moves to the next message.
 */
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import { countFitting, pageStarts } from '../../src/discord/fit-embeds.js';
import type { EmbedView } from '../../src/discord/message-view.js';

/** One item's embeds: `embeds` embeds of `characters` description characters each. */
const item = (embeds: number, characters = 10): EmbedView[] =>
  Array.from({ length: embeds }, () => ({ description: 'x'.repeat(characters) }));
const items = (count: number, embeds = 1, characters = 10): EmbedView[][] =>
  Array.from({ length: count }, () => item(embeds, characters));

describe('fitting embeds into messages', () => {
  it('keeps exactly ten embeds in one message and moves an eleventh to the next', () => {
    expect(DISCORD_LIMITS.embeds).toBe(10);
    expect(countFitting(items(10), 0, 20)).toBe(10);
    expect(countFitting(items(11), 0, 20)).toBe(10);
    expect(pageStarts(items(11), 20)).toEqual([0, 10]);
    expect(pageStarts(items(10), 20)).toEqual([0]);
  });

  it('counts every embed of an item: five items of two embeds fill a message, a sixth does not fit', () => {
    expect(countFitting(items(6, 2), 0, 20)).toBe(5);
    expect(countFitting([item(9), item(1), item(1)], 0, 20)).toBe(2);
    expect(countFitting([item(9), item(2)], 0, 20)).toBe(1);
  });

  it('keeps exactly 6000 embed characters in one message and moves one character more to the next', () => {
    expect(DISCORD_LIMITS.embedTotal).toBe(6000);
    expect(countFitting([item(1, 3000), item(1, 3000)], 0, 10)).toBe(2);
    expect(countFitting([item(1, 3000), item(1, 3001)], 0, 10)).toBe(1);
    expect(pageStarts([item(1, 2000), item(1, 2000), item(1, 2000), item(1, 1)], 10)).toEqual([0, 3]);
    // Titles, authors, footers and fields count too, not descriptions alone.
    const full: EmbedView = {
      title: 't'.repeat(500),
      author: 'a'.repeat(500),
      description: 'd'.repeat(500),
      footer: 'f'.repeat(500),
      fields: [{ name: 'n'.repeat(250), value: 'v'.repeat(250) }],
    };
    expect(countFitting([[full], [full, { description: 'x'.repeat(1000) }]], 0, 10)).toBe(2);
    expect(countFitting([[full], [full, { description: 'x'.repeat(1001) }]], 0, 10)).toBe(1);
  });

  it('takes at most maxItems items from the start given, and always at least one so paging moves on', () => {
    expect(countFitting(items(5), 0, 3)).toBe(3);
    expect(countFitting(items(5), 3, 3)).toBe(2);
    expect(countFitting([item(12)], 0, 5)).toBe(1);
    expect(countFitting([item(1, 7000), item(1)], 0, 5)).toBe(1);
    expect(pageStarts([item(1, 7000), item(1, 7000)], 5)).toEqual([0, 1]);
  });

  it('starts a page at the first item of every message and none past the last item', () => {
    expect(pageStarts([], 5)).toEqual([]);
    expect(pageStarts(items(1), 5)).toEqual([0]);
    expect(pageStarts(items(3), 2)).toEqual([0, 2]);
    expect(pageStarts(items(25), 10)).toEqual([0, 10, 20]);
  });
});
