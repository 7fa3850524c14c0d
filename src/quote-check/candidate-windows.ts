import type { SpeechWords } from './speech-words.js';

/** A stretch of the speech's word stream worth aligning a quote against: indices `from` to `to` (exclusive). */
export interface CandidateWindow {
  readonly from: number;
  readonly to: number;
}

/** How many places are aligned in full; the exact place of a verbatim quote is always among the best few. */
const MAX_WINDOWS = 4;
/** Votes looked at, best first, to find those places: a bound on how far overlapping stretches can merge. */
const MAX_GROUPS = 64;
/** Anchor occurrences looked at per quote: enough for every rare word of a 2000-character message. */
const MAX_ANCHOR_HITS = 2000;

interface Hit {
  /** Where the quote would start in the stream if this anchor were in place: its position less its quote index. */
  readonly diagonal: number;
  /** Rare words say more about where a quote is than "the" does. */
  readonly weight: number;
}

const byDiagonal = (a: Hit, b: Hit): number => a.diagonal - b.diagonal;

function anchorHits(quote: readonly string[], speech: SpeechWords): Hit[] {
  const rarestFirst = [...new Set(quote)]
    .map((word) => ({ word, positions: speech.positionsOf(word) }))
    .filter(({ positions }) => positions.length > 0)
    .sort((a, b) => a.positions.length - b.positions.length);
  const hits: Hit[] = [];
  for (const { word, positions } of rarestFirst) {
    for (let index = quote.indexOf(word); index >= 0; index = quote.indexOf(word, index + 1)) {
      // Rarest first, until the budget is spent; one place of the rarest word always counts, so that a quote of
      // common words ("the" two hundred times) still has places to be aligned, at a bounded cost.
      if (hits.length > 0 && hits.length + positions.length > MAX_ANCHOR_HITS) return hits.sort(byDiagonal);
      for (const position of positions) hits.push({ diagonal: position - index, weight: 1 / positions.length });
    }
  }
  return hits.sort(byDiagonal);
}

/**
 * The few stretches of the speech where a quote most probably stands, from its words that the speech has (its rare
 * words first): anchors that agree on where the quote starts, within a band that allows for added or dropped words,
 * vote for a stretch. Each stretch is padded by half the quote's length so that an altered quote still fits.
 */
export function candidateWindows(quote: readonly string[], speech: SpeechWords): CandidateWindow[] {
  const hits = anchorHits(quote, speech);
  const band = Math.max(8, Math.ceil(quote.length / 3));
  const slack = Math.max(8, Math.ceil(quote.length / 2));
  const groups: { first: number; last: number; weight: number }[] = [];
  let weight = 0;
  for (let first = 0, last = 0; first < hits.length; first += 1) {
    while (last < hits.length && hits[last]!.diagonal - hits[first]!.diagonal <= band) weight += hits[last++]!.weight;
    groups.push({ first: hits[first]!.diagonal, last: hits[last - 1]!.diagonal, weight });
    weight -= hits[first]!.weight;
  }
  groups.sort((a, b) => b.weight - a.weight || a.first - b.first);
  // Overlapping stretches are merged, not dropped: a phrase said twice a few words apart ("to find and tackle – …
  // have to find and tackle.") makes two groups, and the second may be the one quoted.
  const windows: CandidateWindow[] = [];
  for (const group of groups.slice(0, MAX_GROUPS)) {
    let from = Math.max(0, group.first - slack);
    let to = Math.min(speech.words.length, group.last + quote.length + slack);
    const overlaps = windows.some((window) => from < window.to && window.from < to);
    if (windows.length === MAX_WINDOWS && !overlaps) break;
    for (let index = windows.length - 1; index >= 0; index -= 1) {
      const window = windows[index]!;
      if (from >= window.to || window.from >= to) continue;
      from = Math.min(from, window.from);
      to = Math.max(to, window.to);
      windows.splice(index, 1);
    }
    windows.push({ from, to });
  }
  return windows;
}
