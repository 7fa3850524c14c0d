import type { NewSession } from './session-transitions.js';
import type { AuditEntry, GuildSettings, QueuedQuestion, SessionStats, StudySession } from './study-types.js';

/** An audit line to write in the same transaction as the change it records. */
export type AuditInput = Omit<AuditEntry, 'id'>;

/** What a new question carries; the store assigns the id. */
export type NewQuestion = Pick<
  QueuedQuestion,
  'sessionId' | 'guildId' | 'authorId' | 'authorName' | 'text' | 'status' | 'createdAt' | 'reason'
>;

/**
 * Persistence of study sessions, the question queue and the audit log. Every method that changes state does all its
 * writes, the audit line included, in one transaction: after a crash either all of an action is there or none of it.
 * Synchronous, because the SQLite driver is, and so no two actions interleave within one process.
 */
export interface StudyRepository {
  /** The guild's settings, or `defaults` for a guild that has none stored. */
  settings(guildId: string, defaults: Omit<GuildSettings, 'guildId'>): GuildSettings;
  saveSettings(settings: GuildSettings, audit: AuditInput): void;

  /** @throws {SessionConflictError} when the thread already has a session that has not ended. */
  createSession(session: NewSession, audit: Omit<AuditInput, 'sessionId'>): StudySession;
  /** The thread's latest session, ended or not. */
  sessionByThread(threadId: string): StudySession | undefined;
  sessionById(id: number): StudySession | undefined;
  /** Stores a session's new state (from a transition) with its audit line. */
  updateSession(session: StudySession, audit: AuditInput): void;

  addQuestion(question: NewQuestion, audit?: AuditInput): QueuedQuestion;
  question(id: number): QueuedQuestion | undefined;
  /** Held and pending questions of one member in one session. */
  waitingFrom(sessionId: number, authorId: string): number;
  /** Held and pending questions of a session, oldest first. */
  waiting(sessionId: number): QueuedQuestion[];
  /**
   * How many of a session's questions are held or pending, counting only those up to `questionId` (a question's place
   * in the queue) or all of them when it is left out. Counted by the store, so a long queue is never read to count it.
   */
  waitingUpTo(sessionId: number, questionId?: number): number;
  /** Turns a session's held questions into pending ones; returns them. */
  releaseHeld(sessionId: number): QueuedQuestion[];
  /** Stores a resumed session and releases its held questions in one transaction, so none stay held in a running session. */
  resumeSession(session: StudySession, audit: AuditInput): QueuedQuestion[];
  /** Pending questions whose moderators' copy was never posted (a crash between the two), oldest first. */
  unposted(): QueuedQuestion[];
  /** Approved questions whose answer was never posted, oldest first. */
  unanswered(): QueuedQuestion[];
  setModMessage(questionId: number, channelId: string, messageId: string): void;
  /**
   * Decides a held or pending question, compare-and-set: true for the one call that decided it, false when it was
   * already decided (two moderators clicking at once: one wins). The audit line is written only by the winner.
   */
  decide(
    questionId: number,
    decision: { status: 'approved' | 'rejected'; by: string; at: number; reason: string | null },
    audit: AuditInput,
  ): boolean;
  markAnswered(questionId: number): void;

  /** Counts a member's message in a session's thread, for the recap. */
  recordMessage(sessionId: number, userId: string): void;
  stats(sessionId: number): SessionStats;

  /** An audit line on its own (a refused attempt, say). */
  audit(entry: AuditInput): AuditEntry;
  /** The guild's audit log, newest first. */
  auditLog(guildId: string, limit?: number): AuditEntry[];

  close(): void;
}

/** The thread already has a live session. */
export class SessionConflictError extends Error {
  override readonly name = 'SessionConflictError';
}
