/**
 * The composition root: the one place that reads the config, constructs the adapters (index folder, model, SQLite,
 * discord.js client, Discord publisher) and wires the features' services together. `npm start`, every script and the
 * tests build what they run from here, passing overrides for what a test replaces.
 */
import 'dotenv/config';
import { Client, REST } from 'discord.js';
import type { Logger } from 'pino';
import { createBuildProgress } from '../cli/build-progress.js';
import { KeyedSerialQueue } from '../concurrency/keyed-serial-queue.js';
import { discordClientOptions } from '../discord/adapters/client-options.js';
import { createCommandRegistry } from '../discord/adapters/command-registry.js';
import type { AnyRegisteredCommand } from '../discord/adapters/registered-command.js';
import type { BotContext } from '../discord/adapters/bot-context.js';
import { startBot, type RunningBot } from '../discord/adapters/start-bot.js';
import { Cooldown } from '../discord/cooldown.js';
import { speechTag } from '../discord/custom-ids.js';
import { PassageCommands } from '../passages/passage-commands.js';
import { IndexStore } from '../search/adapters/index-store.js';
import type { EmbeddingModelSource } from '../search/adapters/transformers-embedder.js';
import { openIndex, type OpenedIndex } from '../search/index/open-index.js';
import { readSpeechSource } from '../speech/adapters/read-speech-source.js';
import type { Speech } from '../speech/speech.js';
import { DiscordStudyPublisher } from '../study/adapters/discord/discord-study-publisher.js';
import { SqliteStudyRepository } from '../study/adapters/sqlite/sqlite-study-repository.js';
import { openDatabase } from '../study/adapters/sqlite/open-database.js';
import { AnswerFeedback } from '../feedback/answer-feedback.js';
import type { FeedbackRepository } from '../feedback/feedback-repository.js';
import { loadFeedbackSecret, memberHasher } from '../feedback/adapters/member-hash.js';
import { SqliteFeedbackRepository } from '../feedback/adapters/sqlite-feedback-repository.js';
import { QuestionQueue } from '../study/question-queue.js';
import { rasterizeSvg } from '../study/adapters/rasterize-svg.js';
import type { StudyContext } from '../study/study-context.js';
import type { StudyPublisher } from '../study/study-publisher.js';
import type { StudyRepository } from '../study/study-repository.js';
import { StudySessions } from '../study/study-sessions.js';
import type { GuildSettings } from '../study/study-types.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

export { readSpeech } from './read-speech.js';

export type { RunningBot } from '../discord/adapters/start-bot.js';

/** Everything a front end (the console, the CLI, the bot) needs, opened once. */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly index: OpenedIndex;
  /** The reference commands over this index, for the bot and the console alike. */
  readonly commands: PassageCommands;
  close(): Promise<void>;
}

/** The config and its logger: what every entry point starts from. */
export function composeBasics(environment: NodeJS.ProcessEnv = process.env): { config: Config; logger: Logger } {
  const config = loadConfig(environment);
  return { config, logger: createLogger(config.logLevel) };
}

/** The embedding model the config names: from `MODEL_DIR` when set, else downloaded once into `MODEL_CACHE_DIR`. */
export function modelSourceOf(config: Config): EmbeddingModelSource {
  return { model: config.embeddingModel, modelDir: config.modelDir, cacheDir: config.modelCacheDir, quantized: true };
}

/** The index folder the config names. */
export function indexStoreOf(config: Config): IndexStore {
  return new IndexStore(config.indexDir);
}

/** A REST client for Discord with the bot's token, at `DISCORD_API_URL` when set: for `deploy-commands`. */
export function discordRestOf(config: Config, token: string): REST {
  return new REST(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }).setToken(token);
}

/** The ratings store alone, for `npm run feedback`: the bot's database, opened (and migrated) for reading the report. */
export function feedbackStoreOf(config: Config): { readonly repository: FeedbackRepository; close(): void } {
  const database = openDatabase(config.studyDatabaseFile);
  return { repository: new SqliteFeedbackRepository(database), close: () => database.close() };
}

/**
 * Opens the app: validated config, the logger, the speech, the model and the index (rebuilt when stale, unless
 * `rebuild` is `never`). Loading the model here, once, keeps it off every question's path.
 */
export async function openApp(options: { readonly rebuild: 'auto' | 'never' } = { rebuild: 'auto' }): Promise<App> {
  const { config, logger } = composeBasics();
  const progress = createBuildProgress();
  let index: OpenedIndex;
  try {
    index = await openIndex({
      store: indexStoreOf(config),
      source: await readSpeechSource(),
      model: modelSourceOf(config),
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

/** The reference commands over an opened index: its speech and retriever, buttons tagged with its text's hash. */
export function passageCommandsOf(index: Pick<OpenedIndex, 'speech' | 'retriever' | 'manifest'>): PassageCommands {
  const { speech, retriever, manifest } = index;
  return new PassageCommands({
    speech,
    retriever,
    speechTag: speechTag(manifest.source.sha256),
    builtAt: manifest.builtAt,
  });
}

/** Builds the app around an opened index; `openApp` uses it, and tests that open their own index. */
export function composeApp(config: Config, logger: Logger, index: OpenedIndex): App {
  return {
    config,
    logger,
    index,
    commands: passageCommandsOf(index),
    async close() {
      await index.embedder?.dispose();
    },
  };
}

/** Study settings of a guild that has stored none, from the config. */
export function studyDefaults(config: Config): Omit<GuildSettings, 'guildId'> {
  return {
    moderatorRoleId: config.moderatorRoleId ?? null,
    modChannelId: config.modLogChannelId ?? null,
    moderated: config.studyModerated,
    cooldownSeconds: config.studyCooldownSeconds,
    blockedTerms: [],
  };
}

/** The study services over a store and a publisher; the bot's wiring and the study tests share it. */
export function composeStudy(parts: {
  readonly repository: StudyRepository;
  readonly publisher: StudyPublisher;
  readonly speech: Speech;
  readonly commands: PassageCommands;
  readonly defaults: Omit<GuildSettings, 'guildId'>;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Draws the paragraph map; sharp unless a test that ends thousands of sessions replaces it. */
  readonly drawMap?: StudyContext['drawMap'];
}): { context: StudyContext; queue: QuestionQueue; sessions: StudySessions } {
  const context: StudyContext = {
    ...parts,
    serial: new KeyedSerialQueue(),
    now: parts.now ?? Date.now,
    drawMap: parts.drawMap ?? rasterizeSvg,
  };
  const queue = new QuestionQueue(context);
  return { context, queue, sessions: new StudySessions(context, queue) };
}

/**
 * Logs the bot in with everything already loaded (index, model, BM25) and answers interactions until stopped. The
 * study database is opened first: one that cannot be used stops the start with its path, before any interaction.
 */
export async function runBot(app: App, token: string): Promise<RunningBot> {
  const { config, logger } = app;
  const database = openDatabase(config.studyDatabaseFile);
  const repository = new SqliteStudyRepository(database);
  const feedback = new AnswerFeedback({
    repository: new SqliteFeedbackRepository(database),
    hashMember: memberHasher(loadFeedbackSecret(config.feedbackSecret, config.dataDir)),
    now: Date.now,
    onFailure: (error, what) => logger.warn({ err: error, what }, 'the feedback store failed; the answer went out'),
  });
  const client = new Client(discordClientOptions(config));
  const { queue, sessions } = composeStudy({
    repository,
    publisher: new DiscordStudyPublisher(client.rest),
    speech: app.index.speech,
    commands: app.commands,
    defaults: studyDefaults(config),
    logger,
  });
  const registry: AnyRegisteredCommand[] = createCommandRegistry(app.index.speech);
  const context: BotContext = {
    commands: app.commands,
    askCooldown: new Cooldown(config.askCooldownSeconds * 1000),
    answerBudgetMs: config.answerBudgetMs,
    logger,
    now: Date.now,
    sessions,
    queue,
    feedback,
  };
  return startBot({ client, token, registry, context, repository, config, mode: app.index.retriever.mode });
}
