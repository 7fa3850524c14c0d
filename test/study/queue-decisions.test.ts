import { describe, expect, it } from 'vitest';
import { admitQuestion, decideQuestion, MAX_PENDING_PER_MEMBER } from '../../src/study/queue-decisions.js';
import { isModerator, MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import { shownOutcome } from '../support/shown-refusal.js';
import type { GuildSettings, QueuedQuestion, StudySession } from '../../src/study/study-types.js';

const settings: GuildSettings = {
  guildId: 'g',
  moderatorRoleId: 'role-mod',
  modChannelId: 'mods',
  moderated: true,
  cooldownSeconds: 0,
  blockedTerms: ['Forbidden Word', ' '],
};
const session = { status: 'active' } as StudySession;
const question = (status: QueuedQuestion['status'], decidedBy: string | null = null) =>
  ({ status, decidedBy }) as QueuedQuestion;

describe('queue decisions', () => {
  it('queues a question as pending, or held while the session is paused', () => {
    expect(admitQuestion('What about Russia?', session, settings, 0)).toEqual({
      ok: true,
      value: { status: 'pending' },
    });
    expect(admitQuestion('What about Russia?', { ...session, status: 'paused' }, settings, 0)).toEqual({
      ok: true,
      value: { status: 'held' },
    });
  });

  it('rejects a question with a blocked term automatically, case-insensitively, with a reason', () => {
    const outcome = admitQuestion('is this a FORBIDDEN word?', session, settings, 0);
    expect(outcome).toMatchObject({ ok: true, value: { status: 'rejected', reason: expect.stringContaining('term') } });
  });

  it(`refuses a member’s question beyond ${MAX_PENDING_PER_MEMBER} waiting, one over 300 characters, and any after the end`, () => {
    expect(shownOutcome(admitQuestion('q', session, settings, MAX_PENDING_PER_MEMBER))).toMatchObject({
      ok: false,
      code: 'too-many-pending',
    });
    expect(shownOutcome(admitQuestion('x'.repeat(301), session, settings, 0))).toMatchObject({
      ok: false,
      code: 'question-too-long',
    });
    expect(shownOutcome(admitQuestion('q', { ...session, status: 'ended' }, settings, 0))).toMatchObject({
      ok: false,
      code: 'session-ended',
    });
  });

  it('admits a question of exactly 300 characters (counted as characters, not UTF-16 units) and refuses 301, saying the limit', () => {
    expect(admitQuestion('x'.repeat(300), session, settings, 0)).toEqual({ ok: true, value: { status: 'pending' } });
    // One letter, so that the question has words: the rest are emoji, two UTF-16 units each.
    expect(admitQuestion(`${'😀'.repeat(299)}x`, session, settings, 0)).toEqual({
      ok: true,
      value: { status: 'pending' },
    });
    expect(shownOutcome(admitQuestion('x'.repeat(301), session, settings, 0))).toMatchObject({
      ok: false,
      code: 'question-too-long',
      message: 'That question is 301 characters long; the limit is 300. Please shorten it.',
    });
  });

  it('tells the member why a question is refused: the session ended, or how many they already have waiting', () => {
    expect(shownOutcome(admitQuestion('q', { ...session, status: 'ended' }, settings, 0))).toMatchObject({
      message: 'This session has ended.',
    });
    expect(shownOutcome(admitQuestion('q', session, settings, MAX_PENDING_PER_MEMBER))).toMatchObject({
      message: `You already have ${MAX_PENDING_PER_MEMBER} questions waiting for the moderators; please wait for them to be answered.`,
    });
  });

  it('matches a blocked term stored with spaces around it', () => {
    const spaced = { ...settings, blockedTerms: ['  leak  '] };
    expect(admitQuestion('who would leak this?', session, spaced, 0)).toMatchObject({
      ok: true,
      value: { status: 'rejected' },
    });
  });

  it('decides a pending or held question once; a second decision is told who decided', () => {
    expect(decideQuestion(question('pending'), 'approved')).toEqual({ ok: true, value: { status: 'approved' } });
    expect(decideQuestion(question('held'), 'rejected')).toEqual({ ok: true, value: { status: 'rejected' } });
    expect(shownOutcome(decideQuestion(question('answered', '42'), 'rejected'))).toMatchObject({
      ok: false,
      code: 'already-decided',
      message: 'This question was already approved by <@42>.',
    });
    expect(shownOutcome(decideQuestion(question('rejected', '42'), 'approved'))).toMatchObject({
      ok: false,
      message: 'This question was already rejected by <@42>.',
    });
    expect(shownOutcome(decideQuestion(question('rejected'), 'approved'))).toMatchObject({
      ok: false,
      message: 'This question was already rejected.',
    });
  });
});

describe('the moderator rule', () => {
  it('accepts the configured role, Manage Threads, Manage Server or Administrator, and no one else', () => {
    const member = (permissions: bigint, roleIds: string[] = []) => ({ permissions, roleIds });
    expect(isModerator(member(0n, ['role-mod']), 'role-mod')).toBe(true);
    expect(isModerator(member(MODERATOR_PERMISSIONS.manageThreads), null)).toBe(true);
    expect(isModerator(member(MODERATOR_PERMISSIONS.manageGuild), null)).toBe(true);
    expect(isModerator(member(MODERATOR_PERMISSIONS.administrator), null)).toBe(true);
    expect(isModerator(member((1n << 11n) | (1n << 10n), ['other']), 'role-mod')).toBe(false);
    expect(isModerator(member(0n, ['role-mod']), null)).toBe(false);
  });
});
