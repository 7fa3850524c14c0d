/**
 * `npm run bench [-- --json] [-- --quick]`: measures the index build, warm retrieval, /ask through the (loopback, fake)
 * Discord at rest and in a burst of 200, cold start, memory over 10,000 questions, and HNSW/BM25 at 1k–100k chunks.
 * Prints a Markdown table (or JSON with --json) on stdout; progress on stderr. Hybrid figures use a generated model of
 * all-MiniLM-L6-v2's shape with random weights (fp32), cached under .cache/bench-models/.
 */
import { link, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EmbeddingModelSource } from '../src/adapters/transformers-embedder.js';
import { startBotHarness } from '../test/support/bot-harness.js';
import { startFakeDiscord } from '../test/support/fake-discord/index.js';
import { openTestIndex } from '../test/support/test-index.js';
import { benchQuestions } from './bench/bench-questions.js';
import { medianOfRuns } from './bench/latency-summary.js';
import { machineInfo } from './bench/machine-info.js';
import { measureBuild } from './bench/measure-build.js';
import { measureColdStart } from './bench/measure-cold-start.js';
import { measureAskThroughDiscord, measureBurst } from './bench/measure-discord.js';
import { measureRetrieval, type RetrievalFigures } from './bench/measure-retrieval.js';
import { measureScale } from './bench/measure-scale.js';
import { writeRealisticBertModel } from './bench/realistic-bert-model.js';
import { renderBenchMarkdown, type BenchReport } from './bench/report-markdown.js';
import { SCALE_HNSW } from './bench/scale-settings.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } });
const quick = values.quick;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const MODEL_ROOT = path.resolve('.cache/bench-models');
const MODEL_ID = 'bench/realistic-bert';
log('generating (or reusing) the realistic model');
const modelFolder = await writeRealisticBertModel(MODEL_ROOT, MODEL_ID, { onProgress: log });
// The app loads `model_quantized.onnx`, as it does for the real model; the bench model is fp32, linked under that name
// too, so the bot, the CLI and the bench all open the same index without a rebuild.
await stat(path.join(modelFolder, 'onnx/model_quantized.onnx')).catch(() => link(path.join(modelFolder, 'onnx/model.onnx'), path.join(modelFolder, 'onnx/model_quantized.onnx')));
const model: EmbeddingModelSource = { model: MODEL_ID, modelDir: MODEL_ROOT, cacheDir: path.join(MODEL_ROOT, 'cache'), quantized: true };

const speechText = await readFile('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8');
const questions = benchQuestions(quick ? 200 : 1000, speechText);
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-'));

log('index builds');
const build = [await measureBuild(quick ? 1 : 3), await measureBuild(quick ? 1 : 3, { dir: MODEL_ROOT, id: MODEL_ID })];

log('warm retrieval');
const lexical = await openTestIndex(path.join(work, 'lexical'), { dense: false });
const hybrid = await openTestIndex(path.join(work, 'hybrid'), { dense: true, model });
// Each latency figure is the median of RUNS runs, each run a full pass over the questions.
const RUNS = quick ? 1 : 3;
const retrieval: RetrievalFigures[] = [
  await medianOfRuns(RUNS, () => measureRetrieval(lexical.retriever, questions)),
  await medianOfRuns(RUNS, () => measureRetrieval(hybrid.retriever, questions)),
];
// Memory over a long run is one run: its point is the trend from start to end.
const longRun = await measureRetrieval(hybrid.retriever, questions, quick ? 1000 : 10_000);
retrieval[1] = { ...retrieval[1]!, rssAfterWarmUpMb: longRun.rssAfterWarmUpMb, ...(longRun.rssAfterLongRunMb === undefined ? {} : { rssAfterLongRunMb: longRun.rssAfterLongRunMb, longRunQuestions: longRun.longRunQuestions ?? 0 }) };
await hybrid.embedder?.dispose();

log('through Discord');
const harness = await startBotHarness({ model });
const discord = await medianOfRuns(RUNS, () => measureAskThroughDiscord(harness, questions.slice(0, quick ? 50 : 300)));
const burst = await medianOfRuns(RUNS, () => measureBurst(harness, questions, 200));
await harness.close();

log('cold start');
const fake = await startFakeDiscord({ token: 'bench-token' });
const coldEnv = { INDEX_DIR: path.join(work, 'hybrid'), DATA_DIR: path.join(work, 'data'), MODEL_DIR: MODEL_ROOT, EMBEDDING_MODEL: MODEL_ID, MODEL_CACHE_DIR: path.join(work, 'cache') };
const coldStart = await measureColdStart(quick ? 1 : 3, fake, 'bench-token', coldEnv);
await fake.close();

log('scale (this takes a few minutes)');
const sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
const rows = await measureScale(sizes, { queries: quick ? 50 : 200, hnsw: SCALE_HNSW, log });
await rm(work, { recursive: true, force: true });

const report: BenchReport = {
  date: new Date().toISOString().slice(0, 10),
  command: `npm run bench${quick ? ' -- --quick' : ''}`,
  machine: machineInfo(),
  model: 'a generated BERT of all-MiniLM-L6-v2’s shape (6 layers, hidden 384, 12 heads, vocabulary 30,522) with random weights, fp32 (the real default is int8-quantized and somewhat faster)',
  build,
  retrieval,
  discord,
  burst,
  coldStart,
  scale: { hnsw: `M ${SCALE_HNSW.M}, efConstruction ${SCALE_HNSW.efConstruction}, ef ${SCALE_HNSW.ef}`, rows },
};
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderBenchMarkdown(report)}\n`);
