import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import type { FeatureExtractionPipeline } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyBertModel } from './tiny-bert-model.js';
import type { TinyBertOptions } from './tiny-bert-model.js';

const MODEL_ID = 'test/tiny-bert';
const OPTIONS: TinyBertOptions = {
  words: ['the', 'threat', 'terrorism', 'state', 'security', 'cyber', 'garden', 'flowers', 'sunny', 'weather'],
  dimension: 16,
  seed: 20210714,
};

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((value, index) => {
    const other = b[index] ?? 0;
    dot += value * other;
    normA += value * value;
    normB += other * other;
  });
  return dot / Math.sqrt(normA * normB);
}

describe('tiny BERT model', () => {
  // env is a process-wide singleton; snapshot what we touch so other test
  // files in the same worker see the defaults again.
  const saved = {
    allowRemoteModels: env.allowRemoteModels,
    allowLocalModels: env.allowLocalModels,
    localModelPath: env.localModelPath,
    useFSCache: env.useFSCache,
  };
  let root = '';
  let extractor: FeatureExtractionPipeline;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tiny-bert-'));
    await writeTinyBertModel(root, MODEL_ID, OPTIONS);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = root;
    // The FS cache is consulted *before* localModelPath, keyed only by model
    // id, so a stale cached model with the same id would silently win.
    env.useFSCache = false;
    extractor = await pipeline('feature-extraction', MODEL_ID, { quantized: true });
  });

  afterAll(async () => {
    await extractor?.dispose();
    Object.assign(env, saved);
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function embed(text: string): Promise<number[]> {
    const output = await extractor(text, { pooling: 'mean', normalize: true });
    expect(output.dims).toEqual([1, OPTIONS.dimension]);
    return Array.from(output.data as Float32Array);
  }

  it('writes byte-identical files for the same options', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'tiny-bert-again-'));
    try {
      const folder = await writeTinyBertModel(other, MODEL_ID, OPTIONS);
      for (const file of [
        'config.json',
        'tokenizer.json',
        'tokenizer_config.json',
        'onnx/model.onnx',
        'onnx/model_quantized.onnx',
      ]) {
        const [a, b] = await Promise.all([
          readFile(path.join(root, MODEL_ID, file)),
          readFile(path.join(folder, file)),
        ]);
        expect(a.equals(b), file).toBe(true);
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('produces unit-norm mean-pooled embeddings of the configured dimension', async () => {
    const vector = await embed('The threat from terrorism.');
    const norm = Math.hypot(...vector);
    expect(norm).toBeCloseTo(1, 5);
  });

  it('is deterministic across calls', async () => {
    const text = 'State threats and cyber security';
    expect(await embed(text)).toEqual(await embed(text));
  });

  it('places texts that share words closer than texts with disjoint words', async () => {
    const anchor = await embed('terrorism threat security');
    const related = await embed('state threat security');
    const unrelated = await embed('sunny garden flowers');
    expect(cosine(anchor, related)).toBeGreaterThan(cosine(anchor, unrelated));
  });

  it('splits an out-of-vocabulary word into several word pieces instead of [UNK]', () => {
    const { tokenizer } = extractor;
    const ids = tokenizer.encode('Espionage', null, { add_special_tokens: false });
    const tokens = tokenizer.model.convert_ids_to_tokens(ids);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens).not.toContain('[UNK]');
    expect(tokens[0]).toBe('e');
    expect(tokens.slice(1).every((token) => token.startsWith('##'))).toBe(true);
    // Words in the vocabulary stay whole, so the lookup table is actually used per word.
    expect(
      tokenizer.model.convert_ids_to_tokens(tokenizer.encode('Terrorism', null, { add_special_tokens: false })),
    ).toEqual(['terrorism']);
  });

  it('embeds a batch of texts of different lengths as one row each', async () => {
    const output = await extractor(['cyber', 'the state threat from terrorism in sunny weather'], {
      pooling: 'mean',
      normalize: true,
    });
    expect(output.dims).toEqual([2, OPTIONS.dimension]);
    const rows = output.tolist() as number[][];
    expect(rows).toHaveLength(2);
    // Padding must not leak into the short text's mean: it should match embedding it alone.
    const alone = await embed('cyber');
    rows[0]?.forEach((value, index) => expect(value).toBeCloseTo(alone[index] ?? Number.NaN, 5));
  });
});
