import type { Database } from 'better-sqlite3';
import type { AuditRow, QuestionRow, SessionRow, SettingsRow } from './study-rows.js';

const SESSION_COLUMNS = `guild_id, channel_id, thread_id, title, section_id, started_by, started_at, ended_at, status, current_paragraph,
  covered, moderated, prompt_cursor`;
const WAITING = `status IN ('held', 'pending')`;

/** The statements the study repository runs, prepared once when it opens rather than on every call. */
export type StudyStatements = ReturnType<typeof prepareStudyStatements>;

/** Prepares every statement of the study repository against `db`; fails at start-up if one no longer fits the schema. */
export function prepareStudyStatements(db: Database) {
  return {
    settings: db.prepare<[string], SettingsRow>('SELECT * FROM guild_settings WHERE guild_id = ?'),
    saveSettings: db.prepare<SettingsRow>(`
      INSERT INTO guild_settings (guild_id, moderator_role_id, mod_channel_id, moderated, cooldown_seconds, blocked_terms)
      VALUES (@guild_id, @moderator_role_id, @mod_channel_id, @moderated, @cooldown_seconds, @blocked_terms)
      ON CONFLICT (guild_id) DO UPDATE SET moderator_role_id = excluded.moderator_role_id, mod_channel_id = excluded.mod_channel_id,
        moderated = excluded.moderated, cooldown_seconds = excluded.cooldown_seconds, blocked_terms = excluded.blocked_terms`),

    insertSession: db.prepare<Omit<SessionRow, 'id'>>(`
      INSERT INTO sessions (${SESSION_COLUMNS})
      VALUES (@guild_id, @channel_id, @thread_id, @title, @section_id, @started_by, @started_at, @ended_at, @status,
        @current_paragraph, @covered, @moderated, @prompt_cursor)`),
    sessionById: db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    sessionByThread: db.prepare<[string], SessionRow>(
      'SELECT * FROM sessions WHERE thread_id = ? ORDER BY id DESC LIMIT 1',
    ),
    // Only what a transition can change; who started it, where and when stay as first stored.
    updateSession: db.prepare<
      Pick<SessionRow, 'id' | 'status' | 'ended_at' | 'current_paragraph' | 'covered' | 'prompt_cursor'>
    >(`
      UPDATE sessions SET status = @status, ended_at = @ended_at, current_paragraph = @current_paragraph, covered = @covered,
        prompt_cursor = @prompt_cursor
      WHERE id = @id`),

    insertQuestion: db.prepare<
      Pick<
        QuestionRow,
        'session_id' | 'guild_id' | 'author_id' | 'author_name' | 'text' | 'status' | 'created_at' | 'reason'
      >
    >(`
      INSERT INTO questions (session_id, guild_id, author_id, author_name, text, status, created_at, reason)
      VALUES (@session_id, @guild_id, @author_id, @author_name, @text, @status, @created_at, @reason)`),
    question: db.prepare<[number], QuestionRow>('SELECT * FROM questions WHERE id = ?'),
    waitingFrom: db
      .prepare<[number, string], number>(
        `SELECT COUNT(*) FROM questions WHERE session_id = ? AND author_id = ? AND ${WAITING}`,
      )
      .pluck(),
    waiting: db.prepare<[number], QuestionRow>(
      `SELECT * FROM questions WHERE session_id = ? AND ${WAITING} ORDER BY id`,
    ),
    waitingUpTo: db
      .prepare<[number, number], number>(
        `SELECT COUNT(*) FROM questions WHERE session_id = ? AND ${WAITING} AND id <= ?`,
      )
      .pluck(),
    held: db.prepare<[number], QuestionRow>(
      `SELECT * FROM questions WHERE session_id = ? AND status = 'held' ORDER BY id`,
    ),
    releaseHeld: db.prepare<[number]>(
      `UPDATE questions SET status = 'pending' WHERE session_id = ? AND status = 'held'`,
    ),
    unposted: db.prepare<[], QuestionRow>(
      `SELECT * FROM questions WHERE status = 'pending' AND mod_message_id IS NULL ORDER BY id`,
    ),
    unanswered: db.prepare<[], QuestionRow>(`SELECT * FROM questions WHERE status = 'approved' ORDER BY id`),
    setModMessage: db.prepare<[string, string, number]>(
      'UPDATE questions SET mod_channel_id = ?, mod_message_id = ? WHERE id = ?',
    ),
    // Compare-and-set: of two moderators deciding at once, only the first UPDATE still finds the question undecided.
    decide: db.prepare<[string, string, number, string | null, number]>(`
      UPDATE questions SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND ${WAITING}`),
    markAnswered: db.prepare<[number]>(`UPDATE questions SET status = 'answered' WHERE id = ? AND status = 'approved'`),

    recordMessage: db.prepare<[number, string]>(`
      INSERT INTO session_activity (session_id, user_id, messages) VALUES (?, ?, 1)
      ON CONFLICT (session_id, user_id) DO UPDATE SET messages = messages + 1`),
    activity: db.prepare<[number], { participants: number; messages: number }>(
      'SELECT COUNT(*) AS participants, COALESCE(SUM(messages), 0) AS messages FROM session_activity WHERE session_id = ?',
    ),
    questionCounts: db.prepare<[number], { asked: number; approved: number; rejected: number; answered: number }>(`
      SELECT COUNT(*) AS asked, COALESCE(SUM(status IN ('approved', 'answered')), 0) AS approved,
        COALESCE(SUM(status = 'rejected'), 0) AS rejected, COALESCE(SUM(status = 'answered'), 0) AS answered
      FROM questions WHERE session_id = ?`),

    insertAudit: db.prepare<Omit<AuditRow, 'id'>>(`
      INSERT INTO audit_log (guild_id, session_id, actor_id, action, detail, at) VALUES (@guild_id, @session_id, @actor_id, @action, @detail, @at)`),
    // LIMIT -1 is SQLite for no limit.
    auditLog: db.prepare<[string, number], AuditRow>(
      'SELECT * FROM audit_log WHERE guild_id = ? ORDER BY id DESC LIMIT ?',
    ),
  };
}
