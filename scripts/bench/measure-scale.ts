/**
 * The scale benchmark: for synthetic corpora of growing size, what HNSW costs to build, store and query, how many of
 * the true 10 nearest neighbours it finds, and what BM25 costs over the same chunks.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HnswVectorIndex, type HnswSettings } from '../../src/search/adapters/hnsw-vector-index.js';
import { LexicalRanking } from '../../src/search/lexical/lexical-ranking.js';
import { percentile } from './percentile.js';
import {
  BENCH_DIMENSION,
  buildVocabulary,
  generateCorpus,
  generateQueries,
  rowsAsArrays,
  SPEECH_FILE,
} from './synthetic-corpus.js';

/** How to run {@link measureScale}. */
export interface ScaleOptions {
  /** Number of queries timed per corpus (vector and text alike). */
  readonly queries: number;
  readonly hnsw: Omit<HnswSettings, 'dimension'>;
  /** Further ef values to measure on the same graph, re-read from disk with each (ef is a search-time setting). */
  readonly sweepEf?: readonly number[];
  readonly k?: number;
  readonly seed?: number;
  readonly dimension?: number;
  /** Progress lines (to stderr in the script), since a 100k run takes minutes. */
  readonly log?: (line: string) => void;
}

/** Query cost and recall at one ef. */
export interface EfPoint {
  readonly ef: number;
  readonly recall: number;
  readonly queryP50Ms: number;
  readonly queryP99Ms: number;
}

/** One corpus size's results; latencies in milliseconds, recall as a fraction. */
export interface ScaleRow extends EfPoint {
  readonly size: number;
  readonly M: number;
  readonly efConstruction: number;
  readonly buildMs: number;
  /** CPU time of the build: addPoint is single-threaded, so this is the build's cost without other processes' load. */
  readonly buildCpuMs: number;
  readonly indexBytes: number;
  /** The exact scan's own latency, the cost HNSW exists to avoid. */
  readonly exactP50Ms: number;
  readonly bm25BuildMs: number;
  readonly bm25P50Ms: number;
  readonly bm25P99Ms: number;
  /** Results at {@link ScaleOptions.sweepEf}, in the order given. */
  readonly sweep: readonly EfPoint[];
}

/**
 * Ids of the `k` rows of `matrix` with the largest dot product with `query`, best first. The vectors are unit, so
 * this is exact cosine k-NN: the ground truth for recall. A plain scan with a small insertion-sorted top list is
 * O(n·d): at 100k × 384, about 40 ms a query on this machine.
 */
export function exactTopK(matrix: Float32Array, dimension: number, query: Float32Array, k: number): number[] {
  const ids = new Int32Array(k).fill(-1);
  const scores = new Float64Array(k).fill(-Infinity);
  const rows = matrix.length / dimension;
  const unrolled = dimension - (dimension % 4);
  for (let row = 0, offset = 0; row < rows; row++, offset += dimension) {
    // Four independent sums break the add-latency chain: measured ~2× faster than one accumulator in V8.
    let a = 0,
      b = 0,
      c = 0,
      e = 0;
    for (let d = 0; d < unrolled; d += 4) {
      a += (matrix[offset + d] as number) * (query[d] as number);
      b += (matrix[offset + d + 1] as number) * (query[d + 1] as number);
      c += (matrix[offset + d + 2] as number) * (query[d + 2] as number);
      e += (matrix[offset + d + 3] as number) * (query[d + 3] as number);
    }
    for (let d = unrolled; d < dimension; d++) a += (matrix[offset + d] as number) * (query[d] as number);
    const dot = a + b + c + e;
    if (dot <= (scores[k - 1] as number)) continue;
    let slot = k - 1;
    while (slot > 0 && (scores[slot - 1] as number) < dot) {
      scores[slot] = scores[slot - 1] as number;
      ids[slot] = ids[slot - 1] as number;
      slot--;
    }
    scores[slot] = dot;
    ids[slot] = row;
  }
  return Array.from(ids).filter((id) => id >= 0);
}

/** Fraction of `truth` found in `found`: recall@k when both hold k ids. */
export function recall(found: readonly number[], truth: readonly number[]): number {
  const wanted = new Set(truth);
  return truth.length === 0 ? 1 : found.filter((id) => wanted.has(id)).length / truth.length;
}

const median = (values: number[]): number => percentile(values, 50);

function timeQueries(
  index: HnswVectorIndex,
  queries: readonly number[][],
  truth: readonly number[][],
  k: number,
): EfPoint {
  // Warm-up: the first searches touch cold pages of the graph and JIT the wrapper; they are not steady state.
  for (const query of queries.slice(0, 20)) index.nearest(query, k);
  const latencies: number[] = [];
  let found = 0;
  queries.forEach((query, q) => {
    const start = performance.now();
    const hits = index.nearest(query, k);
    latencies.push(performance.now() - start);
    found += recall(
      hits.map((hit) => hit.id),
      truth[q] as number[],
    );
  });
  return {
    ef: index.ef,
    recall: found / queries.length,
    queryP50Ms: median(latencies),
    queryP99Ms: percentile(latencies, 99),
  };
}

async function measureOne(size: number, options: ScaleOptions, vocabulary: readonly string[]): Promise<ScaleRow> {
  const dimension = options.dimension ?? BENCH_DIMENSION;
  const k = options.k ?? 10;
  const seed = options.seed ?? 20210714;
  const log = options.log ?? (() => undefined);
  const settings: HnswSettings = { ...options.hnsw, dimension };
  const corpus = generateCorpus(size, { seed: seed + size, dimension, vocabulary });
  // The same queries at every size, so rows differ only by corpus.
  const queries = generateQueries(options.queries, { seed, dimension, vocabulary });
  const queryArrays = rowsAsArrays(queries.vectors, dimension);

  let vectors: number[][] | undefined = rowsAsArrays(corpus.vectors, dimension);
  log(`${size}: building HNSW (M ${settings.M}, efConstruction ${settings.efConstruction})…`);
  let start = performance.now();
  const cpuBefore = process.cpuUsage();
  const index = HnswVectorIndex.build(vectors, settings);
  const buildMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  // 300 MB of boxed doubles at 100k: let it go before the queries run.
  // eslint-disable-next-line no-useless-assignment -- dropping the last reference is the point
  vectors = undefined;
  log(`${size}: built in ${(buildMs / 1000).toFixed(1)} s (CPU ${(buildCpuMs / 1000).toFixed(1)} s)`);

  const folder = await mkdtemp(path.join(tmpdir(), 'bench-scale-'));
  try {
    const file = path.join(folder, 'vectors.hnsw');
    await index.write(file);
    const indexBytes = (await stat(file)).size;

    const exactLatencies: number[] = [];
    const truth = Array.from({ length: options.queries }, (_, q) => {
      start = performance.now();
      const ids = exactTopK(corpus.vectors, dimension, queries.vectors.subarray(q * dimension, (q + 1) * dimension), k);
      exactLatencies.push(performance.now() - start);
      return ids;
    });
    const main = timeQueries(index, queryArrays, truth, k);
    log(`${size}: ef ${main.ef} recall@${k} ${main.recall.toFixed(3)}`);
    const sweep: EfPoint[] = [];
    for (const ef of options.sweepEf ?? []) {
      const point = timeQueries(await HnswVectorIndex.read(file, { ...settings, ef }, size), queryArrays, truth, k);
      log(`${size}: ef ${ef} recall@${k} ${point.recall.toFixed(3)} p50 ${point.queryP50Ms.toFixed(3)} ms`);
      sweep.push(point);
    }

    start = performance.now();
    const bm25 = LexicalRanking.plain(corpus.chunks.map((chunk) => chunk.text));
    const bm25BuildMs = performance.now() - start;
    for (const text of queries.texts.slice(0, 20)) bm25.search(text, k);
    const bm25Latencies = queries.texts.map((text) => {
      const begin = performance.now();
      bm25.search(text, k);
      return performance.now() - begin;
    });
    return {
      size,
      M: settings.M,
      efConstruction: settings.efConstruction,
      buildMs,
      buildCpuMs,
      indexBytes,
      ...main,
      exactP50Ms: median(exactLatencies),
      bm25BuildMs,
      bm25P50Ms: median(bm25Latencies),
      bm25P99Ms: percentile(bm25Latencies, 99),
      sweep,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Measures each corpus size in turn (one at a time, so a 100k corpus never shares the heap with another) and returns
 * one row per size, in the order given. Deterministic in everything but the timings.
 */
export async function measureScale(sizes: readonly number[], options: ScaleOptions): Promise<ScaleRow[]> {
  const vocabulary = buildVocabulary(readFileSync(SPEECH_FILE, 'utf8'), 3000, 1);
  const rows: ScaleRow[] = [];
  for (const size of sizes) rows.push(await measureOne(size, options, vocabulary));
  return rows;
}
