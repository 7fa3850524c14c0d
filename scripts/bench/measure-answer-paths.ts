import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBotHarness } from '../../test/support/bot-harness.js';
import { startFakeDiscord } from '../../test/support/fake-discord/index.js';
import { openTestIndex } from '../../test/support/test-index.js';
import type { BenchModel } from './bench-models.js';
import { measureColdStart, type ColdStartFigures } from './measure-cold-start.js';
import { measureAskThroughDiscord, measureBurst, type BurstFigures, type DiscordFigures } from './measure-discord.js';

/** Where an `/ask`'s time goes in one retrieval mode: at rest, in a burst, and from `npm start` to ready. */
export interface AnswerPathFigures {
  readonly mode: string;
  readonly atRest: DiscordFigures;
  readonly burst: BurstFigures;
  readonly coldStart: ColdStartFigures;
}

export interface AnswerPathSettings {
  readonly questions: readonly string[];
  readonly asks: number;
  readonly burst: number;
  readonly coldStartRuns: number;
}

const TOKEN = 'bench-token';

/**
 * `/ask` through the loopback fake Discord with the answer budget as shipped (1.5 s): at rest one at a time, then a
 * burst at once, counting answers sent in the first response and deferrals and the REST calls per `/ask`; then the
 * cold start of `npm start` on the same prebuilt index. Lexical when `model` is undefined.
 */
export async function measureAnswerPaths(
  model: BenchModel | undefined,
  settings: AnswerPathSettings,
  log: (line: string) => void,
): Promise<AnswerPathFigures> {
  const mode = model ? `hybrid, ${model.precision} model` : 'lexical';
  log(`answer paths, ${mode}: at rest and in a burst of ${settings.burst}`);
  const harness = await startBotHarness(model ? { model: model.source } : {});
  let atRest: DiscordFigures;
  let burst: BurstFigures;
  try {
    atRest = await measureAskThroughDiscord(harness, settings.questions.slice(0, settings.asks));
    burst = await measureBurst(harness, settings.questions, settings.burst);
  } finally {
    await harness.close();
  }
  log(`answer paths, ${mode}: cold start`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-answer-paths-'));
  const fake = await startFakeDiscord({ token: TOKEN });
  try {
    const index = await openTestIndex(path.join(work, 'index'), {
      dense: model !== undefined,
      ...(model ? { model: model.source } : {}),
    });
    await index.embedder?.dispose();
    const coldStart = await measureColdStart(settings.coldStartRuns, fake, TOKEN, {
      INDEX_DIR: path.join(work, 'index'),
      DATA_DIR: path.join(work, 'data'),
      MODEL_CACHE_DIR: path.join(work, 'cache'),
      // Without a model folder the bot cannot load one here (no hub), so it opens the lexical index as built.
      MODEL_DIR: model ? model.dir : path.join(work, 'no-models'),
      ...(model ? { EMBEDDING_MODEL: model.id } : {}),
    });
    return { mode, atRest, burst, coldStart };
  } finally {
    await fake.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** The figures as Markdown table rows. */
export function answerPathRows(figures: AnswerPathFigures): string[] {
  const { mode, atRest, burst, coldStart } = figures;
  const ms = (summary: { p50: number; p95: number; p99: number }) =>
    `${Math.round(summary.p50)} / ${Math.round(summary.p95)} / ${Math.round(summary.p99)} ms`;
  return [
    `| \`/ask\` at rest, ${mode}: acknowledgement p50 / p95 / p99 (${atRest.acknowledgement.count} asks) | ${ms(atRest.acknowledgement)} |`,
    `| \`/ask\` at rest, ${mode}: answer p50 / p95 / p99 | ${ms(atRest.answer)} |`,
    `| \`/ask\` at rest, ${mode}: answered in the first response / deferred; REST calls per \`/ask\` (mean, max) | ${atRest.direct} / ${atRest.deferred}; ${atRest.restCallsPerAsk}, ${atRest.maxRestCallsPerAsk} |`,
    `| burst of ${burst.dispatched}, ${mode}: acknowledgement p50 / p95 / p99; within 3 s | ${ms(burst.acknowledgement)}; ${burst.acknowledgedWithin3s} of ${burst.dispatched} |`,
    `| burst of ${burst.dispatched}, ${mode}: answer p50 / p95 / p99 | ${ms(burst.answer)} |`,
    `| burst of ${burst.dispatched}, ${mode}: answered in the first response / deferred; answered exactly once; REST calls per \`/ask\` (mean, max) | ${burst.direct} / ${burst.deferred}; ${burst.answeredExactlyOnce} of ${burst.dispatched}; ${burst.restCallsPerAsk}, ${burst.maxRestCallsPerAsk} |`,
    `| \`npm start\` to ready, ${mode}, prebuilt index (median of ${coldStart.runs}); RSS when ready | ${coldStart.medianMs} ms; ${coldStart.readyRssMb} MB |`,
  ];
}
