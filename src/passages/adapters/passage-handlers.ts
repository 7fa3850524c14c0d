import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { DISCORD_LIMITS } from '../../discord/discord-limits.js';
import { DEFAULT_PASSAGES } from '../../search/result-count.js';
import { validateQuestion } from '../../search/validate-question.js';
import { findSection } from '../../speech/find-section.js';
import type { Speech } from '../../speech/speech.js';
import type { BotContext } from '../../discord/adapters/bot-context.js';
import { toReplyPayload, viewSize } from '../../discord/adapters/discord-message.js';
import { answerInTime, answerTimingOf } from '../../discord/adapters/answer-in-time.js';
import { installedInServer } from '../../discord/adapters/installed-in-server.js';
import { focusedOption } from '../../discord/adapters/command-definition.js';
import {
  registerCommand,
  type CommandResult,
  type RegisteredCommand,
} from '../../discord/adapters/registered-command.js';
import { aboutCommand, askCommand, quoteCommand, sectionCommand } from './reference-commands.js';

/**
 * Another feature's say over a public `/ask` (a study session's): `divert` may take the question before it is answered
 * (a moderated session queues it), returning the result, or undefined to let `/ask` answer as usual; `answered` hears
 * of a public answer once it is sent (an unmoderated session keeps it), and its failure never fails the answer.
 */
export interface PublicAskHooks {
  readonly divert: (
    interaction: ChatInputCommandInteraction,
    question: string,
    context: BotContext,
  ) => Promise<CommandResult | undefined>;
  readonly answered: (interaction: ChatInputCommandInteraction, question: string, context: BotContext) => Promise<void>;
}

/**
 * Every autocompleted option of the reading and study commands: an integer one names a paragraph (`/quote paragraph:`,
 * `/study goto paragraph:`), a string one a section (`/ask section:`, `/section name:`, `/study start section:`).
 */
export const referenceAutocomplete: NonNullable<RegisteredCommand['autocomplete']> = async (interaction, context) => {
  const focused = focusedOption(interaction);
  const choices =
    focused.type === ApplicationCommandOptionType.Integer
      ? context.commands.paragraphChoices(focused.text)
      : context.commands.sectionChoices(focused.text);
  await interaction.respond(choices);
  return choices.length;
};

/** `/ask`, `/section`, `/quote` and `/about` with their handlers; `publicAsk` may take a public question first. */
export function passageHandlers(speech: Speech, publicAsk?: PublicAskHooks): RegisteredCommand[] {
  return [
    registerCommand(
      askCommand,
      async (interaction, args, context) => {
        // Cheap checks first, so that a refusal is private even when the answer would be public.
        validateQuestion(args.question);
        if (args.section !== undefined) findSection(speech.sections, args.section);
        const isPrivate = args.private ?? false;
        // Study sessions live only where the server installed the app; a member's own install there reads only.
        const studyHooks = installedInServer(interaction) ? publicAsk : undefined;
        const diverted = isPrivate ? undefined : await studyHooks?.divert(interaction, args.question, context);
        if (diverted) return diverted;
        const turn = context.askCooldown.take(interaction.user.id, context.now());
        if (!turn.ok) return { refusal: { code: 'cooldown', remainingMs: turn.remainingMs } };
        // The search starts now; its answer is the first response when ready within the budget, else it is deferred.
        const work = context.commands.ask({
          question: args.question,
          results: args.results ?? DEFAULT_PASSAGES,
          section: args.section,
          private: isPrivate,
          user: interaction.user.id,
          log: context.feedback,
        });
        const { path, view } = await answerInTime(interaction, work, answerTimingOf(context, isPrivate));
        if (!isPrivate && studyHooks) {
          await studyHooks.answered(interaction, args.question, context).catch((error: unknown) => {
            context.logger.warn({ err: error }, 'could not keep a public answer for its study session');
          });
        }
        return { outcome: 'answered', size: viewSize(view), path };
      },
      referenceAutocomplete,
    ),
    registerCommand(
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
      referenceAutocomplete,
    ),
    registerCommand(
      quoteCommand(speech.paragraphs.length),
      async (interaction, args, context) => {
        const [first, ...rest] = context.commands.quote({ from: args.paragraph, to: args.to });
        // findParagraphs refuses an empty range, so a quote always has its first message.
        if (!first) throw new Error('a quote rendered no message');
        // A user-installed app may send only five follow-ups to one interaction; five paragraphs never need more.
        if (rest.length > DISCORD_LIMITS.followUps) throw new Error(`a quote needs ${rest.length} follow-ups`);
        await interaction.reply(toReplyPayload(first, false));
        for (const view of rest) await interaction.followUp(toReplyPayload(view, false));
        return { outcome: 'answered', size: [first, ...rest].reduce((sum, view) => sum + viewSize(view), 0) };
      },
      referenceAutocomplete,
    ),
    registerCommand(aboutCommand, async (interaction, _args, context) => {
      const view = context.commands.about();
      await interaction.reply(toReplyPayload(view, false));
      return { outcome: 'answered', size: viewSize(view) };
    }),
  ];
}
