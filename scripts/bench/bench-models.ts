import { link, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingModelSource } from '../../src/search/adapters/transformers-embedder.js';
import type { BertPrecision } from './bert-graph.js';
import { writeRealisticBertModel } from './realistic-bert-model.js';

/** One form of the benchmark model, as the bot loads it. */
export interface BenchModel {
  readonly precision: BertPrecision;
  /** What it stands for, for the report. */
  readonly description: string;
  /** Size of the ONNX file the bot loads. */
  readonly onnxMb: number;
  /** `MODEL_DIR` / `EMBEDDING_MODEL` of the bot, and the embedder's source (always `quantized: true`, as the app). */
  readonly dir: string;
  readonly id: string;
  readonly source: EmbeddingModelSource;
}

const ID_PREFIX = 'bench/realistic-bert';
const DESCRIPTIONS: Record<BertPrecision, string> = {
  fp32: 'fp32',
  int8: 'int8: the same weights, dynamically quantized (onnxruntime’s `quantize_dynamic` op set) like the real default `onnx/model_quantized.onnx`',
};

/**
 * Generates (or reuses) the benchmark model in both precisions under `root`, one model id each, and returns them
 * fp32 first. The app always loads `onnx/model_quantized.onnx`; for the fp32 model that name is a hard link to its
 * `model.onnx`, made afresh every time so a regenerated model is never shadowed by a link to the old file.
 */
export async function prepareBenchModels(root: string, log: (line: string) => void): Promise<BenchModel[]> {
  const models: BenchModel[] = [];
  for (const precision of ['fp32', 'int8'] as const) {
    const id = precision === 'fp32' ? ID_PREFIX : `${ID_PREFIX}-${precision}`;
    log(`generating (or reusing) the realistic model, ${precision}`);
    const folder = await writeRealisticBertModel(root, id, { precision, onProgress: log });
    const loaded = path.join(folder, 'onnx/model_quantized.onnx');
    if (precision === 'fp32') {
      await rm(loaded, { force: true });
      await link(path.join(folder, 'onnx/model.onnx'), loaded);
    }
    const onnxMb = Math.round((await stat(loaded)).size / 1e5) / 10;
    models.push({
      precision,
      description: DESCRIPTIONS[precision],
      onnxMb,
      dir: root,
      id,
      source: { model: id, modelDir: root, cacheDir: path.join(root, 'cache'), quantized: true },
    });
  }
  return models;
}
