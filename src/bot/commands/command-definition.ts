import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type ChatInputCommandInteraction } from 'discord.js';

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
}
export interface IntegerOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Integer;
  readonly min_value?: number;
  readonly max_value?: number;
}
export interface BooleanOption extends OptionBase {
  readonly type: ApplicationCommandOptionType.Boolean;
}
export type OptionDefinition = StringOption | IntegerOption | BooleanOption;

/** A chat-input command as Discord's API receives it; declared once, used by deploy-commands and the bot. */
export interface CommandDefinition {
  readonly type: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  readonly contexts: readonly InteractionContextType[];
  /** Stated even though Discord defaults to guild install: discord.js compares it when deciding to re-register. */
  readonly integration_types: readonly ApplicationIntegrationType[];
}

type OptionValue<O extends OptionDefinition> = O extends StringOption ? string : O extends IntegerOption ? number : boolean;

/** The typed arguments of a command, derived from its definition: required options are never undefined. */
export type CommandArguments<C extends CommandDefinition> = {
  readonly [O in C['options'][number] as O['name']]: O extends { readonly required: true } ? OptionValue<O> : OptionValue<O> | undefined;
};

/** Declares a command, keeping its literal types so that handlers get typed arguments. */
export function defineCommand<const C extends CommandDefinition>(definition: C): C {
  return definition;
}

/** Reads an interaction's options as the definition declares them. */
export function readArguments<C extends CommandDefinition>(interaction: ChatInputCommandInteraction, definition: C): CommandArguments<C> {
  const values: Record<string, string | number | boolean | undefined> = {};
  for (const option of definition.options) {
    const required = option.required === true;
    switch (option.type) {
      case ApplicationCommandOptionType.String:
        values[option.name] = interaction.options.getString(option.name, required) ?? undefined;
        break;
      case ApplicationCommandOptionType.Integer:
        values[option.name] = interaction.options.getInteger(option.name, required) ?? undefined;
        break;
      case ApplicationCommandOptionType.Boolean:
        values[option.name] = interaction.options.getBoolean(option.name, required) ?? undefined;
        break;
    }
  }
  return values as CommandArguments<C>;
}

/** Where the reference commands work: servers (channels and threads) and DMs with the bot. Group DMs would need a user install. */
export const EVERYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM] as const;

/** The bot is installed to servers (not to users' accounts). */
export const GUILD_INSTALL = [ApplicationIntegrationType.GuildInstall] as const;
