import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { validateQuestion } from '../../core/retrieval/validate-question.js';
import { findSection } from '../../core/speech/find-section.js';
import type { Speech } from '../../core/speech/speech.js';
import { UserFacingError } from '../../core/user-facing-error.js';
import type { BotContext, HandlerOutcome } from '../bot-context.js';
import { toEditPayload, toReplyPayload, viewSize } from '../discord-message.js';
import { readArguments, type CommandArguments, type CommandDefinition } from './command-definition.js';
import { aboutCommand, askCommand, quoteCommand, sectionCommand } from './reference-commands.js';

/** A command with its handler, its arguments already typed by its definition. */
export interface RegisteredCommand {
  readonly definition: CommandDefinition;
  run(interaction: ChatInputCommandInteraction, context: BotContext): Promise<HandlerOutcome>;
  /** Answers with choices; returns how many. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<number>;
}

function command<C extends CommandDefinition>(
  definition: C,
  execute: (interaction: ChatInputCommandInteraction, args: CommandArguments<C>, context: BotContext) => Promise<HandlerOutcome>,
  autocomplete?: RegisteredCommand['autocomplete'],
): RegisteredCommand {
  return { definition, run: (interaction, context) => execute(interaction, readArguments(interaction, definition), context), ...(autocomplete ? { autocomplete } : {}) };
}

// Every autocompleted option of the reference commands names a section.
const sectionAutocomplete: RegisteredCommand['autocomplete'] = async (interaction, context) => {
  const choices = context.commands.sectionChoices(String(interaction.options.getFocused()));
  await interaction.respond(choices);
  return choices.length;
};

/**
 * Every command the bot has, in one explicit list: the deploy script registers these definitions and the bot routes
 * to these handlers.
 */
export function createCommandRegistry(speech: Speech): RegisteredCommand[] {
  return [
    command(
      askCommand,
      async (interaction, args, context) => {
        // Cheap checks first, so that a refusal is private even when the answer would be public.
        validateQuestion(args.question);
        if (args.section !== undefined) findSection(speech.sections, args.section);
        const turn = context.askCooldown.take(interaction.user.id, context.now());
        if (!turn.ok) throw new UserFacingError('cooldown', `You can ask again in ${Math.ceil(turn.remainingMs / 1000)} s.`);
        const isPrivate = args.private ?? false;
        await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
        const view = await context.commands.ask({ question: args.question, results: args.results ?? 3, section: args.section, private: isPrivate, user: interaction.user.id });
        await interaction.editReply(toEditPayload(view));
        return { outcome: 'answered', size: viewSize(view) };
      },
      sectionAutocomplete,
    ),
    command(
      sectionCommand,
      async (interaction, args, context) => {
        const { view, private: isPrivate } = context.commands.section({ name: args.name, user: interaction.user.id, private: args.private ?? false });
        await interaction.reply(toReplyPayload(view, isPrivate));
        return { outcome: view.embeds.length > 0 ? 'answered' : 'refused', size: viewSize(view) };
      },
      sectionAutocomplete,
    ),
    command(quoteCommand(speech.paragraphs.length), async (interaction, args, context) => {
      const [first, ...rest] = context.commands.quote({ from: args.paragraph, to: args.to });
      if (!first) throw new UserFacingError('paragraph-out-of-range', 'Nothing to quote.');
      await interaction.reply(toReplyPayload(first, false));
      for (const view of rest) await interaction.followUp(toReplyPayload(view, false));
      return { outcome: 'answered', size: [first, ...rest].reduce((sum, view) => sum + viewSize(view), 0) };
    }),
    command(aboutCommand, async (interaction, _args, context) => {
      const view = context.commands.about();
      await interaction.reply(toReplyPayload(view, false));
      return { outcome: 'answered', size: viewSize(view) };
    }),
  ];
}
