/**
 * `npm run bench [-- --json] [-- --quick] [-- --model-cost] [-- --answers]`: measures the index build, warm retrieval, /ask through
 * the (loopback, fake) Discord at rest and in a burst of 200, cold start and the bot's RSS when ready, memory over
 * 10,000 questions, what WordNet costs the lexical index, and HNSW/BM25 at 1k–100k chunks. Every model-dependent figure is measured twice, with a generated
 * model of all-MiniLM-L6-v2's shape and random weights in fp32 and in int8 (dynamically quantized, as the real
 * default is), each in its own process; both are cached under .cache/bench-models/. `--model-cost` measures only
 * those (no lexical rows, no scale run). Where an `/ask`'s time goes (answers in the first response and deferrals, REST
 * calls per `/ask`, at rest and in a burst, cold start; lexical and int8) is measured in every run, and alone with
 * `--answers`. Prints a Markdown table (or JSON with --json) on stdout; progress on stderr.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openTestIndex } from '../test/support/test-index.js';
import { prepareBenchModels } from './bench/bench-models.js';
import { benchQuestions } from './bench/bench-questions.js';
import { medianOfRuns } from './bench/latency-summary.js';
import { machineInfo } from './bench/machine-info.js';
import { measureBuild } from './bench/measure-build.js';
import { answerPathRows, measureAnswerPaths, type AnswerPathFigures } from './bench/measure-answer-paths.js';
import { measureLexicon } from './bench/measure-lexicon.js';
import {
  measureModelCostInFreshProcess,
  type ModelCostFigures,
  type ModelCostSettings,
} from './bench/measure-model-cost.js';
import { measureRetrieval } from './bench/measure-retrieval.js';
import { measureScale } from './bench/measure-scale.js';
import { renderBenchMarkdown, type BenchReport } from './bench/report-markdown.js';
import { SCALE_HNSW } from './bench/scale-settings.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'model-cost': { type: 'boolean', default: false },
    answers: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const modelCostOnly = values['model-cost'];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const models = await prepareBenchModels(path.resolve('.cache/bench-models'), log);
const int8 = models.find((model) => model.precision === 'int8');

const speechText = await readFile('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8');
const questions = benchQuestions(quick ? 200 : 1000, speechText);
// Each latency figure is the median of `runs` runs, each run a full pass over the questions.
const settings: ModelCostSettings = {
  runs: quick ? 1 : 3,
  buildRuns: quick ? 1 : 3,
  coldStartRuns: quick ? 1 : 3,
  questions,
  asks: quick ? 50 : 300,
  longRunQuestions: quick ? 1000 : 10_000,
  burst: 200,
};

// Where an /ask's time goes, lexical and with the int8 model (the real default's kind); `--answers` runs only this.
const answerSettings = { questions, asks: quick ? 50 : 200, burst: 200, coldStartRuns: quick ? 1 : 3 };
const answerPaths: AnswerPathFigures[] = [];
for (const model of [undefined, int8]) answerPaths.push(await measureAnswerPaths(model, answerSettings, log));
const machine = machineInfo();
const answersMarkdown = [
  `Where an \`/ask\`'s time goes, measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --answers${quick ? ' --quick' : ''}\` on ${machine.cores} cores of ${machine.cpu}, Node ${machine.node}; the loopback fake Discord; answer budget 1500 ms.`,
  '',
  '| what | figure |',
  '| --- | --- |',
  ...answerPaths.flatMap(answerPathRows),
  '',
].join('\n');
if (values.answers) {
  process.stdout.write(values.json ? `${JSON.stringify({ machine, answerPaths }, null, 2)}\n` : answersMarkdown);
  process.exit(0);
}

let lexical: BenchReport['lexical'];
let lexicon: BenchReport['lexicon'];
if (!modelCostOnly) {
  log('lexical: what WordNet costs');
  lexicon = await measureLexicon();
  log('lexical: index builds and warm retrieval');
  const build = await measureBuild(settings.buildRuns);
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-lexical-'));
  const index = await openTestIndex(work, { dense: false });
  lexical = { build, retrieval: await medianOfRuns(settings.runs, () => measureRetrieval(index.retriever, questions)) };
  await rm(work, { recursive: true, force: true });
}

const hybrid: ModelCostFigures[] = [];
for (const model of models) hybrid.push(await measureModelCostInFreshProcess(model, settings));

let scale: BenchReport['scale'];
if (!modelCostOnly) {
  log('scale (this takes a few minutes)');
  const rows = await measureScale(quick ? [1000, 10_000] : [1000, 10_000, 100_000], {
    queries: quick ? 50 : 200,
    hnsw: SCALE_HNSW,
    log,
  });
  scale = { hnsw: `M ${SCALE_HNSW.M}, efConstruction ${SCALE_HNSW.efConstruction}, ef ${SCALE_HNSW.ef}`, rows };
}

const flags = [quick ? ' --quick' : '', modelCostOnly ? ' --model-cost' : ''].join('');
const report: BenchReport = {
  date: new Date().toISOString().slice(0, 10),
  command: `npm run bench${flags ? ` --${flags}` : ''}`,
  machine: machineInfo(),
  model:
    'a generated BERT of all-MiniLM-L6-v2’s shape (6 layers, hidden 384, 12 heads, vocabulary 30,522) with random weights',
  ...(lexical ? { lexical } : {}),
  ...(lexicon ? { lexicon } : {}),
  hybrid,
  ...(scale ? { scale } : {}),
};
process.stdout.write(
  values.json
    ? `${JSON.stringify({ ...report, answerPaths }, null, 2)}\n`
    : `${renderBenchMarkdown(report)}\n\n${answersMarkdown}`,
);
