import {
  ActionRowBuilder,
  ComponentType,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { decodeButtonState, encodeButtonState, type ButtonState } from '../../../discord/custom-ids.js';
import { UserFacingError } from '../../../refusal/user-facing-error.js';
import type { BotContext, HandlerOutcome } from '../../../discord/adapters/bot-context.js';
import { viewSize } from '../../../discord/adapters/discord-message.js';
import { answerInTime, answerTimingOf } from '../../../discord/adapters/answer-in-time.js';
import type { CommandResult } from '../../../discord/adapters/registered-command.js';
import { studyActorOf } from './study-actor-of.js';
import type { StudyActor } from '../../require-moderator.js';
import type { MessageView } from '../../../discord/message-view.js';
import { textView } from '../../views/render-study-replies.js';

const REASON_FIELD = 'reason';

/**
 * Approve or Reject on a queued question in the moderators' channel. The bot checks the moderator rule itself; a
 * Reject first asks for an optional reason in a modal. Question ids point into the store, so buttons on messages
 * posted before a restart keep working.
 */
export async function pressQuestionButton(
  interaction: ButtonInteraction,
  state: Extract<ButtonState, { kind: 'question' }>,
  context: BotContext,
): Promise<CommandResult> {
  const actor = studyActorOf(interaction);
  if (state.action === 'reject') {
    context.queue.checkDecidable(actor, state.question);
    const reason = new TextInputBuilder()
      .setCustomId(REASON_FIELD)
      .setLabel('Reason (shown to the author)')
      .setStyle(TextInputStyle.Paragraph)
      .setRequired(false)
      .setMaxLength(300);
    const modal = new ModalBuilder()
      .setCustomId(encodeButtonState({ kind: 'question', action: 'reject-reason', question: state.question }))
      .setTitle(`Reject question ${state.question}`)
      .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(reason));
    await interaction.showModal(modal);
    return { outcome: 'answered', size: 0 };
  }
  // The reason modal's id on a button: not one the bot made.
  if (state.action === 'reject-reason') return { refusal: { code: 'button-expired', what: 'button' } };
  // Each of these may post or edit in other channels (the thread, the moderators' copy): the reply waits for that
  // only within the budget.
  const work = pressedView(actor, state.action, state.question, context);
  const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
  return { outcome: 'answered', size: viewSize(view), path };
}

async function pressedView(
  actor: StudyActor,
  action: 'approve' | 'reopen' | 'me-too' | 'ask-anyway',
  id: number,
  context: BotContext,
): Promise<MessageView> {
  switch (action) {
    case 'approve':
      return textView(await context.queue.approve(actor, id));
    case 'reopen':
      return textView(await context.queue.reopen(actor, id));
    case 'me-too':
      return textView(await context.queue.meToo(actor, id));
    case 'ask-anyway':
      return context.queue.askAnyway(actor, id);
  }
}

/** The recap's Export transcript button (moderators): the transcript's files, privately. */
export async function pressExportButton(
  interaction: ButtonInteraction,
  state: Extract<ButtonState, { kind: 'session' }>,
  context: BotContext,
): Promise<HandlerOutcome> {
  const actor = studyActorOf(interaction);
  const work = context.sessions.exportById(actor, state.session);
  const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
  return { outcome: 'answered', size: viewSize(view), path };
}

/** The Reject modal's submission. */
export async function submitRejection(
  interaction: ModalSubmitInteraction,
  context: BotContext,
): Promise<HandlerOutcome> {
  const state = decodeButtonState(interaction.customId);
  // The bot's own form always carries the reason field (empty when left blank); a submission without it is not one.
  const field = interaction.fields.fields.get(REASON_FIELD);
  if (state?.kind !== 'question' || state.action !== 'reject-reason' || field?.type !== ComponentType.TextInput)
    throw new UserFacingError({ code: 'button-expired', what: 'form' });
  const actor = studyActorOf(interaction);
  const reason = field.value.trim();
  const work = context.queue.reject(actor, state.question, reason === '' ? null : reason).then(textView);
  const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
  return { outcome: 'answered', size: viewSize(view), path };
}
