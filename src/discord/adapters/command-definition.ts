import {
  ApplicationCommandOptionType,
  type ApplicationCommandType,
  ApplicationIntegrationType,
  DiscordjsErrorCodes,
  DiscordjsTypeError,
  InteractionContextType,
  type AutocompleteInteraction,
  type ChannelType,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { UserFacingError } from '../../refusal/user-facing-error.js';

interface OptionBase {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
}
export interface StringOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.String;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly autocomplete?: boolean;
  /** The only values a member can pick, each with the name shown for it. */
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
}
export interface IntegerOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Integer;
  readonly min_value?: number;
  readonly max_value?: number;
  /** Suggestions while typing; the value sent is still the number (Discord forbids it together with choices). */
  readonly autocomplete?: boolean;
}
export interface BooleanOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Boolean;
}
export interface RoleOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Role;
}
export interface ChannelOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Channel;
  readonly channel_types?: readonly ChannelType[];
}
export type OptionDefinition = StringOption | IntegerOption | BooleanOption | RoleOption | ChannelOption;

/** A subcommand (`/study start`), with options of its own. */
export interface SubcommandDefinition {
  readonly type: ApplicationCommandOptionType.Subcommand;
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
}

/** A chat-input command as Discord's API receives it; declared once, used by deploy-commands and the bot. */
export interface CommandDefinition {
  readonly type: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[] | readonly SubcommandDefinition[];
  readonly contexts: readonly InteractionContextType[];
  /** Who sees the command by default (a permission bitfield as a string); the bot checks again on every use. */
  readonly default_member_permissions?: string | null;
  /** Stated even though Discord defaults to guild install: discord.js compares it when deciding to re-register. */
  readonly integration_types: readonly ApplicationIntegrationType[];
}

/**
 * A message command (type 3): listed under *Apps* on any message, with no options and no description; it receives the
 * target message in `resolved.messages`.
 */
export interface MessageCommandDefinition {
  readonly type: ApplicationCommandType.Message;
  /** Shown as typed: may hold capitals and spaces, unlike a slash command's name. */
  readonly name: string;
  readonly contexts: readonly InteractionContextType[];
  readonly integration_types: readonly ApplicationIntegrationType[];
}

/** Any command the registry may hold, as Discord's API receives it. */
export type AnyCommandDefinition = CommandDefinition | MessageCommandDefinition;

/** Declares a message command. */
export function defineMessageCommand<const C extends MessageCommandDefinition>(definition: C): C {
  return definition;
}

/** Roles and channels arrive as their ids. */
type OptionValue<O extends OptionDefinition> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O extends StringOption | RoleOption | ChannelOption
    ? string
    : O extends IntegerOption
      ? number
      : boolean;

/** The typed arguments of a list of options: required ones are never undefined. */
export type OptionArguments<Options extends readonly OptionDefinition[]> = {
  readonly [O in Options[number] as O['name']]: O extends { readonly required: true }
    ? OptionValue<O>
    : OptionValue<O> | undefined;
};

/** The typed arguments of a command, derived from its definition. */
export type CommandArguments<C extends CommandDefinition> = C['options'] extends readonly OptionDefinition[]
  ? OptionArguments<C['options']>
  : never;

/** For a command with subcommands: each subcommand's typed arguments, by name. */
export type SubcommandArguments<C extends CommandDefinition> = C['options'] extends readonly SubcommandDefinition[]
  ? { readonly [S in C['options'][number] as S['name']]: OptionArguments<S['options']> }
  : never;

/** Declares a command, keeping its literal types so that handlers get typed arguments. */
export function defineCommand<const C extends CommandDefinition>(definition: C): C {
  return definition;
}

/** Reads an interaction's options as the definition declares them. */
export function readArguments<C extends CommandDefinition>(
  interaction: ChatInputCommandInteraction,
  definition: C,
): CommandArguments<C> {
  return readOptionValues(
    (name) => interaction.options.get(name, false),
    definition.options as readonly OptionDefinition[],
  ) as CommandArguments<C>;
}

/** Reads the chosen subcommand's name and its options, as its definition declares them. */
export function readSubcommand<C extends CommandDefinition>(
  interaction: ChatInputCommandInteraction,
  definition: C,
): { [K in keyof SubcommandArguments<C>]: { name: K; args: SubcommandArguments<C>[K] } }[keyof SubcommandArguments<C>] {
  const name = interaction.options.getSubcommand(false);
  const subcommand = (definition.options as readonly SubcommandDefinition[]).find(
    (candidate) => candidate.name === name,
  );
  if (!subcommand) throw staleCommand();
  return {
    name,
    args: readOptionValues((option) => interaction.options.get(option, false), subcommand.options),
  } as never;
}

/** An option as the interaction carries it (discord.js's `CommandInteractionOption`, narrowed to what is read). */
export interface GivenOption {
  readonly type: ApplicationCommandOptionType;
  readonly value?: string | number | boolean | undefined | null;
}

/**
 * The refusal for an interaction sent from an older definition of a command than the bot's: a client that has not yet
 * seen an update (Discord caches definitions) sends the old shape. That is the member's to retry, not a fault.
 */
export const staleCommand = (): UserFacingError => new UserFacingError({ code: 'stale-command' });

/**
 * The focused option of an autocomplete: the text typed so far and its type, so that one handler can serve
 * string options (sections) and integer ones (paragraphs).
 *
 * @throws {UserFacingError} `stale-command` when discord.js finds no focused option.
 */
export function focusedOption(interaction: AutocompleteInteraction): {
  readonly text: string;
  readonly type: ApplicationCommandOptionType;
} {
  try {
    const focused = interaction.options.getFocused(true);
    return { text: String(focused.value), type: focused.type };
  } catch (error) {
    if (
      error instanceof DiscordjsTypeError &&
      error.code === DiscordjsErrorCodes.AutocompleteInteractionOptionNoFocusedOption
    )
      throw staleCommand();
    throw error;
  }
}

/**
 * Reads each declared option from `given` (by name), checking it against its declaration.
 *
 * @throws {UserFacingError} `stale-command` when a required option is missing, or any option has another type than
 *   declared, an Integer that is not whole, or a value outside its choices: a command sent from an older definition.
 */
export function readOptionValues(
  given: (name: string) => GivenOption | null,
  options: readonly OptionDefinition[],
): Record<string, string | number | boolean | undefined> {
  const values: Record<string, string | number | boolean | undefined> = {};
  for (const option of options) {
    const found = given(option.name);
    const value = found?.value ?? undefined;
    if (value === undefined) {
      if (option.required === true) throw staleCommand();
      values[option.name] = undefined;
      continue;
    }
    if (found?.type !== option.type) throw staleCommand();
    const expected =
      option.type === ApplicationCommandOptionType.Integer
        ? 'number'
        : option.type === ApplicationCommandOptionType.Boolean
          ? 'boolean'
          : 'string';
    if (typeof value !== expected) throw staleCommand();
    if (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value)) throw staleCommand();
    if (
      option.type === ApplicationCommandOptionType.String &&
      option.choices &&
      !option.choices.some((choice) => choice.value === value)
    )
      throw staleCommand();
    values[option.name] = value;
  }
  return values;
}

/**
 * Where the reading commands work: servers, the bot's DM, and group DMs and DMs between members (the last only when a
 * member installed the app to their account).
 */
export const ANY_CONTEXT = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
] as const;

/** Installed to a server, or by a member to their own account (then usable wherever they are). */
export const GUILD_OR_USER_INSTALL = [
  ApplicationIntegrationType.GuildInstall,
  ApplicationIntegrationType.UserInstall,
] as const;

/** Study sessions need a server: its channels, threads, roles and a moderators' channel. */
export const SERVERS_ONLY = [InteractionContextType.Guild] as const;

/** Installed to a server only. */
export const GUILD_INSTALL = [ApplicationIntegrationType.GuildInstall] as const;
