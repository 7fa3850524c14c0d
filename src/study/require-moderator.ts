import { isModerator } from './is-moderator.js';
import type { AuditAction, GuildSettings } from './study-types.js';
import type { StudyRepository } from './study-repository.js';
import { UserFacingError } from '../refusal/user-facing-error.js';

/** Who is acting, as Discord reports them on the interaction. */
export interface StudyActor {
  readonly id: string;
  readonly name: string;
  readonly guildId: string;
  /** The member's permissions in the channel. */
  readonly permissions: bigint;
  readonly roleIds: readonly string[];
}

/**
 * Refuses a non-moderator: the attempt leaves an audit line and nothing else. A moderator's display name is remembered.
 *
 * @throws {UserFacingError} `not-moderator`
 */
export function requireModerator(
  repository: StudyRepository,
  settings: GuildSettings,
  actor: StudyActor,
  action: AuditAction | 'export',
  now: number,
  sessionId: number | null = null,
): void {
  // Permissions are the member's in their own server: they say nothing about another server's sessions or questions.
  const sameGuild = actor.guildId === settings.guildId;
  if (sameGuild && isModerator(actor, settings.moderatorRoleId)) {
    // As they are called now: the transcript lists the session's moderators by the names they acted under.
    repository.rememberName(actor.guildId, actor.id, actor.name, now);
    return;
  }
  repository.audit({
    guildId: actor.guildId,
    sessionId: sameGuild ? sessionId : null,
    actorId: actor.id,
    action: 'refused',
    detail: `${action}: not a moderator${sameGuild ? '' : ' of that server'}`,
    at: now,
  });
  throw new UserFacingError({ code: 'not-moderator' });
}
