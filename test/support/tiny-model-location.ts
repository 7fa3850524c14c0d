import { fileURLToPath } from 'node:url';

/** Where the global setup writes the tiny model: a git-ignored folder, laid anew each run. */
export const TINY_MODEL_ROOT = fileURLToPath(new URL('../.generated/models', import.meta.url));
export const TINY_MODEL_ID = 'test/tiny-bert';

/** The tiny model as the project's embedder loads it: from a local folder, so nothing is downloaded. */
export const TINY_MODEL_SOURCE = {
  model: TINY_MODEL_ID,
  modelDir: TINY_MODEL_ROOT,
  cacheDir: fileURLToPath(new URL('../.generated/cache', import.meta.url)),
  quantized: true,
} as const;
