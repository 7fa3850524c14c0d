/**
 * Everything the embedding model costs the bot, for one form of the benchmark model: the hybrid index build, warm
 * hybrid retrieval and memory over a long run, `/ask` through the fake Discord at rest and in a burst, cold start and
 * the bot's RSS when ready.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBotHarness } from '../../test/support/bot-harness.js';
import { startFakeDiscord } from '../../test/support/fake-discord/index.js';
import { openTestIndex } from '../../test/support/test-index.js';
import type { BenchModel } from './bench-models.js';
import { runJsonChild } from './json-child-process.js';
import { medianOfRuns } from './latency-summary.js';
import { measureBuild, type BuildFigures } from './measure-build.js';
import { measureColdStart, type ColdStartFigures } from './measure-cold-start.js';
import { measureAskThroughDiscord, measureBurst, type BurstFigures, type DiscordFigures } from './measure-discord.js';
import { measureRetrieval, type RetrievalFigures } from './measure-retrieval.js';

/** How much of each measurement to take. */
export interface ModelCostSettings {
  /** Each latency figure is the median of this many runs, each a full pass. */
  readonly runs: number;
  readonly buildRuns: number;
  readonly coldStartRuns: number;
  readonly questions: readonly string[];
  /** `/ask` at rest: the first this many questions. */
  readonly asks: number;
  /** Questions asked after the warm pass, to see whether memory grows. */
  readonly longRunQuestions: number;
  readonly burst: number;
}

/** The figures of one model; `model` says which. */
export interface ModelCostFigures {
  readonly model: Pick<BenchModel, 'precision' | 'description' | 'onnxMb'>;
  readonly build: BuildFigures;
  readonly retrieval: RetrievalFigures;
  readonly discord: DiscordFigures;
  readonly burst: BurstFigures;
  readonly coldStart: ColdStartFigures;
}

const TOKEN = 'bench-token';

/** Measures `model` in this process (and the fresh processes builds and cold starts need). */
export async function measureModelCost(
  model: BenchModel,
  settings: ModelCostSettings,
  log: (line: string) => void,
): Promise<ModelCostFigures> {
  const work = await mkdtemp(path.join(os.tmpdir(), `bench-${model.precision}-`));
  try {
    log(`${model.precision}: index builds`);
    const build = await measureBuild(settings.buildRuns, { dir: model.dir, id: model.id });

    log(`${model.precision}: warm retrieval`);
    const hybrid = await openTestIndex(path.join(work, 'hybrid'), { dense: true, model: model.source });
    const warm = await medianOfRuns(settings.runs, () => measureRetrieval(hybrid.retriever, settings.questions));
    // Memory over a long run is one run: its point is the trend from start to end.
    const longRun = await measureRetrieval(hybrid.retriever, settings.questions, settings.longRunQuestions);
    await hybrid.embedder?.dispose();
    const retrieval: RetrievalFigures = {
      ...warm,
      rssAfterWarmUpMb: longRun.rssAfterWarmUpMb,
      ...(longRun.rssAfterLongRunMb === undefined
        ? {}
        : { rssAfterLongRunMb: longRun.rssAfterLongRunMb, longRunQuestions: longRun.longRunQuestions ?? 0 }),
    };

    log(`${model.precision}: through Discord`);
    const harness = await startBotHarness({ model: model.source });
    let discord: DiscordFigures;
    let burst: BurstFigures;
    try {
      discord = await medianOfRuns(settings.runs, () =>
        measureAskThroughDiscord(harness, settings.questions.slice(0, settings.asks)),
      );
      burst = await medianOfRuns(settings.runs, () => measureBurst(harness, settings.questions, settings.burst));
    } finally {
      await harness.close();
    }

    log(`${model.precision}: cold start`);
    const fake = await startFakeDiscord({ token: TOKEN });
    const coldEnv = {
      INDEX_DIR: path.join(work, 'hybrid'),
      DATA_DIR: path.join(work, 'data'),
      MODEL_DIR: model.dir,
      EMBEDDING_MODEL: model.id,
      MODEL_CACHE_DIR: path.join(work, 'cache'),
    };
    const coldStart = await measureColdStart(settings.coldStartRuns, fake, TOKEN, coldEnv).finally(() => fake.close());

    return {
      model: { precision: model.precision, description: model.description, onnxMb: model.onnxMb },
      build,
      retrieval,
      discord,
      burst,
      coldStart,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * {@link measureModelCost} in a fresh process: the in-process RSS figures then describe this model alone, not what
 * the models measured before it left behind in the heap and ONNX Runtime's arenas.
 */
export function measureModelCostInFreshProcess(
  model: BenchModel,
  settings: ModelCostSettings,
): Promise<ModelCostFigures> {
  return runJsonChild('scripts/bench/child-model-cost.ts', { input: { model, settings } });
}
