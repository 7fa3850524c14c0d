import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import {
  ANY_CONTEXT,
  defineCommand,
  GUILD_OR_USER_INSTALL,
  type AnyCommandDefinition,
  type SubcommandDefinition,
} from '../../discord/adapters/command-definition.js';
import { toReplyPayload, viewSize } from '../../discord/adapters/discord-message.js';
import { registerCommand, type RegisteredCommand } from '../../discord/adapters/registered-command.js';
import { PUBLISHED_PAGE_URL } from '../../speech/published-page.js';
import { HELP_EXAMPLES, MESSAGE_COMMAND_SUMMARIES } from '../help-examples.js';
import { renderHelp, type HelpEntry } from '../render-help.js';

export const helpCommand = defineCommand({
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'Every command of this bot, with an example each (only you see it)',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
  options: [],
});

/**
 * The overview's entries, read from the registry's own definitions (so `/help` cannot drift from what is registered):
 * a command with subcommands gives one entry per subcommand.
 *
 * @throws {Error} when a command has no example in {@link HELP_EXAMPLES} (or, for a message command, no summary): a programming error the help test catches.
 */
export function helpEntriesOf(definitions: readonly AnyCommandDefinition[]): HelpEntry[] {
  const lookUp = (table: Readonly<Record<string, string>>, key: string): string => {
    const found = table[key];
    if (found === undefined) throw new Error(`no /help text for "${key}"`);
    return found;
  };
  const example = (key: string): string => lookUp(HELP_EXAMPLES, key);
  return definitions.flatMap((definition): HelpEntry[] => {
    if (definition.type === ApplicationCommandType.Message)
      return [
        {
          group: 'message',
          usage: definition.name,
          description: lookUp(MESSAGE_COMMAND_SUMMARIES, definition.name),
          example: example(definition.name),
        },
      ];
    const subcommands = (definition.options as readonly { type: ApplicationCommandOptionType }[]).filter(
      (option): option is SubcommandDefinition => option.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0)
      return [
        {
          group: 'reading',
          usage: `/${definition.name}`,
          description: definition.description,
          example: example(definition.name),
        },
      ];
    return subcommands.map((subcommand) => ({
      group: 'study',
      usage: `/${definition.name} ${subcommand.name}`,
      description: subcommand.description,
      example: example(`${definition.name} ${subcommand.name}`),
    }));
  });
}

/** `/help`, answered privately; `definitions` is read when asked, as the registry holds `/help` itself. */
export function helpHandler(definitions: () => readonly AnyCommandDefinition[]): RegisteredCommand {
  return registerCommand(helpCommand, async (interaction, _args, context) => {
    const view = renderHelp({
      entries: helpEntriesOf(definitions()),
      speechTitle: context.commands.speechTitle,
      speechUrl: PUBLISHED_PAGE_URL,
      mode: context.commands.mode,
    });
    await interaction.reply(toReplyPayload(view, true));
    return { outcome: 'answered', size: viewSize(view) };
  });
}
