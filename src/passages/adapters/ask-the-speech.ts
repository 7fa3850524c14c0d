import { ApplicationCommandType } from 'discord.js';
import { ANY_CONTEXT, defineMessageCommand, GUILD_OR_USER_INSTALL } from '../../discord/adapters/command-definition.js';
import { viewSize } from '../../discord/adapters/discord-message.js';
import { answerInTime, answerTimingOf } from '../../discord/adapters/answer-in-time.js';
import { registerMessageCommand, type RegisteredMessageCommand } from '../../discord/adapters/registered-command.js';
import { DEFAULT_PASSAGES } from '../../search/result-count.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../../search/validate-question.js';
import { UserFacingError } from '../../refusal/user-facing-error.js';

/** *Apps → Ask the speech* on any message: where `/ask` is, in servers and DMs. */
export const askTheSpeechCommand = defineMessageCommand({
  type: ApplicationCommandType.Message,
  name: 'Ask the speech',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
});

/**
 * Reads a message's text as a question. A message is not a question box: its text may be empty (an image, an embed)
 * or long, so both are told rather than cut.
 *
 * @throws {UserFacingError} `message-without-text` or `message-too-long`.
 */
export function questionOfMessage(content: string): string {
  const text = content.trim();
  if (text === '') throw new UserFacingError({ code: 'message-without-text' });
  const length = [...text].length;
  if (length > MAX_QUESTION_LENGTH)
    throw new UserFacingError({ code: 'message-too-long', length, max: MAX_QUESTION_LENGTH });
  return validateQuestion(text);
}

/** Answers a message's text as `/ask` would, privately: the member chose the message, not the channel. */
export function askTheSpeechHandler(): RegisteredMessageCommand {
  return registerMessageCommand(askTheSpeechCommand, async (interaction, context) => {
    const question = questionOfMessage(interaction.targetMessage.content);
    const turn = context.askCooldown.take(interaction.user.id, context.now());
    if (!turn.ok) return { refusal: { code: 'cooldown', remainingMs: turn.remainingMs } };
    const work = context.commands.ask({
      question,
      results: DEFAULT_PASSAGES,
      private: true,
      user: interaction.user.id,
      log: context.feedback,
    });
    const { path, view } = await answerInTime(interaction, work, answerTimingOf(context, true));
    return { outcome: 'answered', size: viewSize(view), path };
  });
}
