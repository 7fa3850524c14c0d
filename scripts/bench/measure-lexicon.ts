import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runJsonChild } from './json-child-process.js';
import { summarise, type LatencySummary } from './latency-summary.js';

/** What WordNet costs the lexical index, against the same index without it. */
export interface LexiconFigures {
  readonly variant: 'wordnet' | 'plain';
  /** Reading and parsing WordNet's files. */
  readonly wordnetMs: number;
  /** The lexical index build (lexicon built from scratch, expansions, both fields), WordNet already in memory. */
  readonly buildMs: number;
  /** `lexicon.json` and `lexical.json` on disk. */
  readonly bytes: number;
  /** RSS the opened lexical index adds to a process that has parsed the speech, after a collection. */
  readonly rssAddedMb: number;
  /** `ask` over 1,000 questions, warm. */
  readonly latency: LatencySummary;
}

/** Builds and opens the speech's lexical index in fresh processes, with WordNet and without. */
export async function measureLexicon(): Promise<LexiconFigures[]> {
  const figures: LexiconFigures[] = [];
  for (const variant of ['wordnet', 'plain'] as const) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'bench-lexicon-'));
    try {
      const built = await runJsonChild<{ wordnetMs: number; buildMs: number; bytes: number }>(
        'scripts/bench/child-lexicon-cost.ts',
        { args: [folder, variant, 'build'] },
      );
      const ready = await runJsonChild<{ rssBeforeMb: number; rssReadyMb: number; latencies: number[] }>(
        'scripts/bench/child-lexicon-cost.ts',
        { args: [folder, variant, 'open'] },
      );
      figures.push({
        variant,
        wordnetMs: Math.round(built.wordnetMs),
        buildMs: Math.round(built.buildMs),
        bytes: built.bytes,
        rssAddedMb: Math.round((ready.rssReadyMb - ready.rssBeforeMb) * 10) / 10,
        latency: summarise(ready.latencies),
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  return figures;
}
