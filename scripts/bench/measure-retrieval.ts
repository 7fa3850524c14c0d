import type { Retriever } from '../../src/search/passage-retriever.js';
import { summarise, type LatencySummary } from './latency-summary.js';

export interface RetrievalFigures {
  readonly mode: string;
  readonly latency: LatencySummary;
  readonly rssAfterWarmUpMb: number;
  readonly rssAfterLongRunMb?: number;
  readonly longRunQuestions?: number;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/**
 * Warm retrieval latency, one question at a time (embedding, both searches, fusion): p50/p95/p99 over `questions`.
 * With `longRun`, then asks that many more and reports RSS before and after, to show memory does not grow.
 */
export async function measureRetrieval(
  retriever: Retriever,
  questions: readonly string[],
  longRun = 0,
): Promise<RetrievalFigures> {
  for (const question of questions.slice(0, 50)) await retriever.ask(question);
  const samples: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await retriever.ask(question);
    samples.push(performance.now() - started);
  }
  global.gc?.();
  const rssAfterWarmUpMb = rssMb();
  if (longRun === 0) return { mode: retriever.mode, latency: summarise(samples), rssAfterWarmUpMb };
  for (let index = 0; index < longRun; index += 1)
    await retriever.ask(questions[index % questions.length] ?? 'encryption');
  global.gc?.();
  return {
    mode: retriever.mode,
    latency: summarise(samples),
    rssAfterWarmUpMb,
    rssAfterLongRunMb: rssMb(),
    longRunQuestions: longRun,
  };
}
