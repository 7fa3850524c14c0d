import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.js';
import { describeCause, StorageError } from './storage-error.js';

/** How long a write waits for another connection's lock (a backup, the sqlite3 shell) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if need be) the study database at `file`, migrated to the current schema and checked for
 * corruption, so that any problem with the file stops the bot at start-up with a message naming it rather than
 * surfacing as a failed command hours later.
 *
 * @throws {StorageError} when the folder cannot be created or written, the file cannot be opened or migrated, or it is
 * corrupted. Never falls back to an in-memory database.
 */
export function openDatabase(file: string): Database {
  const folder = path.dirname(path.resolve(file));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StorageError(`cannot create the folder ${folder} for the database at ${file}: ${describeCause(error)}`, {
      cause: error,
    });
  }
  try {
    // WAL keeps its -wal and -shm files next to the database, so a read-only folder would only fail at the first write.
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new StorageError(
      `${folder} is not writable, so the database at ${file} cannot be used: ${describeCause(error)}`,
      { cause: error },
    );
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (error) {
    throw new StorageError(`cannot open the database at ${file}: ${describeCause(error)}`, { cause: error });
  }
  try {
    configure(db, file);
    checkIntegrity(db, file);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    if (isCorruption(error))
      throw new StorageError(`the database at ${file} is corrupted: ${describeCause(error)}`, { cause: error });
    throw new StorageError(`cannot open the database at ${file}: ${describeCause(error)}`, { cause: error });
  }
}

function configure(db: Database, file: string): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal')
    throw new StorageError(`cannot switch the database at ${file} to WAL mode (it stays in ${String(mode)} mode)`);
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed transaction survives the process being
  // killed (it is in the WAL, which the OS still writes out), and only an OS crash or power loss can lose the last
  // few commits. FULL would add that guarantee at an fsync per commit, which a chat bot's audit trail does not need.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function checkIntegrity(db: Database, file: string): void {
  // quick_check skips the index-versus-table comparison of integrity_check: enough to catch a damaged file, and fast.
  const problems = (db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>).map(
    (row) => row.quick_check,
  );
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new StorageError(`the database at ${file} is corrupted: ${problems.slice(0, 3).join('; ')}`);
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
