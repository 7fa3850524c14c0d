import { MessageFlags, type ButtonInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { UserFacingError } from '../../refusal/user-facing-error.js';
import type { BotContext, HandlerOutcome } from './bot-context.js';
import { decodeButtonState } from '../custom-ids.js';
import { pressQuestionButton, submitRejection } from '../../study/adapters/discord/question-buttons.js';
import type { RegisteredCommand } from './command-handlers.js';
import { NO_MENTIONS, toEditPayload, toReplyPayload, viewSize } from './discord-message.js';

const SOMETHING_WENT_WRONG = 'Something went wrong while answering. Please try again in a moment.';

/**
 * The one entry point for interactions: routes commands, autocomplete and buttons, and is the one place that
 * catches. A user's mistake is answered privately with its message; any other error is logged with the interaction
 * id and answered privately with a short apology, by reply or follow-up, whichever is still possible. Never throws.
 */
export function createInteractionHandler(
  registry: readonly RegisteredCommand[],
  context: BotContext,
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(registry.map((entry) => [entry.definition.name, entry]));
  return async (interaction) => {
    const started = context.now();
    const name =
      interaction.isChatInputCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? 'button'
          : interaction.isModalSubmit()
            ? 'modal'
            : `type-${interaction.type}`;
    const log = context.logger.child({ interaction: interaction.id, command: name, user: interaction.user.id });
    try {
      let result: HandlerOutcome | undefined;
      if (interaction.isAutocomplete()) {
        const choices = (await byName.get(interaction.commandName)?.autocomplete?.(interaction, context)) ?? 0;
        log.info({ latencyMs: context.now() - started, size: choices, outcome: 'answered' }, 'autocomplete answered');
        return;
      }
      if (interaction.isChatInputCommand()) {
        const entry = byName.get(interaction.commandName);
        if (!entry) throw new UserFacingError('unknown-command', 'This command is not available any more.');
        log.debug({ options: interaction.options.data }, 'command received');
        result = await entry.run(interaction, context);
      } else if (interaction.isButton()) {
        const state = decodeButtonState(interaction.customId);
        result =
          state?.kind === 'question'
            ? await pressQuestionButton(interaction, state, context)
            : await pressButton(interaction, context);
      } else if (interaction.isModalSubmit()) {
        result = await submitRejection(interaction, context);
      }
      if (result)
        log.info(
          { latencyMs: context.now() - started, size: result.size, outcome: result.outcome },
          'interaction handled',
        );
    } catch (error) {
      const expected = error instanceof UserFacingError;
      if (expected)
        log.info({ latencyMs: context.now() - started, outcome: 'refused', code: error.code }, 'interaction refused');
      else log.error({ err: error, latencyMs: context.now() - started, outcome: 'failed' }, 'interaction failed');
      // A refusal that quotes what the user typed is escaped, so it shows as typed and cannot format or mention.
      const message = expected
        ? error.quotesUserInput
          ? escapeMarkdown(error.message)
          : error.message
        : SOMETHING_WENT_WRONG;
      if (interaction.isRepliable()) await answerPrivately(interaction, message, log);
      // An autocomplete cannot be told why; an empty list at least stops the member's client from waiting for one.
      else if (interaction.isAutocomplete() && !interaction.responded)
        await interaction
          .respond([])
          .catch((respondError: unknown) => log.warn({ err: respondError }, 'could not answer the autocomplete'));
    }
  };
}

async function pressButton(interaction: ButtonInteraction, context: BotContext): Promise<HandlerOutcome> {
  const outcome = context.commands.button(interaction.customId, interaction.user.id);
  if (outcome.action === 'refuse') throw new UserFacingError(outcome.code, outcome.message);
  if (outcome.action === 'update') {
    await interaction.update(toEditPayload(outcome.view));
    return { outcome: 'updated', size: viewSize(outcome.view) };
  }
  await interaction.reply(toReplyPayload(outcome.view, outcome.private));
  return { outcome: 'answered', size: viewSize(outcome.view) };
}

async function answerPrivately(
  interaction: RepliableInteraction,
  message: string,
  log: BotContext['logger'],
): Promise<void> {
  const payload = { content: message, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
  try {
    if (!interaction.replied && !interaction.deferred) {
      await interaction.reply(payload);
      return;
    }
    if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply({ content: message, embeds: [], components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    // A public "thinking…" placeholder must not stay behind; the apology goes to the asker alone.
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(payload);
  } catch (error) {
    log.warn({ err: error }, 'could not tell the user about the failure');
  }
}
