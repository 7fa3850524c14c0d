/**
 * Smoke check of the benchmark models: generates the fp32 and the int8 one into `.cache/bench-models/`, loads each
 * through the bot's own embedder (`TransformersEmbedder`, so transformers.js' pipeline with `quantized` false for
 * `onnx/model.onnx`, true for `onnx/model_quantized.onnx`), and prints their size, sanity of their vectors, their
 * cost, and how close the int8 vectors are to the fp32 ones.
 *
 *   npx tsx scripts/bench/check-realistic-model.ts
 *
 * Exits non-zero when an output is not 384-wide, not finite or not unit-norm, when onnxruntime fell back to WASM
 * (transformers.js only warns then, and the timings would describe the wrong backend), or when an int8 vector's
 * cosine with its fp32 twin is under 0.95 or not above the cosine between different texts: both graphs hold the
 * same seeded weights, so anything less means the quantization is wired wrong, not merely lossy.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TransformersEmbedder } from '../../src/search/adapters/transformers-embedder.js';
import type { BertPrecision } from './bert-graph.js';
import { median } from './latency-summary.js';
import { REALISTIC_BERT, writeRealisticBertModel } from './realistic-bert-model.js';

const ROOT = fileURLToPath(new URL('../../.cache/bench-models', import.meta.url));
const MODEL_IDS: Record<BertPrecision, string> = {
  fp32: 'bench/realistic-minilm-l6',
  int8: 'bench/realistic-minilm-l6-int8',
};
/** ~15 words, the length of a typical study-group question. */
const QUESTION = 'What did the Director General say about the threat from Russia and China to the UK?';
const SENTENCES = [
  QUESTION,
  'Terrorism remains a serious threat.',
  'The speech was given on 14 July 2021 and covered state threats, cyber attacks and online radicalisation of young people.',
  'MI5',
];
const WARM_UP_RUNS = 5;
const TIMED_RUNS = 50;
const MIN_TWIN_COSINE = 0.95;

const problems: string[] = [];
const originalWarn = console.warn;
console.warn = (...args: unknown[]) => {
  problems.push(`transformers.js warned: ${args.map(String).join(' ').slice(0, 200)}`);
  originalWarn(...args);
};

const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? NaN), 0);

/** Generates, loads and checks one precision; returns its vectors of SENTENCES. */
async function check(precision: BertPrecision): Promise<number[][]> {
  const id = MODEL_IDS[precision];
  let started = performance.now();
  const folder = await writeRealisticBertModel(ROOT, id, {
    precision,
    onProgress: (message) => console.log(`  ${message}`),
  });
  const onnxFile = path.join(folder, precision === 'int8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx');
  console.log(
    `${precision}: model ready in ${((performance.now() - started) / 1000).toFixed(2)} s, ${path.relative(process.cwd(), onnxFile)} ${((await stat(onnxFile)).size / 1e6).toFixed(1)} MB`,
  );
  const rssBefore = process.memoryUsage().rss;

  started = performance.now();
  const embedder = await TransformersEmbedder.load({
    model: id,
    modelDir: ROOT,
    cacheDir: path.join(ROOT, 'cache'),
    quantized: precision === 'int8',
  });
  console.log(
    `${precision}: embedder loaded in ${(performance.now() - started).toFixed(0)} ms, dimension ${embedder.dimension}`,
  );
  const vectors = await embedder.embedBatch(SENTENCES);
  const norms = vectors.map((vector) => Math.hypot(...vector));
  console.log(
    `${precision}: ${vectors.length} × ${vectors[0]?.length} vectors, norms ${norms.map((norm) => norm.toFixed(6)).join(', ')}`,
  );
  if (vectors.length !== SENTENCES.length || vectors.some((vector) => vector.length !== REALISTIC_BERT.hidden))
    problems.push(`${precision}: vectors are not ${SENTENCES.length} × ${REALISTIC_BERT.hidden}`);
  if (!vectors.every((vector) => vector.every(Number.isFinite)))
    problems.push(`${precision}: a vector has a non-finite component`);
  if (norms.some((norm) => Math.abs(norm - 1) > 1e-4)) problems.push(`${precision}: a vector is not unit-norm`);
  // Random weights still map different texts to different vectors; identical ones would mean inputs are ignored.
  const [first, second] = vectors;
  if (first && second && first.every((value, index) => value === second[index]))
    problems.push(`${precision}: different texts gave identical vectors`);

  for (let run = 0; run < WARM_UP_RUNS; run += 1) await embedder.embed(QUESTION);
  const timings: number[] = [];
  for (let run = 0; run < TIMED_RUNS; run += 1) {
    const start = performance.now();
    await embedder.embed(QUESTION);
    timings.push(performance.now() - start);
  }
  console.log(
    `${precision}: embed one question (${embedder.countTokens(QUESTION)} word pieces), median of ${TIMED_RUNS} after ${WARM_UP_RUNS} warm-up: ${median(timings).toFixed(2)} ms (min ${Math.min(...timings).toFixed(2)}, max ${Math.max(...timings).toFixed(2)})`,
  );
  // Both models live in this process one after the other, so this is the growth from loading, not the bot's RSS.
  console.log(
    `${precision}: rss ${(rssBefore / 1e6).toFixed(0)} MB before loading → ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB loaded`,
  );
  await embedder.dispose();
  return vectors;
}

const float = await check('fp32');
const quantized = await check('int8');
const twins = SENTENCES.map((_, index) => dot(float[index] ?? [], quantized[index] ?? []));
// The baseline: random-weight BERTs map all texts near one direction, so a high twin cosine means something only
// when it is clearly above the cosine between different texts.
const others = SENTENCES.flatMap((_, a) =>
  SENTENCES.flatMap((__, b) => (a < b ? [dot(float[a] ?? [], float[b] ?? [])] : [])),
);
console.log(`cosine int8 vs fp32, same text: ${twins.map((cosine) => cosine.toFixed(4)).join(', ')}`);
console.log(
  `cosine fp32 vs fp32, different texts: min ${Math.min(...others).toFixed(4)}, max ${Math.max(...others).toFixed(4)}`,
);
if (twins.some((cosine) => !(cosine >= MIN_TWIN_COSINE)))
  problems.push(`an int8 vector's cosine with its fp32 twin is under ${MIN_TWIN_COSINE}`);
if (Math.min(...twins) <= Math.max(...others))
  problems.push('an int8 vector is no closer to its fp32 twin than different texts are to each other');

if (problems.length > 0) {
  console.error(`FAILED:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('OK');
}
