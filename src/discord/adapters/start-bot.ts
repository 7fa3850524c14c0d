import { Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import type { Config } from '../../app/config.js';
import { ConfigError } from '../../refusal/config-error.js';
import type { SqliteStudyRepository } from '../../study/adapters/sqlite/sqlite-study-repository.js';
import { RecentIds } from '../recent-ids.js';
import type { BotContext } from './bot-context.js';
import type { AnyRegisteredCommand } from './registered-command.js';
import { NO_MENTIONS } from './discord-message.js';
import { createInteractionHandler } from './handle-interaction.js';
import { ensureCommandsRegistered } from './register-commands.js';

/** What the composition root hands the bot: its client, commands and services, constructed already. */
export interface BotParts {
  readonly client: Client;
  readonly token: string;
  readonly registry: readonly AnyRegisteredCommand[];
  readonly context: BotContext;
  readonly repository: SqliteStudyRepository;
  readonly config: Pick<Config, 'discordClientId' | 'discordGuildId'>;
  /** The retrieval mode, for the ready line. */
  readonly mode: string;
}

export interface RunningBot {
  readonly client: Client<true>;
  /** Stops taking interactions, lets those in flight finish (up to `graceMs`), then disconnects. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Makes sure the bot's commands are registered, recovers approved answers a crash left unposted, then answers
 * interactions until stopped.
 */
export async function startBot(parts: BotParts): Promise<RunningBot> {
  const { client, token, registry, context, repository, config, mode } = parts;
  const { logger, sessions, queue } = context;
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
    await ensureCommandsRegistered(
      readyClient,
      registry.map((entry) => entry.definition),
      config.discordGuildId,
      logger,
    );
    await queue.recover();
    recoveryDone();
  } catch (error) {
    // A half-started bot must not linger: the open gateway would keep the process alive, answering.
    await client.destroy();
    repository.close();
    throw isRefusedToken(error)
      ? new ConfigError('DISCORD_TOKEN is invalid: Discord refused it. Reset the token in the Developer Portal.')
      : error;
  }
  logger.info({ user: readyClient.user.tag, mode }, 'bot ready');

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
    .reply({
      content: 'The bot is restarting; please try again in a moment.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    })
    .catch(() => undefined);
}
