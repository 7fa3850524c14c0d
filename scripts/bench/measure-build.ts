import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median } from './latency-summary.js';
import { runJsonChild } from './json-child-process.js';

export interface BuildFigures {
  readonly mode: 'lexical' | 'hybrid';
  readonly runs: number;
  readonly medianMs: number;
  readonly medianPeakRssMb: number;
}

async function buildOnce(model: { dir: string; id: string } | undefined): Promise<{ ms: number; maxRssMb: number }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bench-build-'));
  try {
    return await runJsonChild('scripts/bench/child-build-index.ts', {
      args: [folder, ...(model ? [model.dir, model.id] : [])],
      env: { LOG_LEVEL: 'silent' },
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The speech's index build, each run a fresh process from start to manifest written (model load included): wall time
 * and peak RSS, the median of `runs`.
 */
export async function measureBuild(runs: number, model?: { dir: string; id: string }): Promise<BuildFigures> {
  const results: Array<{ ms: number; maxRssMb: number }> = [];
  for (let run = 0; run < runs; run += 1) results.push(await buildOnce(model));
  return {
    mode: model ? 'hybrid' : 'lexical',
    runs,
    medianMs: Math.round(median(results.map((result) => result.ms))),
    medianPeakRssMb: Math.round(median(results.map((result) => result.maxRssMb))),
  };
}
