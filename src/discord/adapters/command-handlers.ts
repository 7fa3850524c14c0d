import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { DEFAULT_PASSAGES } from '../../search/result-count.js';
import { validateQuestion } from '../../search/validate-question.js';
import { findSection } from '../../speech/find-section.js';
import type { Speech } from '../../speech/speech.js';
import { UserFacingError } from '../../refusal/user-facing-error.js';
import type { BotContext, HandlerOutcome } from './bot-context.js';
import { NO_MENTIONS, toEditPayload, toReplyPayload, viewSize } from './discord-message.js';
import { studyActorOf } from '../../study/adapters/discord/study-actor-of.js';
import { studyCommand } from '../../study/adapters/discord/study-command.js';
import { runStudyCommand } from '../../study/adapters/discord/study-handler.js';
import { focusedText, readArguments, type CommandArguments, type CommandDefinition } from './command-definition.js';
import { aboutCommand, askCommand, quoteCommand, sectionCommand } from '../../passages/adapters/reference-commands.js';

/** A command with its handler, its arguments already typed by its definition. */
export interface RegisteredCommand {
  readonly definition: CommandDefinition;
  run(interaction: ChatInputCommandInteraction, context: BotContext): Promise<HandlerOutcome>;
  /** Answers with choices; returns how many. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<number>;
}

function command<C extends CommandDefinition>(
  definition: C,
  execute: (
    interaction: ChatInputCommandInteraction,
    args: CommandArguments<C>,
    context: BotContext,
  ) => Promise<HandlerOutcome>,
  autocomplete?: RegisteredCommand['autocomplete'],
): RegisteredCommand {
  return {
    definition,
    run: (interaction, context) => execute(interaction, readArguments(interaction, definition), context),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

// Every autocompleted option of the reference commands names a section.
const sectionAutocomplete: RegisteredCommand['autocomplete'] = async (interaction, context) => {
  const choices = context.commands.sectionChoices(focusedText(interaction));
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
        const isPrivate = args.private ?? false;
        const queued = isPrivate ? undefined : await queueInModeratedSession(interaction, args.question, context);
        if (queued) return queued;
        const turn = context.askCooldown.take(interaction.user.id, context.now());
        if (!turn.ok)
          throw new UserFacingError('cooldown', `You can ask again in ${Math.ceil(turn.remainingMs / 1000)} s.`);
        await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
        const view = await context.commands.ask({
          question: args.question,
          results: args.results ?? DEFAULT_PASSAGES,
          section: args.section,
          private: isPrivate,
          user: interaction.user.id,
        });
        await interaction.editReply(toEditPayload(view));
        return { outcome: 'answered', size: viewSize(view) };
      },
      sectionAutocomplete,
    ),
    command(
      sectionCommand,
      async (interaction, args, context) => {
        const { view, private: isPrivate } = context.commands.section({
          name: args.name,
          user: interaction.user.id,
          private: args.private ?? false,
        });
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
    withSubcommands(studyCommand(speech.paragraphs.length), runStudyCommand, sectionAutocomplete),
  ];
}

function withSubcommands<C extends CommandDefinition>(
  definition: C,
  run: (interaction: ChatInputCommandInteraction, definition: C, context: BotContext) => Promise<HandlerOutcome>,
  autocomplete?: RegisteredCommand['autocomplete'],
): RegisteredCommand {
  return {
    definition,
    run: (interaction, context) => run(interaction, definition, context),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

/**
 * In the thread of a moderated session, a public /ask goes to the moderators' queue instead of being answered; the
 * member is told privately, with their place in the queue. Undefined when the question is answered as usual.
 */
async function queueInModeratedSession(
  interaction: ChatInputCommandInteraction,
  question: string,
  context: BotContext,
): Promise<HandlerOutcome | undefined> {
  if (!interaction.inGuild()) return undefined;
  // Sessions are keyed by their thread, so a live session here means this channel is its thread.
  const session = context.sessions.liveSession(interaction.channelId);
  const settings = session && context.sessions.settings(session.guildId);
  if (!session?.moderated || !settings?.modChannelId) return undefined;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const actor = studyActorOf(interaction);
  const reply = await context.queue.ask(session, settings, { id: actor.id, name: actor.name }, question);
  await interaction.editReply({ content: reply, allowedMentions: NO_MENTIONS });
  return { outcome: 'answered', size: reply.length };
}
