/**
 * One model's cost in a fresh process, for `npm run bench`: reads `{ model, settings }` as JSON on stdin and prints
 * the figures of `measureModelCost` as JSON on stdout; progress goes to stderr.
 */
import { text } from 'node:stream/consumers';
import type { BenchModel } from './bench-models.js';
import { measureModelCost, type ModelCostSettings } from './measure-model-cost.js';

const { model, settings } = JSON.parse(await text(process.stdin)) as { model: BenchModel; settings: ModelCostSettings };
const figures = await measureModelCost(model, settings, (line) => process.stderr.write(`[bench] ${line}\n`));
process.stdout.write(`${JSON.stringify(figures)}\n`);
