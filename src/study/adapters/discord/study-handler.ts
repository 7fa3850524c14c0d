import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../../refusal/user-facing-error.js';
import type { SettingsChanges } from '../../study-sessions.js';
import type { BotContext, HandlerOutcome } from '../../../discord/adapters/bot-context.js';
import { viewSize } from '../../../discord/adapters/discord-message.js';
import { answerInTime, answerTimingOf } from '../../../discord/adapters/answer-in-time.js';
import { textView } from '../../views/render-study-replies.js';
import { studyActorOf } from './study-actor-of.js';
import { installedInServer } from '../../../discord/adapters/installed-in-server.js';
import { readSubcommand } from '../../../discord/adapters/command-definition.js';
import type { studyCommand } from './study-command.js';

type StudyDefinition = ReturnType<typeof studyCommand>;

/** `/study …`: every answer is private to the one who asked; the session's own posts go to its thread. */
export async function runStudyCommand(
  interaction: ChatInputCommandInteraction,
  definition: StudyDefinition,
  context: BotContext,
): Promise<HandlerOutcome> {
  // Only a server's own install can run sessions: a member's install there has no threads or channels to post in.
  if (interaction.inGuild() && !installedInServer(interaction))
    throw new UserFacingError({ code: 'server-not-installed' });
  const actor = studyActorOf(interaction);
  const chosen = readSubcommand(interaction, definition);
  const { sessions } = context;
  const threadId = interaction.channelId;
  if (chosen.name === 'map') {
    // Drawing the picture may take longer than the budget; then the deferral already says who sees it.
    const session = sessions.sessionIn(threadId);
    const canPost = chosen.args.public === true && sessions.isModeratorOf(actor, session.guildId);
    const work = sessions.map(actor, threadId, chosen.args.public === true).then(({ view }) => view);
    const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, !canPost));
    return { outcome: 'answered', size: viewSize(view), path };
  }
  if (chosen.name === 'export') {
    const work = sessions.export(actor, threadId);
    const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
    return { outcome: 'answered', size: viewSize(view), path };
  }
  if (chosen.name === 'start' && interaction.channel && interaction.channel.type !== ChannelType.GuildText)
    throw new UserFacingError({ code: 'not-text-channel' });
  // Starting a thread, posting and archiving are several REST calls: the reply waits for them only within the budget.
  const work = studyReply(chosen, { actor, threadId, channelId: interaction.channelId, context }).then(textView);
  const { view, path } = await answerInTime(interaction, work, answerTimingOf(context, true));
  return { outcome: 'answered', size: viewSize(view), path };
}

type ChosenSubcommand = ReturnType<typeof readSubcommand<StudyDefinition>>;

/** What a posting subcommand does, and the private words that say it was done. */
async function studyReply(
  chosen: Exclude<ChosenSubcommand, { name: 'map' | 'export' }>,
  where: { actor: ReturnType<typeof studyActorOf>; threadId: string; channelId: string; context: BotContext },
): Promise<string> {
  const { actor, threadId, channelId } = where;
  const { sessions } = where.context;
  switch (chosen.name) {
    case 'config': {
      const { args } = chosen;
      const changes: SettingsChanges = {
        ...(args['moderator-role'] === undefined ? {} : { moderatorRoleId: args['moderator-role'] }),
        ...(args['mod-channel'] === undefined ? {} : { modChannelId: args['mod-channel'] }),
        ...(args.moderated === undefined ? {} : { moderated: args.moderated }),
        ...(args.cooldown === undefined ? {} : { cooldownSeconds: args.cooldown }),
        ...(args['blocked-terms'] === undefined ? {} : { blockedTerms: parseTerms(args['blocked-terms']) }),
      };
      return sessions.configure(actor, changes, args.clear === undefined ? [] : [args.clear]);
    }
    case 'start':
      return sessions.start(actor, {
        channelId,
        section: chosen.args.section,
        from: chosen.args.from,
        title: chosen.args.title,
        prompt: chosen.args.prompt,
      });
    case 'next':
    case 'previous':
      return sessions.move(actor, threadId, chosen.name, chosen.args.prompt);
    case 'goto':
      return sessions.move(actor, threadId, chosen.args.paragraph, chosen.args.prompt);
    case 'pause':
      return sessions.pause(actor, threadId);
    case 'resume':
      return sessions.resume(actor, threadId);
    case 'end':
      return sessions.end(actor, threadId);
    case 'status':
      return sessions.status(threadId);
  }
}

/** "a, b ,c" → ["a", "b", "c"]; "none" clears the list. */
function parseTerms(text: string): string[] {
  if (text.trim().toLowerCase() === 'none') return [];
  return [
    ...new Set(
      text
        .split(',')
        .map((term) => term.trim())
        .filter((term) => term !== ''),
    ),
  ].slice(0, 100);
}
