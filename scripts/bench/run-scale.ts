/**
 * `npx tsx scripts/bench/run-scale.ts [--sizes 1000,10000,100000] [--queries 200] [--M 16] [--ef-construction 200]
 * [--ef 64] [--sweep-ef 64,128,256] [--seed N] [--json]`: the scale benchmark on synthetic corpora, as a Markdown table on stdout
 * (JSON with --json); progress goes to stderr so the table can be redirected cleanly.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_HNSW } from '../../src/search/adapters/hnsw-vector-index.js';
import { measureScale, type ScaleRow } from './measure-scale.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '200' },
    M: { type: 'string', default: String(DEFAULT_HNSW.M) },
    'ef-construction': { type: 'string', default: String(DEFAULT_HNSW.efConstruction) },
    ef: { type: 'string', default: String(DEFAULT_HNSW.ef) },
    'sweep-ef': { type: 'string', default: '' },
    seed: { type: 'string', default: '20210714' },
    json: { type: 'boolean', default: false },
  },
});

function integers(option: string, text: string): number[] {
  const numbers = text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--${option} wants positive integers, got "${text}"`);
  return numbers;
}
const single = (option: string, text: string): number => integers(option, text)[0] ?? NaN;

const ms = (value: number): string => (value < 10 ? value.toFixed(3) : value.toFixed(0));
const size = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function table(rows: readonly ScaleRow[]): string {
  const lines = [
    '| Chunks | M / efC / ef | HNSW build (s, CPU s) | Index (MiB) | Query p50 (ms) | Query p99 (ms) | Recall@10 | Exact scan p50 (ms) | BM25 build (s) | BM25 p50 (ms) | BM25 p99 (ms) |',
    '|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${size(row.size)} | ${row.M} / ${row.efConstruction} / ${row.ef} | ${(row.buildMs / 1000).toFixed(2)} (${(row.buildCpuMs / 1000).toFixed(2)}) | ${mib(row.indexBytes)} | ` +
        `${ms(row.queryP50Ms)} | ${ms(row.queryP99Ms)} | ${row.recall.toFixed(3)} | ${ms(row.exactP50Ms)} | ` +
        `${(row.bm25BuildMs / 1000).toFixed(2)} | ${ms(row.bm25P50Ms)} | ${ms(row.bm25P99Ms)} |`,
    );
  }
  const sweeps = rows.filter((row) => row.sweep.length > 0);
  for (const row of sweeps) {
    lines.push(
      '',
      `ef sweep at ${size(row.size)} (M ${row.M}, efConstruction ${row.efConstruction}, same graph re-read from disk):`,
      '',
      '| ef | Recall@10 | Query p50 (ms) | Query p99 (ms) |',
      '|---:|---:|---:|---:|',
    );
    for (const point of row.sweep)
      lines.push(`| ${point.ef} | ${point.recall.toFixed(3)} | ${ms(point.queryP50Ms)} | ${ms(point.queryP99Ms)} |`);
  }
  return lines.join('\n');
}

const started = performance.now();
const rows = await measureScale(integers('sizes', values.sizes), {
  queries: single('queries', values.queries),
  hnsw: {
    ...DEFAULT_HNSW,
    M: single('M', values.M),
    efConstruction: single('ef-construction', values['ef-construction']),
    ef: single('ef', values.ef),
  },
  sweepEf: integers('sweep-ef', values['sweep-ef']),
  seed: single('seed', values.seed),
  log: (line) => process.stderr.write(`${line}\n`),
});
// Other work on a 2-core machine skews every timing, so the load average is part of the record.
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const totalSeconds = (performance.now() - started) / 1000;
if (values.json) {
  process.stdout.write(`${JSON.stringify({ machine, totalSeconds, rows }, null, 2)}\n`);
} else {
  process.stdout.write(
    `${table(rows)}\n\nRandom unit vectors, dimension 384, cosine; ` +
      `queries are independent random unit vectors and 3–10-word generated texts. ${machine}; total ${totalSeconds.toFixed(0)} s.\n`,
  );
}
