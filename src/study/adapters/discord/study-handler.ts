import { ChannelType, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../../refusal/user-facing-error.js';
import type { SettingsChanges } from '../../study-sessions.js';
import type { BotContext, HandlerOutcome } from '../../../discord/adapters/bot-context.js';
import { NO_MENTIONS, toEditPayload, viewSize } from '../../../discord/adapters/discord-message.js';
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
    // Drawing the picture takes longer than Discord waits for a first answer; the deferral already says who sees it.
    const session = sessions.sessionIn(threadId);
    const canPost = chosen.args.public === true && sessions.isModeratorOf(actor, session.guildId);
    await interaction.deferReply(canPost ? {} : { flags: MessageFlags.Ephemeral });
    const { view } = await sessions.map(actor, threadId, chosen.args.public === true);
    await interaction.editReply(toEditPayload(view));
    return { outcome: 'answered', size: viewSize(view) };
  }
  if (chosen.name === 'export') {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const view = await sessions.export(actor, threadId);
    await interaction.editReply(toEditPayload(view));
    return { outcome: 'answered', size: viewSize(view) };
  }
  // Starting a thread, posting and archiving are several REST calls: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let reply: string;
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
      reply = await sessions.configure(actor, changes, args.clear === undefined ? [] : [args.clear]);
      break;
    }
    case 'start':
      if (interaction.channel && interaction.channel.type !== ChannelType.GuildText)
        throw new UserFacingError({ code: 'not-text-channel' });
      reply = await sessions.start(actor, {
        channelId: interaction.channelId,
        section: chosen.args.section,
        from: chosen.args.from,
        title: chosen.args.title,
        prompt: chosen.args.prompt,
      });
      break;
    case 'next':
    case 'previous':
      reply = await sessions.move(actor, threadId, chosen.name, chosen.args.prompt);
      break;
    case 'goto':
      reply = await sessions.move(actor, threadId, chosen.args.paragraph, chosen.args.prompt);
      break;
    case 'pause':
      reply = await sessions.pause(actor, threadId);
      break;
    case 'resume':
      reply = await sessions.resume(actor, threadId);
      break;
    case 'end':
      reply = await sessions.end(actor, threadId);
      break;
    case 'status':
      reply = sessions.status(threadId);
      break;
  }
  await interaction.editReply({ content: reply, allowedMentions: NO_MENTIONS });
  return { outcome: 'answered', size: reply.length };
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
