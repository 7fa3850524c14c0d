import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeTinyBertModel } from './tiny-bert-model.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from './tiny-model-location.js';

/**
 * Generates the tiny BERT-shaped model once per run, its vocabulary the speech's own words, so that every test file
 * can load it through the real transformers.js path with remote models off.
 */
export default async function setup(project: TestProject): Promise<void> {
  const speech = await readFile(path.join(project.config.root, 'embeddings/source/mi5-dg-annual-threat-update-2021.txt'), 'utf8');
  const words = [...new Set(speech.normalize('NFKD').toLowerCase().match(/[a-z0-9]+/gu) ?? [])].sort();
  await writeTinyBertModel(TINY_MODEL_ROOT, TINY_MODEL_ID, { words, dimension: 64, seed: 20210714 });
}
