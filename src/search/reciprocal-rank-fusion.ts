import type { RankedChunk } from './lexical/lexical-index.js';

/** The constant of Cormack et al. (2009); it damps the weight of the very top ranks. */
export const RRF_K = 60;

/**
 * Fuses rankings by Reciprocal Rank Fusion: each chunk scores Σ 1/(k + rank) over the rankings it appears in. Scores
 * are divided by the best possible (first in every ranking), so they lie in [0, 1]. Ties keep the order of the first
 * ranking that has them, so results are deterministic.
 */
export function fuseRankings(rankings: readonly (readonly RankedChunk[])[], k: number = RRF_K): RankedChunk[] {
  const fused = new Map<number, { score: number; order: number }>();
  let order = 0;
  for (const ranking of rankings) {
    ranking.forEach(({ id }, index) => {
      const entry = fused.get(id) ?? { score: 0, order: order++ };
      entry.score += 1 / (k + index + 1);
      fused.set(id, entry);
    });
  }
  const best = rankings.length / (k + 1);
  return [...fused.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
    .map(([id, { score }]) => ({ id, score: best > 0 ? score / best : 0 }));
}
