import { describe, expect, it } from 'vitest';
import { fuseRankings, RRF_K } from '../../src/search/reciprocal-rank-fusion.js';

const ranking = (...ids: number[]) => ids.map((id, index) => ({ id, score: 100 - index }));

describe('Reciprocal Rank Fusion', () => {
  it('puts a chunk ranked well by both lists above one ranked first by only one', () => {
    const fused = fuseRankings([ranking(1, 2, 3), ranking(4, 2, 1)]);
    expect(fused.map((entry) => entry.id).slice(0, 2)).toEqual([1, 2]);
    expect(fused.at(-1)?.id).toBe(3);
  });

  it('ignores the lists’ own scores: only ranks count', () => {
    const a = fuseRankings([
      [
        { id: 7, score: 1e9 },
        { id: 8, score: 1 },
      ],
    ]);
    const b = fuseRankings([
      [
        { id: 7, score: 0.2 },
        { id: 8, score: 0.1 },
      ],
    ]);
    expect(a).toEqual(b);
  });

  it('scores first-in-every-list as 1 and everything else in (0, 1)', () => {
    const fused = fuseRankings([ranking(1, 2), ranking(1, 3)]);
    expect(fused[0]).toEqual({ id: 1, score: 1 });
    expect(fused.slice(1).every((entry) => entry.score > 0 && entry.score < 1)).toBe(true);
    expect(fused[1]?.score).toBeCloseTo(1 / (RRF_K + 2) / (2 / (RRF_K + 1)));
  });

  it('breaks ties by the order of the first list, deterministically', () => {
    expect(fuseRankings([ranking(5, 6), ranking(6, 5)]).map((entry) => entry.id)).toEqual([5, 6]);
    expect(fuseRankings([ranking(6, 5), ranking(5, 6)]).map((entry) => entry.id)).toEqual([6, 5]);
  });

  it('returns nothing for no rankings', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
