import { MessageFlags, type ButtonInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { classifyFailure } from '../../refusal/classify-failure.js';
import type { Refusal } from '../../refusal/refusal.js';
import { renderRefusal } from '../../refusal/render-refusal.js';
import type { BotContext } from './bot-context.js';
import { pressRatingButton } from '../../feedback/adapters/rating-button.js';
import { decodeButtonState, type ButtonState } from '../custom-ids.js';
import {
  pressExportButton,
  pressQuestionButton,
  submitRejection,
} from '../../study/adapters/discord/question-buttons.js';
import {
  isMessageCommand,
  type AnyRegisteredCommand,
  type CommandResult,
  type RegisteredCommand,
  type RegisteredMessageCommand,
} from './registered-command.js';
import { NO_MENTIONS, toEditPayload, toReplyPayload, viewSize } from './discord-message.js';

const SOMETHING_WENT_WRONG = 'Something went wrong while answering. Please try again in a moment.';

/**
 * The one entry point for interactions: routes commands, autocomplete and buttons (decoding a button's custom_id once),
 * and is the one place that catches and the one place that turns a refusal into words. A refusal, thrown or returned,
 * is answered privately; any other error is logged with the interaction id and answered privately with a short
 * apology, by reply or follow-up, whichever is still possible. Never throws.
 */
export function createInteractionHandler(
  registry: readonly AnyRegisteredCommand[],
  context: BotContext,
): (interaction: Interaction) => Promise<void> {
  // Slash and message commands have names of their own: "Check quote" could never clash with /ask, but keep them apart.
  const byName = new Map<string, RegisteredCommand>();
  const messageCommands = new Map<string, RegisteredMessageCommand>();
  for (const entry of registry) {
    if (isMessageCommand(entry)) messageCommands.set(entry.definition.name, entry);
    else byName.set(entry.definition.name, entry);
  }
  return async (interaction) => {
    const started = context.now();
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isButton()
          ? 'button'
          : interaction.isModalSubmit()
            ? 'modal'
            : `type-${interaction.type}`;
    const log = context.logger.child({ interaction: interaction.id, command: name, user: interaction.user.id });
    // Refusals, returned or thrown, and faults all end here: answered privately, in words or with an apology.
    const answerFailure = async (refusal: Refusal | null, error?: unknown): Promise<void> => {
      const latencyMs = context.now() - started;
      if (refusal) log.info({ latencyMs, outcome: 'refused', code: refusal.code }, 'interaction refused');
      else log.error({ err: error, latencyMs, outcome: 'failed' }, 'interaction failed');
      const message = refusal ? refusalText(refusal) : SOMETHING_WENT_WRONG;
      if (interaction.isRepliable()) await answerPrivately(interaction, message, log);
      // An autocomplete cannot be told why; an empty list at least stops the member's client from waiting for one.
      else if (interaction.isAutocomplete() && !interaction.responded)
        await interaction
          .respond([])
          .catch((respondError: unknown) => log.warn({ err: respondError }, 'could not answer the autocomplete'));
    };
    try {
      let result: CommandResult | undefined;
      if (interaction.isAutocomplete()) {
        const choices = (await byName.get(interaction.commandName)?.autocomplete?.(interaction, context)) ?? 0;
        log.info({ latencyMs: context.now() - started, size: choices, outcome: 'answered' }, 'autocomplete answered');
        return;
      }
      if (interaction.isChatInputCommand()) {
        const entry = byName.get(interaction.commandName);
        if (entry) log.debug({ options: interaction.options.data }, 'command received');
        result = entry ? await entry.run(interaction, context) : { refusal: { code: 'unknown-command' } };
      } else if (interaction.isMessageContextMenuCommand()) {
        const entry = messageCommands.get(interaction.commandName);
        result = entry ? await entry.run(interaction, context) : { refusal: { code: 'unknown-command' } };
      } else if (interaction.isButton()) {
        const state = decodeButtonState(interaction.customId);
        result =
          state?.kind === 'question'
            ? await pressQuestionButton(interaction, state, context)
            : state?.kind === 'session'
              ? await pressExportButton(interaction, state, context)
              : state?.kind === 'rating'
                ? await pressRatingButton(interaction, state, context)
                : await pressButton(interaction, state, context);
      } else if (interaction.isModalSubmit()) {
        result = await submitRejection(interaction, context);
      }
      if (result && 'refusal' in result) await answerFailure(result.refusal);
      else if (result)
        log.info(
          { latencyMs: context.now() - started, size: result.size, outcome: result.outcome, path: result.path },
          'interaction handled',
        );
    } catch (error) {
      const failure = classifyFailure(error);
      await answerFailure(failure.kind === 'refusal' ? failure.refusal : null, error);
    }
  };
}

/** What the member typed is escaped, so a refusal shows it as typed and it can neither format nor mention. */
const refusalText = (refusal: Refusal): string => renderRefusal(refusal, escapeMarkdown);

async function pressButton(
  interaction: ButtonInteraction,
  state: ButtonState | undefined,
  context: BotContext,
): Promise<CommandResult> {
  const outcome = context.commands.press(state, interaction.user.id);
  if (outcome.action === 'refuse') return { refusal: outcome.refusal };
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
