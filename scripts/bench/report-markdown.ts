import type { BuildFigures } from './measure-build.js';
import type { ModelCostFigures } from './measure-model-cost.js';
import type { RetrievalFigures } from './measure-retrieval.js';
import type { LexiconFigures } from './measure-lexicon.js';
import type { ScaleRow } from './measure-scale.js';
import type { machineInfo } from './machine-info.js';
import type { LatencySummary } from './latency-summary.js';

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: ReturnType<typeof machineInfo>;
  /** The benchmark model, in words; each of `hybrid` says which form of it. */
  readonly model: string;
  readonly lexical?: { readonly build: BuildFigures; readonly retrieval: RetrievalFigures };
  /** What WordNet costs the lexical index: with it, and the same index without it. */
  readonly lexicon?: readonly LexiconFigures[];
  /** One entry per form of the model (fp32, int8), in that order. */
  readonly hybrid: readonly ModelCostFigures[];
  readonly scale?: { readonly hnsw: string; readonly rows: readonly ScaleRow[] };
}

const latency = (figures: LatencySummary) => `${figures.p50} / ${figures.p95} / ${figures.p99}`;

/** The report as Markdown tables, for a person and for the README. */
export function renderBenchMarkdown(report: BenchReport): string {
  const { machine, hybrid } = report;
  // Rows of one kind stay together, one per model, so fp32 and int8 read side by side.
  const perModel = (row: (figures: ModelCostFigures, model: string) => string) =>
    hybrid.map((figures) => row(figures, `${figures.model.precision} model`));
  const lines = [
    `Measured ${report.date} with \`${report.command}\` on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    `Hybrid figures use ${report.model}, in ${hybrid.length === 1 ? 'one form' : `${hybrid.length} forms`}: ${hybrid.map(({ model }) => `${model.description} (${model.onnxMb} MB)`).join('; ')}. Each form is measured in its own process.`,
    '',
    '| what | figure |',
    '| --- | --- |',
  ];
  const build = (figures: BuildFigures, model?: string) =>
    `| index build of the speech, ${figures.mode}${model ? `, ${model}` : ''} (median of ${figures.runs}) | ${figures.medianMs} ms, peak RSS ${figures.medianPeakRssMb} MB |`;
  const retrieval = (figures: RetrievalFigures, model?: string) =>
    `| retrieval, warm, ${figures.mode}${model ? `, ${model}` : ''}: p50 / p95 / p99 over ${figures.latency.count} questions | ${latency(figures.latency)} ms |`;
  if (report.lexical) lines.push(build(report.lexical.build));
  lines.push(...perModel((figures, model) => build(figures.build, model)));
  if (report.lexical) lines.push(retrieval(report.lexical.retrieval));
  lines.push(
    ...perModel((figures, model) => retrieval(figures.retrieval, model)),
    ...perModel(
      ({ discord }, model) =>
        `| \`/ask\` through Discord, ${model}, acknowledgement p50 / p95 / p99 (${discord.acknowledgement.count} asks) | ${latency(discord.acknowledgement)} ms |`,
    ),
    ...perModel(
      ({ discord }, model) =>
        `| \`/ask\` through Discord, ${model}, answer p50 / p95 / p99 | ${latency(discord.answer)} ms |`,
    ),
    ...perModel(
      ({ burst }, model) =>
        `| burst of ${burst.dispatched} \`/ask\` at once, ${model}: acknowledged within 3 s | ${burst.acknowledgedWithin3s} of ${burst.dispatched}, worst ${burst.worstAcknowledgementMs} ms |`,
    ),
    ...perModel(
      ({ burst }, model) =>
        `| burst, ${model}: answered exactly once / last answer after | ${burst.answeredExactlyOnce} of ${burst.dispatched} / ${burst.lastAnswerMs} ms |`,
    ),
    ...perModel(
      ({ coldStart }, model) =>
        `| cold start, ${model}, process start → ready (prebuilt index, median of ${coldStart.runs}) | ${coldStart.medianMs} ms |`,
    ),
    ...perModel(
      ({ coldStart }, model) => `| the bot's RSS when ready, hybrid, ${model} loaded | ${coldStart.readyRssMb} MB |`,
    ),
    ...perModel(({ retrieval: figures }, model) =>
      figures.rssAfterLongRunMb === undefined
        ? ''
        : `| RSS, ${figures.mode}, ${model}: after warm-up → after ${figures.longRunQuestions} more questions | ${figures.rssAfterWarmUpMb} MB → ${figures.rssAfterLongRunMb} MB |`,
    ).filter((line) => line !== ''),
  );
  if (report.lexicon) {
    lines.push('', 'WordNet in the lexical index (fresh processes; "plain" is the same index with stemming only):', '');
    lines.push(
      '| lexical index | reading WordNet | building the index | on disk | RSS added when ready | `ask` warm p50 / p95 / p99 (1,000 questions) |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const row of report.lexicon) {
      lines.push(
        `| ${row.variant} | ${row.wordnetMs} ms | ${row.buildMs} ms | ${(row.bytes / 2 ** 20).toFixed(1)} MiB | ${row.rssAddedMb} MB | ${latency(row.latency)} ms |`,
      );
    }
  }
  if (report.scale) {
    lines.push('', `Scale, synthetic corpora (random unit vectors, dimension 384; HNSW ${report.scale.hnsw}):`, '');
    lines.push(
      '| chunks | HNSW build | index on disk | query p50 / p99 | recall@10 | exact scan p50 | BM25 build | BM25 query p50 / p99 |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of report.scale.rows) {
      lines.push(
        `| ${row.size.toLocaleString('en')} | ${Math.round(row.buildMs)} ms | ${(row.indexBytes / 2 ** 20).toFixed(1)} MiB | ${row.queryP50Ms.toFixed(2)} / ${row.queryP99Ms.toFixed(2)} ms | ${row.recall.toFixed(3)} | ${row.exactP50Ms.toFixed(2)} ms | ${Math.round(row.bm25BuildMs)} ms | ${row.bm25P50Ms.toFixed(2)} / ${row.bm25P99Ms.toFixed(2)} ms |`,
      );
    }
  }
  return lines.join('\n');
}
