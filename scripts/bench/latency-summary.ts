import { percentile } from './percentile.js';

/** p50/p95/p99 of a latency sample, in milliseconds, rounded for a table. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Summarises latencies (ms). */
export function summarise(samples: readonly number[]): LatencySummary {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    count: samples.length,
    p50: round(percentile([...samples], 50)),
    p95: round(percentile([...samples], 95)),
    p99: round(percentile([...samples], 99)),
    max: round(Math.max(...samples)),
  };
}

/** The median of several runs' figures. */
export function median(values: readonly number[]): number {
  return percentile([...values], 50);
}

/** Runs a measurement `runs` times and keeps, for each figure of its summary, the median across runs. */
export async function medianOfRuns<T extends object>(runs: number, measure: () => Promise<T>): Promise<T> {
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await measure());
  return mergeMedians(results);
}

function mergeMedians<T>(values: readonly T[]): T {
  const [first] = values;
  if (typeof first === 'number') return median(values as unknown as number[]) as T;
  if (first === null || typeof first !== 'object') return first as T;
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(first))
    merged[key] = mergeMedians(values.map((value) => (value as Record<string, unknown>)[key]));
  return merged as T;
}
