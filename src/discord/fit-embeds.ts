import { DISCORD_LIMITS } from './discord-limits.js';
import { embedLength, type EmbedView } from './message-view.js';

/**
 * How many of `groups` (each one item's embeds), from `start`, fit in one message: at most `maxItems` items, 10 embeds
 * and 6000 embed characters. Always at least one, so paging moves forward; one item never exceeds a message in this
 * speech (its longest paragraph is well under one embed).
 */
export function countFitting(groups: readonly (readonly EmbedView[])[], start: number, maxItems: number): number {
  let embeds = 0;
  let characters = 0;
  let count = 0;
  for (const group of groups.slice(start, start + maxItems)) {
    embeds += group.length;
    characters += group.reduce((sum, embed) => sum + embedLength(embed), 0);
    if (count > 0 && (embeds > DISCORD_LIMITS.embeds || characters > DISCORD_LIMITS.embedTotal)) break;
    count += 1;
  }
  return Math.max(1, count);
}

/** Splits items into consecutive pages that each fit one message; returns each page's first item index. */
export function pageStarts(groups: readonly (readonly EmbedView[])[], maxItems: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start < groups.length; start += countFitting(groups, start, maxItems)) starts.push(start);
  return starts;
}
