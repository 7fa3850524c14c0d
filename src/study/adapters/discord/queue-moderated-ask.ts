import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../../../discord/adapters/bot-context.js';
import { viewSize } from '../../../discord/adapters/discord-message.js';
import { answerInTime, answerTimingOf } from '../../../discord/adapters/answer-in-time.js';
import type { HandlerOutcome } from '../../../discord/adapters/bot-context.js';
import { studyActorOf } from './study-actor-of.js';

/**
 * In the thread of a moderated session, a public /ask goes to the moderators' queue instead of being answered; the
 * member is told privately, with their place in the queue. Undefined when the question is answered as usual.
 */
export async function queueModeratedAsk(
  interaction: ChatInputCommandInteraction,
  question: string,
  context: BotContext,
): Promise<HandlerOutcome | undefined> {
  if (!interaction.inGuild()) return undefined;
  // Sessions are keyed by their thread, so a live session here means this channel is its thread.
  const session = context.sessions.liveSession(interaction.channelId);
  const settings = session && context.sessions.settings(session.guildId);
  if (!session?.moderated || !settings?.modChannelId) return undefined;
  const actor = studyActorOf(interaction);
  // Queueing posts the question for the moderators first; the member's reply waits for it only within the budget.
  const work = context.queue.ask(session, settings, { id: actor.id, name: actor.name }, question);
  const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
  return { outcome: 'answered', size: viewSize(view), path };
}

/**
 * A public /ask answered at once in the thread of a live session (unmoderated, or moderated with no moderators'
 * channel left) is kept, so it lands on the session's map and in its transcript.
 */
export async function keepAnsweredAsk(
  interaction: ChatInputCommandInteraction,
  question: string,
  context: BotContext,
): Promise<void> {
  if (!interaction.inGuild()) return;
  if (!context.sessions.liveSession(interaction.channelId)) return;
  const actor = studyActorOf(interaction);
  await context.sessions.recordAnswered(interaction.channelId, { id: actor.id, name: actor.name }, question);
}
