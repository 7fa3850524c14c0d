import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_EXPANSION } from '../../src/search/lexicon/expansion-settings.js';
import { ALL_FEATURES } from '../../src/search/lexicon/lexicon.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import { cachedLexicon } from '../../src/search/index/lexicon-cache.js';
import { writeTinyBertModel } from './tiny-bert-model.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from './tiny-model-location.js';

/**
 * Generates the tiny BERT-shaped model once per run, its vocabulary the speech's own words, so that every test file
 * can load it through the real transformers.js path with remote models off. Builds the speech's WordNet lexicon once
 * (or finds it cached for the same code and settings), so that the many tests that build an index read it from the
 * cache instead of parsing WordNet each, and two workers do not build it at the same time.
 */
export default async function setup(project: TestProject): Promise<void> {
  const speech = await readFile(
    path.join(project.config.root, 'embeddings/source/mi5-dg-annual-threat-update-2021.txt'),
    'utf8',
  );
  const words = [
    ...new Set(
      speech
        .normalize('NFKD')
        .toLowerCase()
        .match(/[a-z0-9]+/gu) ?? [],
    ),
  ].sort();
  await writeTinyBertModel(TINY_MODEL_ROOT, TINY_MODEL_ID, { words, dimension: 64, seed: 20210714 });
  await cachedLexicon(
    parseSpeech(speech)
      .paragraphs.map((paragraph) => paragraph.text)
      .join('\n'),
    ALL_FEATURES,
    DEFAULT_EXPANSION,
  );
}
