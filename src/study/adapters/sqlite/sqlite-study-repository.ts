import type { Database } from 'better-sqlite3';
import type { NewSession } from '../../session-transitions.js';
import {
  SessionConflictError,
  type AuditInput,
  type NewQuestion,
  type NewReading,
  type StudyRepository,
} from '../../study-repository.js';
import type {
  Asker,
  AuditEntry,
  GuildSettings,
  QuestionDraft,
  QueuedQuestion,
  Reading,
  SessionStats,
  StudySession,
} from '../../study-types.js';
import { openDatabase } from './open-database.js';
import { prepareStudyStatements, type StudyStatements } from './study-statements.js';
import {
  auditFromRow,
  auditToRow,
  newQuestionToRow,
  questionFromRow,
  sessionFromRow,
  sessionToRow,
  settingsFromRow,
  settingsToRow,
} from './study-rows.js';

/**
 * The study store on SQLite. Each state-changing method runs in one `db.transaction`, so the change and its audit
 * line commit together or not at all; a thrown error inside rolls both back.
 */
export class SqliteStudyRepository implements StudyRepository {
  private readonly statements: StudyStatements;

  constructor(private readonly db: Database) {
    this.statements = prepareStudyStatements(db);
  }

  /** Opens (creating and migrating) the database at `file`; see {@link openDatabase} for what can fail. */
  static open(file: string): SqliteStudyRepository {
    return new SqliteStudyRepository(openDatabase(file));
  }

  settings(guildId: string, defaults: Omit<GuildSettings, 'guildId'>): GuildSettings {
    const row = this.statements.settings.get(guildId);
    return row === undefined ? { ...defaults, guildId } : settingsFromRow(row);
  }

  saveSettings(settings: GuildSettings, audit: AuditInput): void {
    this.db.transaction(() => {
      this.statements.saveSettings.run(settingsToRow(settings));
      this.insertAudit(audit);
    })();
  }

  createSession(session: NewSession, audit: Omit<AuditInput, 'sessionId'>, reading: NewReading): StudySession {
    return this.db.transaction(() => {
      const id = this.insertSession(session);
      this.insertAudit({ ...audit, sessionId: id });
      this.statements.insertReading.run({ session_id: id, ...reading });
      return { ...session, id };
    })();
  }

  sessionByThread(threadId: string): StudySession | undefined {
    const row = this.statements.sessionByThread.get(threadId);
    return row === undefined ? undefined : sessionFromRow(row);
  }

  sessionById(id: number): StudySession | undefined {
    const row = this.statements.sessionById.get(id);
    return row === undefined ? undefined : sessionFromRow(row);
  }

  updateSession(session: StudySession, audit: AuditInput, reading?: NewReading): void {
    this.db.transaction(() => {
      if (reading) this.statements.insertReading.run({ session_id: session.id, ...reading });
      const { status, ended_at, current_paragraph, covered, prompt_cursor } = sessionToRow(session);
      const changed = { id: session.id, status, ended_at, current_paragraph, covered, prompt_cursor };
      const result = liveThreadConflict(() => this.statements.updateSession.run(changed), session.threadId);
      if (result.changes !== 1) throw new Error(`there is no session ${session.id} to update`);
      this.insertAudit(audit);
    })();
  }

  readings(sessionId: number): Reading[] {
    return this.statements.readings.all(sessionId);
  }

  addQuestion(question: NewQuestion, audit?: AuditInput, fromDraft?: number): QueuedQuestion {
    return this.db.transaction(() => {
      const id = Number(this.statements.insertQuestion.run(newQuestionToRow(question)).lastInsertRowid);
      if (audit !== undefined) this.insertAudit(audit);
      if (fromDraft !== undefined) this.statements.deleteDraft.run(fromDraft);
      const { matchKey: _matchKey, ...stored } = question;
      return { ...stored, id, decidedBy: null, decidedAt: null, modChannelId: null, modMessageId: null, coAskers: [] };
    })();
  }

  rejectedWithCopies(sessionId: number, limit: number): QueuedQuestion[] {
    return this.statements.rejectedWithCopies.all(sessionId, limit).map(questionFromRow).reverse();
  }

  waitingMatch(sessionId: number, matchKey: string): QueuedQuestion | undefined {
    const row = this.statements.waitingMatch.get(sessionId, matchKey);
    return row === undefined ? undefined : questionFromRow(row);
  }

  askedAlready(sessionId: number, matchKey: string, memberId: string): boolean {
    return this.statements.askedAlready.get(sessionId, matchKey, memberId, memberId) !== undefined;
  }

  addCoAsker(questionId: number, asker: Asker, at: number, audit: AuditInput): boolean {
    return this.db.transaction(() => {
      const { changes } = this.statements.addCoAsker.run(questionId, asker.id, asker.name, at);
      if (changes !== 1) return false;
      this.insertAudit(audit);
      return true;
    })();
  }

  saveDraft(draft: Omit<QuestionDraft, 'id'>): QuestionDraft {
    // One draft per member and session: a member repeating duplicates cannot grow the table.
    this.statements.deleteDraftsOf.run(draft.sessionId, draft.authorId);
    const { lastInsertRowid } = this.statements.insertDraft.run(
      draft.sessionId,
      draft.authorId,
      draft.authorName,
      draft.text,
      draft.landedOn,
      draft.createdAt,
    );
    return { ...draft, id: Number(lastInsertRowid) };
  }

  draft(id: number): QuestionDraft | undefined {
    const row = this.statements.draft.get(id);
    return row === undefined
      ? undefined
      : {
          id: row.id,
          sessionId: row.session_id,
          authorId: row.author_id,
          authorName: row.author_name,
          text: row.text,
          landedOn: row.landed_on,
          createdAt: row.created_at,
        };
  }

  reopen(questionId: number, audit: AuditInput): boolean {
    return this.db.transaction(() => {
      if (this.statements.reopen.run(questionId).changes !== 1) return false;
      this.insertAudit(audit);
      return true;
    })();
  }

  landings(sessionId: number): Map<number, number> {
    return new Map(this.statements.landings.all(sessionId).map((row) => [row.paragraph, row.askers]));
  }

  question(id: number): QueuedQuestion | undefined {
    const row = this.statements.question.get(id);
    return row === undefined ? undefined : questionFromRow(row);
  }

  waitingFrom(sessionId: number, authorId: string): number {
    return this.statements.waitingFrom.get(sessionId, authorId) ?? 0;
  }

  waiting(sessionId: number): QueuedQuestion[] {
    return this.statements.waiting.all(sessionId).map(questionFromRow);
  }

  waitingUpTo(sessionId: number, questionId = Number.MAX_SAFE_INTEGER): number {
    return this.statements.waitingUpTo.get(sessionId, questionId) ?? 0;
  }

  releaseHeld(sessionId: number): QueuedQuestion[] {
    return this.db.transaction(() => {
      const held = this.statements.held.all(sessionId);
      this.statements.releaseHeld.run(sessionId);
      return held.map((row) => ({ ...questionFromRow(row), status: 'pending' as const }));
    })();
  }

  resumeSession(session: StudySession, audit: AuditInput): QueuedQuestion[] {
    // better-sqlite3 nests transactions as savepoints: both writes commit together or not at all.
    return this.db.transaction(() => {
      this.updateSession(session, audit);
      return this.releaseHeld(session.id);
    })();
  }

  unposted(): QueuedQuestion[] {
    return this.statements.unposted.all().map(questionFromRow);
  }

  unanswered(): QueuedQuestion[] {
    return this.statements.unanswered.all().map(questionFromRow);
  }

  setModMessage(questionId: number, channelId: string, messageId: string): void {
    this.statements.setModMessage.run(channelId, messageId, questionId);
  }

  decide(
    questionId: number,
    decision: { status: 'approved' | 'rejected'; by: string; at: number; reason: string | null },
    audit: AuditInput,
  ): boolean {
    return this.db.transaction(() => {
      const { changes } = this.statements.decide.run(
        decision.status,
        decision.by,
        decision.at,
        decision.reason,
        questionId,
      );
      if (changes !== 1) return false;
      this.insertAudit(audit);
      return true;
    })();
  }

  markAnswered(questionId: number): void {
    this.statements.markAnswered.run(questionId);
  }

  recordMessage(sessionId: number, userId: string): void {
    this.statements.recordMessage.run(sessionId, userId);
  }

  stats(sessionId: number): SessionStats {
    // Both reads in one transaction so the recap's counts come from the same moment.
    return this.db.transaction(() => {
      const activity = this.statements.activity.get(sessionId) ?? { participants: 0, messages: 0 };
      const questions = this.statements.questionCounts.get(sessionId) ?? {
        asked: 0,
        approved: 0,
        rejected: 0,
        answered: 0,
      };
      return { participants: activity.participants, messages: activity.messages, questions };
    })();
  }

  rememberName(guildId: string, userId: string, name: string, at: number): void {
    this.statements.rememberName.run(guildId, userId, name, at);
  }

  sessionModerators(sessionId: number): string[] {
    return this.statements.sessionModerators.all(sessionId);
  }

  sessionQuestions(sessionId: number): QueuedQuestion[] {
    return this.statements.sessionQuestions.all(sessionId).map(questionFromRow);
  }

  audit(entry: AuditInput): AuditEntry {
    return this.insertAudit(entry);
  }

  auditLog(guildId: string, limit?: number): AuditEntry[] {
    return this.statements.auditLog.all(guildId, limit ?? -1).map(auditFromRow);
  }

  close(): void {
    this.db.close();
  }

  private insertSession(session: NewSession): number {
    const result = liveThreadConflict(() => this.statements.insertSession.run(sessionToRow(session)), session.threadId);
    return Number(result.lastInsertRowid);
  }

  private insertAudit(audit: AuditInput): AuditEntry {
    const id = Number(this.statements.insertAudit.run(auditToRow(audit)).lastInsertRowid);
    return { ...audit, id };
  }
}

/** Runs a write to `sessions`, turning a clash on the one-live-session-per-thread index into the port's error. */
function liveThreadConflict<T>(write: () => T, threadId: string): T {
  try {
    return write();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('sessions.thread_id')) {
      throw new SessionConflictError(`thread ${threadId} already has a session that has not ended`, { cause: error });
    }
    throw error;
  }
}
