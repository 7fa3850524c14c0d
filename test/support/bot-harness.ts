import { composeApp, type App } from '../../src/app/compose.js';
import { runBot, type RunningBot } from '../../src/app/compose.js';
import { loadConfig } from '../../src/app/config.js';
import type { EmbeddingModelSource } from '../../src/search/adapters/transformers-embedder.js';
import type { Retriever } from '../../src/search/passage-retriever.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { FAKE_TOKEN, secretLeaks, tokenLeaks } from './fake-token.js';
import { openTestIndex, recordingLogger, temporaryFolder } from './test-index.js';

export { FAKE_TOKEN };

export interface BotHarness {
  readonly fake: FakeDiscord;
  readonly index: OpenedIndex;
  readonly logs: ReturnType<typeof recordingLogger>['lines'];
  bot: RunningBot;
  app: App;
  /** Stops the bot and starts a new one on the same index and fake Discord, as a process restart would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real bot (real discord.js client, real index, the tiny model when `dense`) logged in to a loopback fake
 * Discord. `wrapRetriever` lets a test put a fault between the bot and its retriever.
 */
export async function startBotHarness(
  options: {
    dense?: boolean;
    model?: EmbeddingModelSource;
    cooldownSeconds?: number;
    /** ANSWER_BUDGET_MS: how long a ready answer may still be the first response (default 1500). */
    answerBudgetMs?: number;
    wrapRetriever?: (retriever: Retriever) => Retriever;
  } = {},
): Promise<BotHarness> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN });
  const temporary = await temporaryFolder('bot');
  const opened = await openTestIndex(temporary.folder, {
    dense: options.dense ?? false,
    ...(options.model ? { model: options.model } : {}),
  });
  const index = options.wrapRetriever ? { ...opened, retriever: options.wrapRetriever(opened.retriever) } : opened;
  const { logger, lines } = recordingLogger();
  const config = loadConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.world.guildId,
    ASK_COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
    ...(options.answerBudgetMs === undefined ? {} : { ANSWER_BUDGET_MS: String(options.answerBudgetMs) }),
    INDEX_DIR: temporary.folder,
    DATA_DIR: `${temporary.folder}/data`,
  });
  const start = async () => {
    const app = composeApp(config, logger, index);
    return { app, bot: await runBot(app, FAKE_TOKEN) };
  };
  const harness: BotHarness = {
    fake,
    index,
    logs: lines,
    ...(await start()),
    async restart() {
      await harness.bot.stop();
      Object.assign(harness, await start());
    },
    async close() {
      await harness.bot.stop(1000);
      // The token authenticates requests (their Authorization header) and must appear nowhere else: not in a log line,
      // nor in anything sent to Discord.
      const sent = fake.requests.map((request) =>
        JSON.stringify([request.body, request.rawBody, request.path, request.query]),
      );
      // Request paths carry interaction tokens by design; a log line carries no secret at all.
      const logged = secretLeaks(JSON.stringify(lines));
      if (logged.length > 0) throw new Error(`${logged.join(' and ')} appeared in a log line`);
      if (sent.some((text) => tokenLeaks(text).length > 0)) throw new Error('the bot token appeared in a request');
      await opened.embedder?.dispose();
      try {
        // Throws if a body the bot sent broke Discord's OpenAPI spec.
        await fake.close();
      } finally {
        await temporary.remove();
      }
    },
  };
  return harness;
}
