import { ApplicationCommandType, MessageFlags } from 'discord.js';
import { ANY_CONTEXT, defineMessageCommand, GUILD_OR_USER_INSTALL } from '../../discord/adapters/command-definition.js';
import { NO_MENTIONS } from '../../discord/adapters/discord-message.js';
import { registerMessageCommand, type RegisteredMessageCommand } from '../../discord/adapters/registered-command.js';
import { UserFacingError } from '../../refusal/user-facing-error.js';
import type { Speech } from '../../speech/speech.js';
import { QuoteChecker } from '../check-quotes.js';
import { renderQuoteCheck } from '../views/render-quote-check.js';

/** *Apps → Check quote* on any message: registered where `/ask` is, so it is there in servers and DMs alike. */
export const checkQuoteCommand = defineMessageCommand({
  type: ApplicationCommandType.Message,
  name: 'Check quote',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
});

/**
 * Checks every passage a message quotes against the speech and reports privately: the member asked, not the channel.
 * The check takes milliseconds, so it is the first response itself.
 */
export function checkQuoteHandler(speech: Speech): RegisteredMessageCommand {
  const checker = new QuoteChecker(speech);
  return registerMessageCommand(checkQuoteCommand, async (interaction) => {
    const report = checker.check(interaction.targetMessage.content);
    if (report.kind === 'no-text') throw new UserFacingError({ code: 'message-without-text' });
    const content = renderQuoteCheck(report, speech);
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return { outcome: 'answered', size: content.length };
  });
}
