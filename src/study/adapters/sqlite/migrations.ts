import type { Database } from 'better-sqlite3';
import { describeCause, StorageError } from './storage-error.js';

/** One step of the schema's history. Released migrations are never edited: a change is a new, higher version. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// STRICT tables so that a wrong type from a mapping bug is an error rather than a silently stored string.
const INITIAL = `
CREATE TABLE guild_settings (
  guild_id          TEXT PRIMARY KEY,
  moderator_role_id TEXT,
  mod_channel_id    TEXT,
  moderated         INTEGER NOT NULL CHECK (moderated IN (0, 1)),
  cooldown_seconds  INTEGER NOT NULL CHECK (cooldown_seconds >= 0),
  blocked_terms     TEXT NOT NULL CHECK (json_valid(blocked_terms) AND json_type(blocked_terms) = 'array')
) STRICT;

CREATE TABLE sessions (
  id                INTEGER PRIMARY KEY,
  guild_id          TEXT NOT NULL,
  channel_id        TEXT NOT NULL,
  thread_id         TEXT NOT NULL,
  title             TEXT NOT NULL,
  section_id        TEXT NOT NULL,
  started_by        TEXT NOT NULL,
  started_at        INTEGER NOT NULL,
  ended_at          INTEGER,
  status            TEXT NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
  current_paragraph INTEGER NOT NULL,
  covered           TEXT NOT NULL CHECK (json_valid(covered) AND json_type(covered) = 'array'),
  moderated         INTEGER NOT NULL CHECK (moderated IN (0, 1)),
  prompt_cursor     INTEGER NOT NULL CHECK (prompt_cursor >= 0),
  CHECK ((status = 'ended') = (ended_at IS NOT NULL))
) STRICT;
-- One live session per thread, enforced by the database so that two racing /study start calls cannot both win.
CREATE UNIQUE INDEX sessions_live_thread ON sessions (thread_id) WHERE status != 'ended';
CREATE INDEX sessions_by_thread ON sessions (thread_id, id);

CREATE TABLE questions (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL REFERENCES sessions (id),
  guild_id       TEXT NOT NULL,
  author_id      TEXT NOT NULL,
  author_name    TEXT NOT NULL,
  text           TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('held', 'pending', 'approved', 'rejected', 'answered')),
  created_at     INTEGER NOT NULL,
  decided_by     TEXT,
  decided_at     INTEGER,
  reason         TEXT,
  mod_channel_id TEXT,
  mod_message_id TEXT
) STRICT;
-- waiting, releaseHeld, stats and waitingFrom go by session; unposted and unanswered (start-up recovery) by status.
CREATE INDEX questions_by_session ON questions (session_id, status, id);
CREATE INDEX questions_by_status ON questions (status, id);

CREATE TABLE session_activity (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  user_id    TEXT NOT NULL,
  messages   INTEGER NOT NULL CHECK (messages >= 0),
  PRIMARY KEY (session_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN
    ('config', 'start', 'advance', 'pause', 'resume', 'end', 'approve', 'reject', 'auto-reject', 'refused')),
  detail     TEXT NOT NULL,
  at         INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, id);
`;

// A member's waiting questions were counted through questions_by_session, reading every waiting question of the
// session: fine for a dozen, linear in a queue that a raid of askers has filled.
const QUESTIONS_BY_AUTHOR = `
CREATE INDEX questions_by_author ON questions (session_id, author_id, status);
`;

// Shared questions, reopened decisions and where questions landed (issue 13):
// - match_key: a question's words as the shared-question rule compares them, so that a duplicate is found by index;
// - landed_on: the ¶ of the question's top passage when it was asked, for the paragraph map;
// - question_askers: members who pressed Me too (the author is the question's own author_id);
// - question_drafts: a question held back as a duplicate, until its author presses Ask anyway;
// - session_readings: each passage in the order it was put on the table, with its prompt, for the transcript;
// - audit_log rebuilt, since SQLite cannot alter a CHECK, to allow the new actions.
const SHARED_QUESTIONS = `
ALTER TABLE questions ADD COLUMN match_key TEXT;
ALTER TABLE questions ADD COLUMN landed_on INTEGER CHECK (landed_on IS NULL OR landed_on >= 1);
CREATE INDEX questions_by_match ON questions (session_id, match_key, status);

CREATE TABLE question_askers (
  question_id INTEGER NOT NULL REFERENCES questions (id),
  member_id   TEXT NOT NULL,
  member_name TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (question_id, member_id)
) STRICT;

CREATE TABLE question_drafts (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions (id),
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text        TEXT NOT NULL,
  landed_on   INTEGER CHECK (landed_on IS NULL OR landed_on >= 1),
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE session_readings (
  session_id INTEGER NOT NULL REFERENCES sessions (id),
  seq        INTEGER NOT NULL CHECK (seq >= 1),
  paragraph  INTEGER NOT NULL CHECK (paragraph >= 1),
  prompt     TEXT NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (session_id, seq)
) STRICT;

CREATE TABLE audit_log_v3 (
  id         INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN
    ('config', 'start', 'advance', 'pause', 'resume', 'end', 'approve', 'reject', 'auto-reject', 'refused', 'me-too',
     'reopen')),
  detail     TEXT NOT NULL,
  at         INTEGER NOT NULL
) STRICT;
INSERT INTO audit_log_v3 (id, guild_id, session_id, actor_id, action, detail, at)
  SELECT id, guild_id, session_id, actor_id, action, detail, at FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v3 RENAME TO audit_log;
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, id);
`;

// The transcript names a session's moderators: their display names as they last acted, and the audit read by session.
const MODERATOR_NAMES = `
CREATE TABLE member_names (
  guild_id TEXT NOT NULL,
  user_id  TEXT NOT NULL,
  name     TEXT NOT NULL,
  at       INTEGER NOT NULL,
  PRIMARY KEY (guild_id, user_id)
) STRICT;
CREATE INDEX audit_log_by_session ON audit_log (session_id, id);
CREATE INDEX question_drafts_by_author ON question_drafts (session_id, author_id);
`;

/** The schema's history, oldest first. */
// The bot has one database; the feedback feature's tables are part of its history (src/feedback/adapters reads them).
// Members are known only by an HMAC of their id, and an answer's question is kept only while it may be rated.
const ANSWER_RATINGS = `
CREATE TABLE answers (
  id          INTEGER PRIMARY KEY,
  question    TEXT NOT NULL,
  ranking     TEXT NOT NULL CHECK (json_valid(ranking) AND json_type(ranking) = 'array'),
  mode        TEXT NOT NULL,
  private     INTEGER NOT NULL CHECK (private IN (0, 1)),
  owner_hash  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX answers_created ON answers (created_at);

CREATE TABLE ratings (
  answer_id   INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  member_hash TEXT NOT NULL,
  rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  rated_at    INTEGER NOT NULL,
  PRIMARY KEY (answer_id, member_hash)
) STRICT;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: INITIAL },
  { version: 2, name: 'questions by author', sql: QUESTIONS_BY_AUTHOR },
  { version: 3, name: 'shared questions, reopening, landings and readings', sql: SHARED_QUESTIONS },
  { version: 4, name: 'moderator names', sql: MODERATOR_NAMES },
  { version: 5, name: 'answers and their ratings', sql: ANSWER_RATINGS },
];

/** The schema version a database file records (0 for a new, empty one). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last of `migrations`, applying each pending one in its own transaction together with
 * the new version number, so a crash mid-way leaves the file at the previous version rather than half-migrated.
 * The version lives in `PRAGMA user_version`: it sits in the file header, is written inside the same transaction as
 * the schema change, and needs no bookkeeping table that would itself have to be created before the first migration.
 *
 * @returns the versions applied, none for an up-to-date file.
 * @throws {StorageError} when the file is newer than this code knows, or a migration fails.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    // An older release must not write to a schema it does not understand; the operator should upgrade instead.
    throw new StorageError(
      `the database at ${db.name} is at schema version ${current}, newer than this release knows (${latest})`,
    );
  }
  const pending = migrations.slice(current);
  for (const migration of pending) {
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new StorageError(
        `cannot migrate the database at ${db.name} to version ${migration.version} (${migration.name}): ${describeCause(error)}`,
        { cause: error },
      );
    }
  }
  return pending.map((migration) => migration.version);
}
