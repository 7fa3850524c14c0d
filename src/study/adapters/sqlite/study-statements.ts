import type { Database } from 'better-sqlite3';
import {
  QUESTION_SELECT,
  type AuditRow,
  type NewQuestionRow,
  type QuestionRow,
  type SessionRow,
  type SettingsRow,
} from './study-rows.js';

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

    insertQuestion: db.prepare<NewQuestionRow>(`
      INSERT INTO questions (session_id, guild_id, author_id, author_name, text, status, created_at, reason, match_key,
        landed_on)
      VALUES (@session_id, @guild_id, @author_id, @author_name, @text, @status, @created_at, @reason, @match_key,
        @landed_on)`),
    question: db.prepare<[number], QuestionRow>(`${QUESTION_SELECT} WHERE q.id = ?`),
    waitingFrom: db
      .prepare<[number, string], number>(
        `SELECT COUNT(*) FROM questions WHERE session_id = ? AND author_id = ? AND ${WAITING}`,
      )
      .pluck(),
    waiting: db.prepare<[number], QuestionRow>(
      `${QUESTION_SELECT} WHERE q.session_id = ? AND q.${WAITING} ORDER BY q.id`,
    ),
    waitingUpTo: db
      .prepare<[number, number], number>(
        `SELECT COUNT(*) FROM questions WHERE session_id = ? AND ${WAITING} AND id <= ?`,
      )
      .pluck(),
    held: db.prepare<[number], QuestionRow>(
      `${QUESTION_SELECT} WHERE q.session_id = ? AND q.status = 'held' ORDER BY q.id`,
    ),
    releaseHeld: db.prepare<[number]>(
      `UPDATE questions SET status = 'pending' WHERE session_id = ? AND status = 'held'`,
    ),
    unposted: db.prepare<[], QuestionRow>(
      `${QUESTION_SELECT} WHERE q.status = 'pending' AND q.mod_message_id IS NULL ORDER BY q.id`,
    ),
    unanswered: db.prepare<[], QuestionRow>(`${QUESTION_SELECT} WHERE q.status = 'approved' ORDER BY q.id`),
    setModMessage: db.prepare<[string, string, number]>(
      'UPDATE questions SET mod_channel_id = ?, mod_message_id = ? WHERE id = ?',
    ),
    // Compare-and-set: of two moderators deciding at once, only the first UPDATE still finds the question undecided.
    decide: db.prepare<[string, string, number, string | null, number]>(`
      UPDATE questions SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND ${WAITING}`),
    // Newest first, so that LIMIT keeps the newest; the repository turns them oldest first.
    rejectedWithCopies: db.prepare<[number, number], QuestionRow>(`
      ${QUESTION_SELECT} WHERE q.session_id = ? AND q.status = 'rejected' AND q.mod_message_id IS NOT NULL
      ORDER BY q.id DESC LIMIT ?`),
    waitingMatch: db.prepare<[number, string], QuestionRow>(
      `${QUESTION_SELECT} WHERE q.session_id = ? AND q.match_key = ? AND q.${WAITING} ORDER BY q.id LIMIT 1`,
    ),
    // Author or Me too of a question with these words that still counts (not rejected): one member, one count.
    askedAlready: db
      .prepare<[number, string, string, string], number>(
        `
      SELECT 1 FROM questions q WHERE q.session_id = ? AND q.match_key = ? AND q.status != 'rejected'
      AND (q.author_id = ? OR EXISTS (SELECT 1 FROM question_askers a WHERE a.question_id = q.id AND a.member_id = ?))
      LIMIT 1`,
      )
      .pluck(),
    addCoAsker: db.prepare<[number, string, string, number]>(`
      INSERT INTO question_askers (question_id, member_id, member_name, at) VALUES (?, ?, ?, ?)
      ON CONFLICT (question_id, member_id) DO NOTHING`),
    // Compare-and-set, as deciding is: only a question still rejected goes back to the queue.
    reopen: db.prepare<[number]>(`
      UPDATE questions SET status = 'pending', decided_by = NULL, decided_at = NULL, reason = NULL
      WHERE id = ? AND status = 'rejected'`),
    landings: db.prepare<[number], { paragraph: number; askers: number }>(`
      SELECT q.landed_on AS paragraph, SUM(1 + (SELECT COUNT(*) FROM question_askers a WHERE a.question_id = q.id)) AS askers
      FROM questions q WHERE q.session_id = ? AND q.landed_on IS NOT NULL AND q.status != 'rejected'
      GROUP BY q.landed_on`),
    insertDraft: db.prepare<[number, string, string, string, number | null, number]>(`
      INSERT INTO question_drafts (session_id, author_id, author_name, text, landed_on, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    draft: db.prepare<
      [number],
      {
        id: number;
        session_id: number;
        author_id: string;
        author_name: string;
        text: string;
        landed_on: number | null;
        created_at: number;
      }
    >('SELECT * FROM question_drafts WHERE id = ?'),
    deleteDraft: db.prepare<[number]>('DELETE FROM question_drafts WHERE id = ?'),
    deleteDraftsOf: db.prepare<[number, string]>('DELETE FROM question_drafts WHERE session_id = ? AND author_id = ?'),
    insertReading: db.prepare<{ session_id: number; paragraph: number; prompt: string; at: number }>(`
      INSERT INTO session_readings (session_id, seq, paragraph, prompt, at)
      VALUES (@session_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM session_readings WHERE session_id = @session_id),
        @paragraph, @prompt, @at)`),
    readings: db.prepare<[number], { seq: number; paragraph: number; prompt: string; at: number }>(
      'SELECT seq, paragraph, prompt, at FROM session_readings WHERE session_id = ? ORDER BY seq',
    ),
    rememberName: db.prepare<[string, string, string, number]>(`
      INSERT INTO member_names (guild_id, user_id, name, at) VALUES (?, ?, ?, ?)
      ON CONFLICT (guild_id, user_id) DO UPDATE SET name = excluded.name, at = excluded.at`),
    sessionModerators: db
      .prepare<[number], string>(
        `
      SELECT COALESCE(n.name, a.actor_id) FROM audit_log a
      LEFT JOIN member_names n ON n.guild_id = a.guild_id AND n.user_id = a.actor_id
      WHERE a.session_id = ? AND a.action IN ('start', 'advance', 'pause', 'resume', 'end', 'approve', 'reject', 'reopen')
      GROUP BY a.actor_id ORDER BY MIN(a.id)`,
      )
      .pluck(),
    sessionQuestions: db.prepare<[number], QuestionRow>(`${QUESTION_SELECT} WHERE q.session_id = ? ORDER BY q.id`),
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
