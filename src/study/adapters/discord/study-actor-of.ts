import type { Interaction } from 'discord.js';
import { UserFacingError } from '../../../refusal/user-facing-error.js';
import type { StudyActor } from '../../require-moderator.js';

/**
 * The acting member as the interaction reports them: permissions in the channel and role ids, whether discord.js
 * has the member cached (a GuildMember) or only the raw API member.
 *
 * @throws {UserFacingError} outside a server.
 */
export function studyActorOf(interaction: Interaction): StudyActor {
  if (!interaction.inGuild()) throw new UserFacingError({ code: 'not-in-server' });
  const member = interaction.member;
  const roles = member.roles;
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  const name =
    ('displayName' in member ? member.displayName : member.nick) ??
    interaction.user.globalName ??
    interaction.user.username;
  return {
    id: interaction.user.id,
    name,
    guildId: interaction.guildId,
    permissions: interaction.memberPermissions?.bitfield ?? 0n,
    roleIds,
  };
}
