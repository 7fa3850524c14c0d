import type { BuildFigures } from './measure-build.js';
import type { BurstFigures, DiscordFigures } from './measure-discord.js';
import type { RetrievalFigures } from './measure-retrieval.js';
import type { ScaleRow } from './measure-scale.js';
import type { machineInfo } from './machine-info.js';
import type { LatencySummary } from './latency-summary.js';

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: ReturnType<typeof machineInfo>;
  readonly model: string;
  readonly build: readonly BuildFigures[];
  readonly retrieval: readonly RetrievalFigures[];
  readonly discord?: DiscordFigures;
  readonly burst?: BurstFigures;
  readonly coldStart?: { runs: number; medianMs: number; readyRssMb: number };
  readonly scale?: { readonly hnsw: string; readonly rows: readonly ScaleRow[] };
}

const latency = (figures: LatencySummary) => `${figures.p50} / ${figures.p95} / ${figures.p99}`;

/** The report as Markdown tables, for a person and for the README. */
export function renderBenchMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Measured ${report.date} with \`${report.command}\` on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    `Hybrid figures use ${report.model}.`,
    '',
    '| what | figure |',
    '| --- | --- |',
    ...report.build.map((build) => `| index build of the speech, ${build.mode} (median of ${build.runs}) | ${build.medianMs} ms, peak RSS ${build.medianPeakRssMb} MB |`),
    ...report.retrieval.map((figures) => `| retrieval, warm, ${figures.mode}: p50 / p95 / p99 over ${figures.latency.count} questions | ${latency(figures.latency)} ms |`),
  ];
  if (report.discord) {
    lines.push(`| \`/ask\` through Discord, acknowledgement p50 / p95 / p99 (${report.discord.acknowledgement.count} asks) | ${latency(report.discord.acknowledgement)} ms |`);
    lines.push(`| \`/ask\` through Discord, answer p50 / p95 / p99 | ${latency(report.discord.answer)} ms |`);
  }
  if (report.burst) {
    const burst = report.burst;
    lines.push(`| burst of ${burst.dispatched} \`/ask\` at once: acknowledged within 3 s | ${burst.acknowledgedWithin3s} of ${burst.dispatched}, worst ${burst.worstAcknowledgementMs} ms |`);
    lines.push(`| burst: answered exactly once / last answer after | ${burst.answeredExactlyOnce} of ${burst.dispatched} / ${burst.lastAnswerMs} ms |`);
  }
  if (report.coldStart) {
    lines.push(`| cold start, process start → ready (prebuilt index, median of ${report.coldStart.runs}) | ${report.coldStart.medianMs} ms |`);
    lines.push(`| the bot's RSS when ready, hybrid, model loaded | ${report.coldStart.readyRssMb} MB |`);
  }
  for (const figures of report.retrieval) {
    if (figures.rssAfterLongRunMb !== undefined) {
      lines.push(`| RSS, ${figures.mode}: after warm-up → after ${figures.longRunQuestions} more questions | ${figures.rssAfterWarmUpMb} MB → ${figures.rssAfterLongRunMb} MB |`);
    }
  }
  if (report.scale) {
    lines.push('', `Scale, synthetic corpora (random unit vectors, dimension 384; HNSW ${report.scale.hnsw}):`, '');
    lines.push('| chunks | HNSW build | index on disk | query p50 / p99 | recall@10 | exact scan p50 | BM25 build | BM25 query p50 / p99 |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of report.scale.rows) {
      lines.push(
        `| ${row.size.toLocaleString('en')} | ${Math.round(row.buildMs)} ms | ${(row.indexBytes / 2 ** 20).toFixed(1)} MiB | ${row.queryP50Ms.toFixed(2)} / ${row.queryP99Ms.toFixed(2)} ms | ${row.recall.toFixed(3)} | ${row.exactP50Ms.toFixed(2)} ms | ${Math.round(row.bm25BuildMs)} ms | ${row.bm25P50Ms.toFixed(2)} / ${row.bm25P99Ms.toFixed(2)} ms |`,
      );
    }
  }
  return lines.join('\n');
}
