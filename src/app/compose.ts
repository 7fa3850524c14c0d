import 'dotenv/config';
import { IndexStore } from '../search/adapters/index-store.js';
import type { PassageCommands } from '../passages/passage-commands.js';
import { createBuildProgress } from '../cli/build-progress.js';
import { loadConfig, type Config } from './config.js';
import { openIndex, type OpenedIndex } from '../search/index/open-index.js';
import { passageCommandsOf } from './passage-commands-of.js';
import { createLogger, type Logger } from './logger.js';
import { readSpeechSource } from '../speech/adapters/read-speech-source.js';

/** Everything a front end (the console, the CLI, later the bot) needs, opened once. */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly index: OpenedIndex;
  /** The reference commands over this index, for the bot and the console alike. */
  readonly commands: PassageCommands;
  close(): Promise<void>;
}

/**
 * Wires the adapters together: validated config, the logger, the speech, the model and the index (rebuilt when
 * stale, unless `rebuild` is `never`). Loading the model here, once, keeps it off every question's path.
 */
export async function openApp(options: { readonly rebuild: 'auto' | 'never' } = { rebuild: 'auto' }): Promise<App> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const progress = createBuildProgress();
  let index: OpenedIndex;
  try {
    index = await openIndex({
      store: new IndexStore(config.indexDir),
      source: await readSpeechSource(),
      model: { model: config.embeddingModel, modelDir: config.modelDir, cacheDir: config.modelCacheDir, quantized: true },
      logger,
      rebuild: options.rebuild,
      onModelProgress: progress.onModelProgress,
      onEmbedded: progress.onEmbedded,
    });
  } finally {
    progress.stop();
  }
  logger.debug({ mode: index.retriever.mode, builtAt: index.manifest.builtAt }, 'index ready');
  return composeApp(config, logger, index);
}

/** Builds the app around an opened index; `openApp` uses it, and tests that open their own index. */
export function composeApp(config: Config, logger: Logger, index: OpenedIndex): App {
  const commands = passageCommandsOf(index);
  return {
    config,
    logger,
    index,
    commands,
    async close() {
      await index.embedder?.dispose();
    },
  };
}
