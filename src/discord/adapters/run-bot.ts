import { Client, Events, MessageFlags, type Interaction } from 'discord.js';
import type { App } from '../../app/compose.js';
import { ConfigError } from '../../app/config.js';
import path from 'node:path';
import { SqliteStudyRepository } from '../../study/adapters/sqlite/sqlite-study-repository.js';
import { Cooldown } from '../cooldown.js';
import { RecentIds } from '../recent-ids.js';
import { KeyedSerialQueue } from '../../concurrency/keyed-serial-queue.js';
import { QuestionQueue } from '../../study/question-queue.js';
import type { StudyContext } from '../../study/study-context.js';
import { StudySessions } from '../../study/study-sessions.js';
import { DiscordStudyPublisher } from '../../study/adapters/discord/discord-study-publisher.js';
import type { BotContext } from './bot-context.js';
import { discordClientOptions } from './client-options.js';
import { createCommandRegistry } from './command-handlers.js';
import { NO_MENTIONS } from './discord-message.js';
import { createInteractionHandler } from './handle-interaction.js';
import { ensureCommandsRegistered } from './register-commands.js';

/** The study database's file name under DATA_DIR. */
export const STUDY_DATABASE_FILE = 'study.sqlite';

export interface RunningBot {
  readonly client: Client<true>;
  /** Stops taking interactions, lets those in flight finish (up to `graceMs`), then disconnects. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Logs the bot in with everything already loaded (index, model, BM25), so the first /ask is as fast as the rest;
 * makes sure its commands are registered; then answers interactions until stopped.
 */
export async function runBot(app: App, token: string): Promise<RunningBot> {
  const { config, logger } = app;
  // Opened before logging in: a database that cannot be used stops the start with its path, before any interaction.
  const repository = SqliteStudyRepository.open(path.join(config.dataDir, STUDY_DATABASE_FILE));
  const client = new Client(discordClientOptions(config));
  const registry = createCommandRegistry(app.index.speech);
  const studyContext: StudyContext = {
    repository,
    publisher: new DiscordStudyPublisher(client.rest),
    speech: app.index.speech,
    commands: app.commands,
    defaults: { moderatorRoleId: config.moderatorRoleId ?? null, modChannelId: config.modLogChannelId ?? null, moderated: true, cooldownSeconds: 30, blockedTerms: [] },
    serial: new KeyedSerialQueue(),
    now: Date.now,
    logger,
  };
  const queue = new QuestionQueue(studyContext);
  const sessions = new StudySessions(studyContext, queue);
  const context: BotContext = { commands: app.commands, askCooldown: new Cooldown(config.askCooldownSeconds * 1000), logger, now: Date.now, sessions, queue };
  const handle = createInteractionHandler(registry, context);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  // Interactions wait for start-up recovery, so a moderator's action cannot race it into posting something twice.
  let recoveryDone: () => void = () => undefined;
  const recovered = new Promise<void>((resolve) => (recoveryDone = resolve));
  // An interaction token lives 15 minutes; a replay within that time is the same interaction, handled already.
  const seen = new RecentIds(15 * 60_000);
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!seen.firstTime(interaction.id, Date.now())) {
      logger.warn({ interaction: interaction.id }, 'interaction delivered twice; handled once');
      return;
    }
    const work = accepting ? recovered.then(() => handle(interaction)) : refuseWhileStopping(interaction);
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.on(Events.MessageCreate, (message) => {
    if (message.author.bot || !message.inGuild()) return;
    const session = sessions.liveSession(message.channelId);
    if (session) repository.recordMessage(session.id, message.author.id);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let readyClient: Client<true>;
  try {
    await client.login(token);
    readyClient = await ready;
    if (config.discordClientId !== undefined && config.discordClientId !== readyClient.application.id) {
      logger.warn('DISCORD_CLIENT_ID does not match the application of DISCORD_TOKEN; using the token’s application');
    }
    await ensureCommandsRegistered(readyClient, registry.map((entry) => entry.definition), config.discordGuildId, logger);
    await queue.recover();
    recoveryDone();
  } catch (error) {
    // A half-started bot must not linger: the open gateway would keep the process alive, answering.
    await client.destroy();
    repository.close();
    throw isRefusedToken(error) ? new ConfigError('DISCORD_TOKEN is invalid: Discord refused it. Reset the token in the Developer Portal.') : error;
  }
  logger.info({ user: readyClient.user.tag, mode: app.index.retriever.mode }, 'bot ready');

  return {
    client: readyClient,
    async stop(graceMs = 10_000) {
      accepting = false;
      const settled = Promise.allSettled([...inFlight]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await client.destroy();
      repository.close();
      logger.info('bot stopped');
    },
  };
}

/** discord.js' own check of the token's shape, a 401 from REST, or the gateway's close 4004 (authentication failed). */
function isRefusedToken(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return code === 'TokenInvalid' || code === 4004 || status === 401;
}

async function refuseWhileStopping(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  await interaction
    .reply({ content: 'The bot is restarting; please try again in a moment.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
    .catch(() => undefined);
}
