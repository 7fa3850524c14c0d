/**
 * Smoke check of the benchmark model: generates it into `.cache/bench-models/`, loads it through the same
 * transformers.js path the bot uses, and prints its shape, sanity of its vectors and its cost.
 *
 *   npx tsx scripts/bench/check-realistic-model.ts
 *
 * Exits non-zero when the output is not [n, 384], not finite, not unit-norm, or when onnxruntime fell back to WASM
 * (transformers.js only warns then, and the timings would describe the wrong backend).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { REALISTIC_BERT, writeRealisticBertModel } from './realistic-bert-model.js';

const ROOT = fileURLToPath(new URL('../../.cache/bench-models', import.meta.url));
const MODEL_ID = 'bench/realistic-minilm-l6';
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

async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size));
  return sizes.reduce((total, size) => total + size, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const problems: string[] = [];
const originalWarn = console.warn;
console.warn = (...args: unknown[]) => {
  problems.push(`transformers.js warned: ${args.map(String).join(' ').slice(0, 200)}`);
  originalWarn(...args);
};

let started = performance.now();
const folder = await writeRealisticBertModel(ROOT, MODEL_ID, { onProgress: (message) => console.log(`  ${message}`) });
console.log(`model ready in ${((performance.now() - started) / 1000).toFixed(2)} s: ${folder} (${(await folderBytes(folder) / 1e6).toFixed(1)} MB on disk)`);
const rssAfterGeneration = process.memoryUsage().rss;

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = ROOT;
// The file cache is keyed by model id and consulted before localModelPath; it could serve a stale model.
env.useFSCache = false;
started = performance.now();
const extractor = (await pipeline('feature-extraction', MODEL_ID, { quantized: false })) as FeatureExtractionPipeline;
console.log(`pipeline loaded in ${(performance.now() - started).toFixed(0)} ms`);

const output = await extractor(SENTENCES, { pooling: 'mean', normalize: true });
const vectors = output.tolist() as number[][];
const norms = vectors.map((vector) => Math.hypot(...vector));
const finite = vectors.every((vector) => vector.every(Number.isFinite));
console.log(`dims [${output.dims.join(', ')}], finite: ${finite}, norms: ${norms.map((norm) => norm.toFixed(6)).join(', ')}`);
if (output.dims.length !== 2 || output.dims[0] !== SENTENCES.length || output.dims[1] !== REALISTIC_BERT.hidden) problems.push(`dims are [${output.dims.join(', ')}]`);
if (!finite) problems.push('a vector has a non-finite component');
if (norms.some((norm) => Math.abs(norm - 1) > 1e-4)) problems.push('a vector is not unit-norm');
// Random weights still map different texts to different vectors; identical ones would mean inputs are ignored.
const [first, second] = vectors;
if (first && second && first.every((value, index) => value === second[index])) problems.push('different texts gave identical vectors');

const pieces = extractor.tokenizer.encode(QUESTION).length;
console.log(`question: ${QUESTION.split(/\s+/u).length} words → ${pieces} word pieces with [CLS]/[SEP]`);
for (let run = 0; run < WARM_UP_RUNS; run += 1) await extractor(QUESTION, { pooling: 'mean', normalize: true });
const timings: number[] = [];
for (let run = 0; run < TIMED_RUNS; run += 1) {
  const start = performance.now();
  await extractor(QUESTION, { pooling: 'mean', normalize: true });
  timings.push(performance.now() - start);
}
const sorted = [...timings].sort((a, b) => a - b);
console.log(`embed one question (fp32, ${TIMED_RUNS} runs after ${WARM_UP_RUNS} warm-up): median ${median(timings).toFixed(2)} ms, min ${(sorted[0] ?? NaN).toFixed(2)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(2)} ms`);
// maxRSS covers generation too (when it ran in this process); rss after generation separates the two.
console.log(`rss after generation ${(rssAfterGeneration / 1e6).toFixed(0)} MB, now ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);

await extractor.dispose();
if (problems.length > 0) {
  console.error(`FAILED:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('OK');
}
