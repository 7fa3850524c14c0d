import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { endSession, moveTo, pauseSession, startSession } from '../../../src/study/session-transitions.js';
import {
  SessionConflictError,
  type AuditInput,
  type NewQuestion,
  type StudyRepository,
} from '../../../src/study/study-repository.js';
import type { AuditAction, StudySession } from '../../../src/study/study-types.js';
import type { Outcome } from '../../../src/refusal/refusal.js';

const GUILD = 'guild-1';
const DEFAULTS = {
  moderatorRoleId: 'role-env',
  modChannelId: null,
  moderated: true,
  cooldownSeconds: 60,
  blockedTerms: [],
};

const audit = (action: AuditAction, sessionId: number | null, at = 1_000): AuditInput => ({
  guildId: GUILD,
  sessionId,
  actorId: 'mod-1',
  action,
  detail: action,
  at,
});
const newSession = (threadId = 'thread-1') =>
  startSession({
    guildId: GUILD,
    channelId: 'chan-1',
    threadId,
    title: 'Reading',
    sectionId: 'all',
    startedBy: 'mod-1',
    startedAt: 1_000,
    moderated: true,
    from: 3,
  });
const newQuestion = (sessionId: number, overrides: Partial<NewQuestion> = {}): NewQuestion => ({
  sessionId,
  guildId: GUILD,
  authorId: 'member-1',
  authorName: 'Member',
  text: 'Why?',
  status: 'pending',
  createdAt: 2_000,
  reason: null,
  matchKey: 'why',
  landedOn: null,
  ...overrides,
});
const FIRST_READING = { paragraph: 3, prompt: 'What is the claim?', at: 1_000 };
const value = <T>(outcome: Outcome<T>): T => {
  if (!outcome.ok) throw new Error(outcome.refusal.code);
  return outcome.value;
};

describe('SqliteStudyRepository', () => {
  let folder: string;
  let file: string;
  let repository: StudyRepository;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'storage-study-'));
    file = path.join(folder, 'study.sqlite');
    repository = SqliteStudyRepository.open(file);
  });
  afterEach(async () => {
    repository.close();
    await rm(folder, { recursive: true, force: true });
  });
  const start = (threadId?: string): StudySession =>
    repository.createSession(
      newSession(threadId),
      {
        guildId: GUILD,
        actorId: 'mod-1',
        action: 'start',
        detail: 'started',
        at: 1_000,
      },
      FIRST_READING,
    );

  it('returns the defaults for a guild without settings, and the saved settings once stored', () => {
    expect(repository.settings(GUILD, DEFAULTS)).toEqual({ ...DEFAULTS, guildId: GUILD });
    const saved = {
      guildId: GUILD,
      moderatorRoleId: 'role-2',
      modChannelId: 'mod-chan',
      moderated: false,
      cooldownSeconds: 15,
      blockedTerms: ['spoiler', 'Ärger "quoted"'],
    };
    repository.saveSettings(saved, audit('config', null));
    expect(repository.settings(GUILD, DEFAULTS)).toEqual(saved);
    expect(repository.settings('other-guild', DEFAULTS).guildId).toBe('other-guild');
    expect(repository.auditLog(GUILD).map((entry) => entry.action)).toEqual(['config']);
  });

  it('creates a session with its audit line, found by id and by thread', () => {
    const session = start();
    expect(session).toEqual({ ...newSession(), id: session.id });
    expect(repository.sessionById(session.id)).toEqual(session);
    expect(repository.sessionByThread('thread-1')).toEqual(session);
    expect(repository.sessionByThread('elsewhere')).toBeUndefined();
    expect(repository.auditLog(GUILD)).toEqual([
      {
        id: expect.any(Number),
        guildId: GUILD,
        sessionId: session.id,
        actorId: 'mod-1',
        action: 'start',
        detail: 'started',
        at: 1_000,
      },
    ]);
  });

  it('refuses a second live session in a thread, but allows one after the first ended', () => {
    const first = start();
    expect(() => start()).toThrow(SessionConflictError);
    expect(repository.auditLog(GUILD)).toHaveLength(1);
    repository.updateSession(value(endSession(first, 5_000)), audit('end', first.id));
    const second = start();
    expect(second.id).not.toBe(first.id);
    expect(repository.sessionByThread('thread-1')).toEqual(second);
    expect(() =>
      repository.updateSession({ ...first, status: 'active', endedAt: null }, audit('resume', first.id)),
    ).toThrow(SessionConflictError);
  });

  it('resumes a session and releases its held questions in one transaction', () => {
    const paused = value(pauseSession(start()));
    repository.updateSession(paused, audit('pause', paused.id));
    repository.addQuestion(newQuestion(paused.id, { status: 'held' }));
    const released = repository.resumeSession({ ...paused, status: 'active' }, audit('resume', paused.id));
    expect(released.map((question) => question.status)).toEqual(['pending']);
    expect(repository.sessionById(paused.id)?.status).toBe('active');
    expect(repository.waiting(paused.id).map((question) => question.status)).toEqual(['pending']);
    // A failing audit line rolls back the status and the release together.
    repository.updateSession(value(pauseSession({ ...paused, status: 'active' })), audit('pause', paused.id));
    repository.addQuestion(newQuestion(paused.id, { status: 'held', authorId: 'someone-else' }));
    expect(() =>
      repository.resumeSession(
        { ...paused, status: 'active' },
        { ...audit('resume', paused.id), action: 'not-an-action' as AuditAction },
      ),
    ).toThrow();
    expect(repository.sessionById(paused.id)?.status).toBe('paused');
    expect(repository.waiting(paused.id).map((question) => question.status)).toEqual(['pending', 'held']);
  });

  it('stores a session update: covered paragraphs, position, prompt cursor and status', () => {
    const session = start();
    const moved = value(pauseSession(value(moveTo(value(moveTo(session, 7, 20)), 5, 20))));
    repository.updateSession(moved, audit('advance', session.id));
    expect(repository.sessionById(session.id)).toEqual({
      ...session,
      covered: [3, 5, 7],
      currentParagraph: 5,
      promptCursor: 2,
      status: 'paused',
    });
  });

  it('adds questions, counts and lists the waiting ones oldest first, and releases the held ones', () => {
    const { id } = start();
    const first = repository.addQuestion(newQuestion(id, { status: 'held' }));
    const second = repository.addQuestion(newQuestion(id, { status: 'pending', createdAt: 2_001 }));
    repository.addQuestion(newQuestion(id, { status: 'rejected', reason: 'blocked term' }), audit('auto-reject', id));
    repository.addQuestion(newQuestion(id, { authorId: 'member-2', status: 'held' }));
    const { matchKey: _matchKey, ...stored } = newQuestion(id, { status: 'held' });
    expect(repository.question(first.id)).toEqual({
      ...stored,
      id: first.id,
      decidedBy: null,
      decidedAt: null,
      modChannelId: null,
      modMessageId: null,
      coAskers: [],
    });
    expect(repository.waitingFrom(id, 'member-1')).toBe(2);
    expect(repository.waitingFrom(id, 'nobody')).toBe(0);
    expect(repository.waiting(id).map((question) => question.id)).toEqual([first.id, second.id, first.id + 3]);
    // A question's place in the queue counts only waiting ones: the rejected third question takes no place.
    expect([first.id, second.id, first.id + 3].map((question) => repository.waitingUpTo(id, question))).toEqual([
      1, 2, 3,
    ]);
    expect(repository.waitingUpTo(id)).toBe(3);
    expect(repository.waitingUpTo(id + 1)).toBe(0);
    expect(repository.auditLog(GUILD).map((entry) => entry.action)).toEqual(['auto-reject', 'start']);

    const released = repository.releaseHeld(id);
    expect(released.map((question) => [question.id, question.status])).toEqual([
      [first.id, 'pending'],
      [first.id + 3, 'pending'],
    ]);
    expect(repository.question(first.id)?.status).toBe('pending');
    expect(repository.releaseHeld(id)).toEqual([]);
  });

  it("lists pending questions without a moderators' copy until one is posted", () => {
    const { id } = start();
    const posted = repository.addQuestion(newQuestion(id));
    const lost = repository.addQuestion(newQuestion(id));
    repository.addQuestion(newQuestion(id, { status: 'held' }));
    repository.setModMessage(posted.id, 'mod-chan', 'msg-1');
    expect(repository.unposted().map((question) => question.id)).toEqual([lost.id]);
    expect(repository.question(posted.id)).toMatchObject({ modChannelId: 'mod-chan', modMessageId: 'msg-1' });
  });

  it('lists approved questions as unanswered until they are marked answered', () => {
    const { id } = start();
    const question = repository.addQuestion(newQuestion(id));
    repository.decide(question.id, { status: 'approved', by: 'mod-1', at: 3_000, reason: null }, audit('approve', id));
    expect(repository.unanswered().map((unanswered) => unanswered.id)).toEqual([question.id]);
    repository.markAnswered(question.id);
    expect(repository.unanswered()).toEqual([]);
    expect(repository.question(question.id)?.status).toBe('answered');
  });

  it('decides a question once: the first call wins and alone writes the audit line', () => {
    const { id } = start();
    const question = repository.addQuestion(newQuestion(id, { status: 'held' }));
    expect(
      repository.decide(
        question.id,
        { status: 'rejected', by: 'mod-1', at: 3_000, reason: 'off topic' },
        audit('reject', id),
      ),
    ).toBe(true);
    expect(
      repository.decide(
        question.id,
        { status: 'approved', by: 'mod-2', at: 3_001, reason: null },
        audit('approve', id),
      ),
    ).toBe(false);
    expect(repository.question(question.id)).toMatchObject({
      status: 'rejected',
      decidedBy: 'mod-1',
      decidedAt: 3_000,
      reason: 'off topic',
    });
    expect(repository.auditLog(GUILD).map((entry) => entry.action)).toEqual(['reject', 'start']);
  });

  it("counts a session's participants, messages and questions for the recap", () => {
    const { id } = start();
    const other = start('thread-2');
    for (const user of ['a', 'a', 'b', 'a']) repository.recordMessage(id, user);
    repository.recordMessage(other.id, 'c');
    const statuses = ['approved', 'rejected', 'pending', 'held', 'pending'] as const;
    const questions = statuses.map((status) =>
      repository.addQuestion(
        newQuestion(id, { status: status === 'approved' || status === 'rejected' ? 'pending' : status }),
      ),
    );
    repository.decide(questions[0]!.id, { status: 'approved', by: 'm', at: 1, reason: null }, audit('approve', id));
    repository.decide(questions[1]!.id, { status: 'rejected', by: 'm', at: 1, reason: null }, audit('reject', id));
    repository.decide(questions[2]!.id, { status: 'approved', by: 'm', at: 1, reason: null }, audit('approve', id));
    repository.markAnswered(questions[2]!.id);
    repository.addQuestion(newQuestion(id, { status: 'rejected', reason: 'blocked' }));
    expect(repository.stats(id)).toEqual({
      participants: 2,
      messages: 4,
      questions: { asked: 6, approved: 2, rejected: 2, answered: 1 },
    });
    expect(repository.stats(9_999)).toEqual({
      participants: 0,
      messages: 0,
      questions: { asked: 0, approved: 0, rejected: 0, answered: 0 },
    });
  });

  it('keeps the audit log per guild, newest first, limited on request', () => {
    const { id } = start();
    const refused = repository.audit({ ...audit('refused', id, 2_000), detail: 'not a moderator' });
    repository.audit({ ...audit('config', null), guildId: 'guild-2' });
    repository.updateSession(value(pauseSession(repository.sessionById(id)!)), audit('pause', id, 3_000));
    expect(refused).toMatchObject({ id: expect.any(Number), action: 'refused', detail: 'not a moderator' });
    expect(repository.auditLog(GUILD).map((entry) => entry.action)).toEqual(['pause', 'refused', 'start']);
    expect(repository.auditLog(GUILD, 2).map((entry) => entry.action)).toEqual(['pause', 'refused']);
    expect(repository.auditLog('guild-2')).toHaveLength(1);
  });

  it('keeps everything across close and reopen', () => {
    const session = start();
    const question = repository.addQuestion(newQuestion(session.id));
    repository.recordMessage(session.id, 'a');
    repository.close();
    repository = SqliteStudyRepository.open(file);
    expect(repository.sessionByThread('thread-1')).toEqual(session);
    expect(repository.question(question.id)?.text).toBe('Why?');
    expect(repository.stats(session.id).messages).toBe(1);
    expect(repository.auditLog(GUILD)).toHaveLength(1);
  });

  it('rolls the whole action back when its audit line cannot be written', () => {
    const session = start();
    const bogus = { ...audit('pause', session.id), action: 'bogus' as AuditAction };
    expect(() => repository.updateSession(value(pauseSession(session)), bogus)).toThrow(/CHECK constraint failed/u);
    expect(repository.sessionById(session.id)).toEqual(session);
    expect(() => repository.createSession(newSession('thread-3'), bogus, FIRST_READING)).toThrow(
      /CHECK constraint failed/u,
    );
    expect(repository.sessionByThread('thread-3')).toBeUndefined();
    expect(repository.auditLog(GUILD)).toHaveLength(1);
  });
});
