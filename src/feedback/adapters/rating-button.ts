import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../../discord/adapters/bot-context.js';
import { NO_MENTIONS } from '../../discord/adapters/discord-message.js';
import type { CommandResult } from '../../discord/adapters/registered-command.js';
import type { ButtonState } from '../../discord/custom-ids.js';
import { renderRatingReply } from '../views/render-rating-reply.js';

/** 👍 or 👎 on an answer: recorded for the presser, acknowledged to them alone; the answer itself is left as it is. */
export async function pressRatingButton(
  interaction: ButtonInteraction,
  state: Extract<ButtonState, { kind: 'rating' }>,
  context: BotContext,
): Promise<CommandResult> {
  const decision = context.feedback.rate(state.answer, interaction.user.id, state.rating);
  if (decision.action === 'refuse') return { refusal: decision.refusal };
  const content = renderRatingReply(
    decision.rating,
    decision.action === 'save' ? decision.previous : undefined,
    decision.action === 'save',
  );
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  return { outcome: 'answered', size: content.length };
}
