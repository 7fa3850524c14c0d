import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AnyCommandDefinition } from './command-definition.js';

/**
 * Makes sure Discord has exactly these commands, in one guild (for development) or globally, and skips the write when
 * it already does: every command present and equal by discord.js' own comparison (options, contexts,
 * integration types), and no others. Returns whether it
 * wrote.
 */
export async function ensureCommandsRegistered(
  client: Client<true>,
  definitions: readonly AnyCommandDefinition[],
  guildId: string | undefined,
  logger: Logger,
): Promise<boolean> {
  const manager = client.application.commands;
  const existing = guildId === undefined ? await manager.fetch() : await manager.fetch({ guildId });
  const same =
    existing.size === definitions.length &&
    definitions.every((definition) => {
      // A slash command and a message command may share a name; each is known by both.
      const current = existing.find((command) => command.name === definition.name && command.type === definition.type);
      return (
        current !== undefined &&
        current.equals(structuredClone(definition) as Parameters<typeof current.equals>[0], false)
      );
    });
  const scope = guildId === undefined ? 'global' : `guild ${guildId}`;
  if (same) {
    logger.info({ scope, commands: definitions.length }, 'slash commands already registered');
    return false;
  }
  const body = definitions.map((definition) => structuredClone(definition)) as unknown as Parameters<
    typeof manager.set
  >[0];
  await (guildId === undefined ? manager.set(body) : manager.set(body, guildId));
  logger.info({ scope, commands: definitions.length }, 'slash commands registered');
  return true;
}
