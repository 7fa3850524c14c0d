import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median } from './latency-summary.js';

export interface BuildFigures {
  readonly mode: 'lexical' | 'hybrid';
  readonly runs: number;
  readonly medianMs: number;
  readonly medianPeakRssMb: number;
}

function buildOnce(model: { dir: string; id: string } | undefined): Promise<{ ms: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    void mkdtemp(path.join(os.tmpdir(), 'bench-build-')).then((folder) => {
      const args = ['--import', 'tsx', path.resolve('scripts/bench/child-build-index.ts'), folder, ...(model ? [model.dir, model.id] : [])];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } });
      let output = '';
      child.stdout.on('data', (data: Buffer) => (output += data.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        void rm(folder, { recursive: true, force: true });
        if (code !== 0) reject(new Error(`the build exited with ${code}`));
        else resolve(JSON.parse(output) as { ms: number; maxRssMb: number });
      });
    }, reject);
  });
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
