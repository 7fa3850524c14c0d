import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { IndexStore } from '../../src/search/adapters/index-store.js';
import type { EmbeddingModelSource } from '../../src/search/adapters/transformers-embedder.js';
import { openIndex, type OpenedIndex, type OpenIndexInput } from '../../src/search/index/open-index.js';
import { SPEECH_SOURCE_FILE } from '../../src/speech/adapters/read-speech-source.js';
import { TINY_MODEL_ROOT, TINY_MODEL_SOURCE } from './tiny-model-location.js';

/** A logger that keeps its lines for assertions. */
export function recordingLogger(): {
  logger: Logger;
  lines: Array<{ level: number; msg: string; [key: string]: unknown }>;
} {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino(
    { level: 'debug', base: null },
    { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { logger, lines };
}

/** The vendored speech page, as the app reads it. */
export async function speechSource(): Promise<{ file: string; text: string }> {
  return { file: SPEECH_SOURCE_FILE, text: await readFile(path.resolve(SPEECH_SOURCE_FILE), 'utf8') };
}

/** A model source that cannot load: a local folder without the model, so nothing is tried over the network. */
export const MISSING_MODEL: EmbeddingModelSource = {
  ...TINY_MODEL_SOURCE,
  model: 'test/no-such-model',
  modelDir: TINY_MODEL_ROOT,
};

/** A fresh temporary folder, removed by the returned function. */
export async function temporaryFolder(prefix: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** Opens (building first) an index of the real speech in `folder`, hybrid with the tiny model or lexical without. */
export async function openTestIndex(
  folder: string,
  options: { dense: boolean } & Partial<
    Pick<OpenIndexInput, 'logger' | 'rebuild' | 'source' | 'model' | 'denseThresholds'>
  >,
): Promise<OpenedIndex> {
  return openIndex({
    store: new IndexStore(folder),
    source: options.source ?? (await speechSource()),
    model: options.model ?? (options.dense ? TINY_MODEL_SOURCE : MISSING_MODEL),
    logger: options.logger ?? recordingLogger().logger,
    rebuild: options.rebuild ?? 'auto',
    ...(options.denseThresholds ? { denseThresholds: options.denseThresholds } : {}),
  });
}
