import { GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../../app/config.js';
import { NO_MENTIONS } from './discord-message.js';

/**
 * The options of the bot's discord.js client. `allowedMentions` is the safety net under every message: a payload that
 * forgets to set its own still pings no one (discord.js sends the client's default as `allowed_mentions`).
 */
export function discordClientOptions(config: Pick<Config, 'discordApiUrl'>): ClientOptions {
  return {
    // GuildMessages only to count messages in session threads for the recap; no message content is read.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    ...(config.discordApiUrl === undefined ? {} : { rest: { api: config.discordApiUrl } }),
  };
}
