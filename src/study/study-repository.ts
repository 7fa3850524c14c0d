import type { NewSession } from './session-transitions.js';
import type {
  Asker,
  AuditEntry,
  GuildSettings,
  QuestionDraft,
  QueuedQuestion,
  Reading,
  SessionStats,
  StudySession,
} from './study-types.js';

/** An audit line to write in the same transaction as the change it records. */
export type AuditInput = Omit<AuditEntry, 'id'>;

/** What a new question carries; the store assigns the id. */
export type NewQuestion = Pick<
  QueuedQuestion,
  'sessionId' | 'guildId' | 'authorId' | 'authorName' | 'text' | 'status' | 'createdAt' | 'reason' | 'landedOn'
> & {
  /** The question's words as the shared-question rule compares them (`questionMatchKey`). */
  readonly matchKey: string;
};

/** A passage put on the table, stored with the move that put it there. */
export type NewReading = Omit<Reading, 'seq'>;

/**
 * Persistence of study sessions, the question queue and the audit log. Every method that changes state does all its
 * writes, the audit line included, in one transaction: after a crash either all of an action is there or none of it.
 * Synchronous, because the SQLite driver is, and so no two actions interleave within one process.
 */
export interface StudyRepository {
  /** The guild's settings, or `defaults` for a guild that has none stored. */
  settings(guildId: string, defaults: Omit<GuildSettings, 'guildId'>): GuildSettings;
  saveSettings(settings: GuildSettings, audit: AuditInput): void;

  /**
   * Stores a new session with its audit line and its first reading.
   *
   * @throws {SessionConflictError} when the thread already has a session that has not ended.
   */
  createSession(session: NewSession, audit: Omit<AuditInput, 'sessionId'>, reading: NewReading): StudySession;
  /** The thread's latest session, ended or not. */
  sessionByThread(threadId: string): StudySession | undefined;
  sessionById(id: number): StudySession | undefined;
  /** Stores a session's new state (from a transition) with its audit line, and the passage it put on the table. */
  updateSession(session: StudySession, audit: AuditInput, reading?: NewReading): void;
  /** The session's passages in the order they were put on the table. */
  readings(sessionId: number): Reading[];

  /** Stores a question; `fromDraft` is the draft it was asked from (Ask anyway), deleted in the same transaction. */
  addQuestion(question: NewQuestion, audit?: AuditInput, fromDraft?: number): QueuedQuestion;
  /** The held or pending question of a session with this match key, oldest first, if any. */
  waitingMatch(sessionId: number, matchKey: string): QueuedQuestion | undefined;
  /**
   * Whether a member already asks a question of the session with this match key, as its author or by Me too, that
   * still counts (held, pending, approved or answered): Me too or Ask anyway would count them twice.
   */
  askedAlready(sessionId: number, matchKey: string, memberId: string): boolean;
  /** Adds a Me too asker with its audit line; false (and nothing written) when they already were one. */
  addCoAsker(questionId: number, asker: Asker, at: number, audit: AuditInput): boolean;
  /** Keeps a held-back question, replacing the member's earlier draft in that session (one each at most). */
  saveDraft(draft: Omit<QuestionDraft, 'id'>): QuestionDraft;
  draft(id: number): QuestionDraft | undefined;
  /**
   * Puts a rejected question back in the queue, compare-and-set like {@link decide}: true for the one call that
   * reopened it, false when it was not rejected any more. The decision's fields are cleared; the audit keeps them.
   */
  reopen(questionId: number, audit: AuditInput): boolean;
  /**
   * How many askers' questions landed on each ¶ of a session (a shared question counts its author and every Me too);
   * rejected questions do not count.
   */
  landings(sessionId: number): Map<number, number>;
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
  /** A session's newest rejected questions whose moderators' copy was posted, at most `limit`, oldest first. */
  rejectedWithCopies(sessionId: number, limit: number): QueuedQuestion[];
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

  /** Remembers a member's display name in a server, for the transcript's list of moderators. */
  rememberName(guildId: string, userId: string, name: string, at: number): void;
  /** Display names of the moderators who acted in a session, in the order they first did. */
  sessionModerators(sessionId: number): string[];
  /** Every question of a session, oldest first. */
  sessionQuestions(sessionId: number): QueuedQuestion[];

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
