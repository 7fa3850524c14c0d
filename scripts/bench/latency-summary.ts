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
