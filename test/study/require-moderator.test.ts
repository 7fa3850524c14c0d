import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import { startSession } from '../../src/study/session-transitions.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { requireModerator, type StudyActor } from '../../src/study/require-moderator.js';
import { temporaryFolder } from '../support/test-index.js';

const SETTINGS: GuildSettings = {
  guildId: 'guild-1',
  moderatorRoleId: 'role-mod',
  modChannelId: null,
  moderated: true,
  cooldownSeconds: 0,
  blockedTerms: [],
};
const actor = (guildId: string, permissions: bigint, roleIds: string[] = []): StudyActor => ({
  id: 'user-9',
  name: 'Ann',
  guildId,
  permissions,
  roleIds,
});

describe('requireModerator, on a real SQLite store', () => {
  let repository: SqliteStudyRepository;
  let remove: () => Promise<void>;
  let sessionId: number;

  beforeEach(async () => {
    const where = await temporaryFolder('require-moderator');
    remove = where.remove;
    repository = SqliteStudyRepository.open(path.join(where.folder, 'study.sqlite'));
    const session = startSession({
      guildId: 'guild-1',
      channelId: 'chan-1',
      threadId: 'thread-1',
      title: 'Reading',
      sectionId: 'all',
      startedBy: 'mod-1',
      startedAt: 500,
      moderated: true,
      from: 3,
    });
    sessionId = repository.createSession(
      session,
      {
        guildId: 'guild-1',
        actorId: 'mod-1',
        action: 'start',
        detail: 'started',
        at: 500,
      },
      { paragraph: 3, prompt: 'What is the claim?', at: 500 },
    ).id;
  });

  afterEach(async () => {
    repository.close();
    await remove();
  });

  it('lets a moderator act and writes nothing', () => {
    requireModerator(repository, SETTINGS, actor('guild-1', 0n, ['role-mod']), 'approve', 1_000, sessionId);
    expect(repository.auditLog('guild-1').map((entry) => entry.action)).toEqual(['start']);
  });

  it('refuses a member with the rule in words, leaving one audit line that names the action', () => {
    const refusal = (() => {
      try {
        requireModerator(repository, SETTINGS, actor('guild-1', 0n), 'approve', 1_000, sessionId);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect(refusal instanceof UserFacingError && renderRefusal(refusal.refusal)).toBe(
      'Only moderators can do that (the moderator role, Manage Threads, Manage Server or Administrator).',
    );
    expect(refusal).toMatchObject({ code: 'not-moderator' });
    expect(repository.auditLog('guild-1', 1)).toMatchObject([
      {
        guildId: 'guild-1',
        sessionId,
        actorId: 'user-9',
        action: 'refused',
        detail: 'approve: not a moderator',
        at: 1_000,
      },
    ]);
  });

  it('refuses an administrator of another server, auditing it in their own server without this session', () => {
    expect(() =>
      requireModerator(
        repository,
        SETTINGS,
        actor('guild-2', MODERATOR_PERMISSIONS.administrator),
        'reject',
        2_000,
        sessionId,
      ),
    ).toThrow(UserFacingError);
    expect(repository.auditLog('guild-1').map((entry) => entry.action)).toEqual(['start']);
    expect(repository.auditLog('guild-2')).toMatchObject([
      { sessionId: null, action: 'refused', detail: 'reject: not a moderator of that server' },
    ]);
  });
});
