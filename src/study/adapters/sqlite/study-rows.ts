import type { AuditInput, NewQuestion } from '../../study-repository.js';
import type { NewSession } from '../../session-transitions.js';
import type {
  Asker,
  AuditAction,
  AuditEntry,
  GuildSettings,
  QuestionStatus,
  QueuedQuestion,
  SessionStatus,
  StudySession,
} from '../../study-types.js';

// Rows use the column names as keys so one object serves both as a query result and as named bind parameters
// (`@guild_id`); booleans are 0/1 and lists JSON text, since SQLite binds neither booleans nor arrays.

/** A `guild_settings` row. */
export interface SettingsRow {
  guild_id: string;
  moderator_role_id: string | null;
  mod_channel_id: string | null;
  moderated: number;
  cooldown_seconds: number;
  blocked_terms: string;
}

/** A `sessions` row. */
export interface SessionRow {
  id: number;
  guild_id: string;
  channel_id: string;
  thread_id: string;
  title: string;
  section_id: string;
  started_by: string;
  started_at: number;
  ended_at: number | null;
  status: string;
  current_paragraph: number;
  covered: string;
  moderated: number;
  prompt_cursor: number;
}

/** A `questions` row. */
export interface QuestionRow {
  id: number;
  session_id: number;
  guild_id: string;
  author_id: string;
  author_name: string;
  text: string;
  status: string;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  mod_channel_id: string | null;
  mod_message_id: string | null;
  match_key: string | null;
  landed_on: number | null;
  /** Not a column: the question's Me too askers as a JSON array, joined in by {@link QUESTION_SELECT}. */
  co_askers: string;
}

/** Selects questions with their co-askers, oldest Me too first; add `WHERE` on `q`. */
export const QUESTION_SELECT = `SELECT q.*, (
    SELECT json_group_array(json_object('id', a.member_id, 'name', a.member_name) ORDER BY a.at, a.rowid)
    FROM question_askers a WHERE a.question_id = q.id
  ) AS co_askers FROM questions q`;

/** An `audit_log` row. */
export interface AuditRow {
  id: number;
  guild_id: string;
  session_id: number | null;
  actor_id: string;
  action: string;
  detail: string;
  at: number;
}

/** Settings as bind parameters. */
export function settingsToRow(settings: GuildSettings): SettingsRow {
  return {
    guild_id: settings.guildId,
    moderator_role_id: settings.moderatorRoleId,
    mod_channel_id: settings.modChannelId,
    moderated: settings.moderated ? 1 : 0,
    cooldown_seconds: settings.cooldownSeconds,
    blocked_terms: JSON.stringify(settings.blockedTerms),
  };
}

export function settingsFromRow(row: SettingsRow): GuildSettings {
  return {
    guildId: row.guild_id,
    moderatorRoleId: row.moderator_role_id,
    modChannelId: row.mod_channel_id,
    moderated: row.moderated === 1,
    cooldownSeconds: row.cooldown_seconds,
    blockedTerms: parseList(
      row.blocked_terms,
      (item): item is string => typeof item === 'string',
      'guild_settings.blocked_terms',
    ),
  };
}

/** A session (new or changed) as bind parameters; `id` is left to the caller, as the store assigns it. */
export function sessionToRow(session: NewSession): Omit<SessionRow, 'id'> {
  return {
    guild_id: session.guildId,
    channel_id: session.channelId,
    thread_id: session.threadId,
    title: session.title,
    section_id: session.sectionId,
    started_by: session.startedBy,
    started_at: session.startedAt,
    ended_at: session.endedAt,
    status: session.status,
    current_paragraph: session.currentParagraph,
    covered: JSON.stringify(session.covered),
    moderated: session.moderated ? 1 : 0,
    prompt_cursor: session.promptCursor,
  };
}

export function sessionFromRow(row: SessionRow): StudySession {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    threadId: row.thread_id,
    title: row.title,
    sectionId: row.section_id,
    startedBy: row.started_by,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    // The CHECK constraints admit only the domain's values, so these casts cannot widen.
    status: row.status as SessionStatus,
    currentParagraph: row.current_paragraph,
    covered: parseList(row.covered, (item): item is number => Number.isInteger(item), 'sessions.covered'),
    moderated: row.moderated === 1,
    promptCursor: row.prompt_cursor,
  };
}

/** The columns a new question sets. */
export type NewQuestionRow = Pick<
  QuestionRow,
  | 'session_id'
  | 'guild_id'
  | 'author_id'
  | 'author_name'
  | 'text'
  | 'status'
  | 'created_at'
  | 'reason'
  | 'match_key'
  | 'landed_on'
>;

/** A new question as bind parameters for the columns it sets. */
export function newQuestionToRow(question: NewQuestion): NewQuestionRow {
  return {
    session_id: question.sessionId,
    guild_id: question.guildId,
    author_id: question.authorId,
    author_name: question.authorName,
    text: question.text,
    status: question.status,
    created_at: question.createdAt,
    reason: question.reason,
    match_key: question.matchKey,
    landed_on: question.landedOn,
  };
}

export function questionFromRow(row: QuestionRow): QueuedQuestion {
  return {
    id: row.id,
    sessionId: row.session_id,
    guildId: row.guild_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    status: row.status as QuestionStatus,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
    modChannelId: row.mod_channel_id,
    modMessageId: row.mod_message_id,
    landedOn: row.landed_on,
    coAskers: JSON.parse(row.co_askers) as Asker[],
  };
}

/** An audit line as bind parameters. */
export function auditToRow(audit: AuditInput): Omit<AuditRow, 'id'> {
  return {
    guild_id: audit.guildId,
    session_id: audit.sessionId,
    actor_id: audit.actorId,
    action: audit.action,
    detail: audit.detail,
    at: audit.at,
  };
}

export function auditFromRow(row: AuditRow): AuditEntry {
  const { id, guild_id: guildId, session_id: sessionId, actor_id: actorId, detail, at } = row;
  return { id, guildId, sessionId, actorId, action: row.action as AuditAction, detail, at };
}

function parseList<T>(text: string, isItem: (item: unknown) => item is T, column: string): T[] {
  const parsed: unknown = JSON.parse(text);
  // The CHECK guarantees a JSON array, not what is in it; a hand-edited row should fail loudly, not mislead the bot.
  if (!Array.isArray(parsed) || !parsed.every(isItem))
    throw new Error(`${column} holds ${text}, not a list of the expected kind`);
  return parsed;
}
