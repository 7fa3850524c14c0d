/**
 * `npm run deploy-commands`: registers the bot's slash commands with Discord, in DISCORD_GUILD_ID when set (instant,
 * for development) or globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID. The bot also does this at start-up, and
 * skips it when Discord already has the same definitions.
 */
import 'dotenv/config';
import { ApplicationCommandType, Routes } from 'discord.js';
import { createCommandRegistry } from '../src/discord/adapters/command-registry.js';
import { runCli } from '../src/cli/run-cli.js';
import { ConfigError, loadConfig } from '../src/app/config.js';
import { discordRestOf, readSpeech } from '../src/app/compose.js';

runCli(async () => {
  const config = loadConfig();
  if (config.discordToken === undefined)
    throw new ConfigError('DISCORD_TOKEN is required to deploy commands (see .env.example)');
  if (config.discordClientId === undefined)
    throw new ConfigError('DISCORD_CLIENT_ID is required to deploy commands (see .env.example)');
  const definitions = createCommandRegistry(await readSpeech()).map((entry) => entry.definition);
  const rest = discordRestOf(config, config.discordToken);
  const route =
    config.discordGuildId === undefined
      ? Routes.applicationCommands(config.discordClientId)
      : Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId);
  const registered = (await rest.put(route, { body: definitions })) as unknown[];
  const scope =
    config.discordGuildId === undefined
      ? 'globally (may take up to an hour to appear)'
      : `in guild ${config.discordGuildId}`;
  process.stderr.write(
    `Registered ${registered.length} commands ${scope}: ${definitions.map((definition) => (definition.type === ApplicationCommandType.ChatInput ? `/${definition.name}` : `“${definition.name}”`)).join(', ')}\n`,
  );
});
