import { ApplicationCommandType } from 'discord.js';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Refusal } from '../../refusal/refusal.js';
import type { BotContext, HandlerOutcome } from './bot-context.js';
import {
  readArguments,
  type CommandArguments,
  type CommandDefinition,
  type MessageCommandDefinition,
} from './command-definition.js';

/** What a command's handler ends with: what it sent, or a refusal for the one handler to answer privately. */
export type CommandResult = HandlerOutcome | { readonly refusal: Refusal };

/** A command with its handler, its arguments already typed by its definition. */
export interface RegisteredCommand {
  readonly definition: CommandDefinition;
  run(interaction: ChatInputCommandInteraction, context: BotContext): Promise<CommandResult>;
  /** Answers with choices; returns how many. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<number>;
}

/** A command whose handler receives its options read and typed from its definition. */
export function registerCommand<C extends CommandDefinition>(
  definition: C,
  execute: (
    interaction: ChatInputCommandInteraction,
    args: CommandArguments<C>,
    context: BotContext,
  ) => Promise<CommandResult>,
  autocomplete?: RegisteredCommand['autocomplete'],
): RegisteredCommand {
  return {
    definition,
    run: (interaction, context) => execute(interaction, readArguments(interaction, definition), context),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

/** A command with subcommands, whose handler reads the chosen one itself (`readSubcommand`). */
export function registerSubcommands<C extends CommandDefinition>(
  definition: C,
  run: (interaction: ChatInputCommandInteraction, definition: C, context: BotContext) => Promise<CommandResult>,
  autocomplete?: RegisteredCommand['autocomplete'],
): RegisteredCommand {
  return {
    definition,
    run: (interaction, context) => run(interaction, definition, context),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

/** A message command with its handler, which receives the target message's interaction. */
export interface RegisteredMessageCommand {
  readonly definition: MessageCommandDefinition;
  run(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<CommandResult>;
}

/** Any entry of the command registry. */
export type AnyRegisteredCommand = RegisteredCommand | RegisteredMessageCommand;

/** Declares a message command's handler. */
export function registerMessageCommand(
  definition: MessageCommandDefinition,
  run: RegisteredMessageCommand['run'],
): RegisteredMessageCommand {
  return { definition, run };
}

/** Whether a registry entry is a message command. */
export const isMessageCommand = (entry: AnyRegisteredCommand): entry is RegisteredMessageCommand =>
  entry.definition.type === ApplicationCommandType.Message;
