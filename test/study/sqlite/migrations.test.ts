import { copyFileSync, mkdirSync, openSync, writeFileSync, writeSync, closeSync, chmodSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/study/adapters/sqlite/migrations.js';
import { openDatabase } from '../../../src/study/adapters/sqlite/open-database.js';
import { StorageError } from '../../../src/study/adapters/sqlite/storage-error.js';
import { prepareStudyStatements } from '../../../src/study/adapters/sqlite/study-statements.js';

const TABLES = [
  'answers',
  'audit_log',
  'guild_settings',
  'member_names',
  'question_askers',
  'question_drafts',
  'questions',
  'ratings',
  'session_activity',
  'session_readings',
  'sessions',
];
const LATEST = MIGRATIONS.length;

describe('the study database schema', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'storage-migrations-'));
  });
  afterEach(async () => {
    chmodSync(folder, 0o700);
    await rm(folder, { recursive: true, force: true });
  });

  const tables = (db: BetterSqlite3.Database): string[] =>
    db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
  const addSettings = (db: BetterSqlite3.Database): void => {
    db.prepare(`INSERT INTO guild_settings VALUES ('g1', NULL, NULL, 1, 30, '["spoiler"]')`).run();
  };

  it('creates every table in an empty file and records the version', () => {
    const db = openDatabase(path.join(folder, 'study.sqlite'));
    expect(tables(db)).toEqual(TABLES);
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
  });

  it('applies nothing to an up-to-date file and keeps its data', () => {
    const file = path.join(folder, 'study.sqlite');
    const first = openDatabase(file);
    addSettings(first);
    first.close();

    const again = new BetterSqlite3(file);
    expect(migrate(again)).toEqual([]);
    expect(again.prepare('SELECT blocked_terms FROM guild_settings').pluck().get()).toBe('["spoiler"]');
    again.close();
  });

  it('migrates a file at an older version forward, keeping its data', () => {
    const file = path.join(folder, 'study.sqlite');
    const old = new BetterSqlite3(file);
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual([1]);
    addSettings(old);
    const next = [
      ...MIGRATIONS,
      { version: LATEST + 1, name: 'notes', sql: 'ALTER TABLE guild_settings ADD COLUMN notes TEXT' },
    ];
    expect(migrate(old, next)).toEqual(next.slice(1).map((migration) => migration.version));
    expect(schemaVersion(old)).toBe(LATEST + 1);
    expect(old.prepare('SELECT guild_id, notes FROM guild_settings').get()).toEqual({ guild_id: 'g1', notes: null });
    old.close();
  });

  it('rolls a failing migration back whole, leaving the file at the previous version', () => {
    const db = new BetterSqlite3(path.join(folder, 'study.sqlite'));
    migrate(db);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST + 1, name: 'broken', sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM nowhere;' },
    ];
    expect(() => migrate(db, broken)).toThrow(StorageError);
    expect(() => migrate(db, broken)).toThrow(/to version \d+ \(broken\).*no such table: nowhere/u);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(tables(db)).not.toContain('extra');
    db.close();
  });

  it('refuses a file written by a newer release', () => {
    const file = path.join(folder, 'study.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(new RegExp(`${escape(file)} is at schema version ${LATEST + 5}`, 'u'));
  });

  // A raid of askers can fill one session's queue with thousands of questions: each statement a question or button
  // runs must then find its rows through an index, not read the table (the per-member count once did).
  it('runs every statement of the study store through an index or key, never a whole-table scan, and counts a queue from an index alone', () => {
    const db = openDatabase(path.join(folder, 'study.sqlite'));
    const planOf = (source: string): string[] => {
      const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${source}`);
      const named = [...source.matchAll(/@(\w+)/gu)].map((match) => [match[1], null]);
      const parameters: unknown[] =
        named.length > 0 ? [Object.fromEntries(named)] : Array.from(source.matchAll(/\?/gu), () => null);
      return explain.all(...parameters).map((row) => row.detail);
    };
    const plans = Object.entries(prepareStudyStatements(db)).map(([name, statement]) => ({
      name,
      plan: planOf(statement.source),
    }));
    expect(plans.filter(({ plan }) => plan.length > 0).length).toBeGreaterThan(15);
    expect(plans.filter(({ plan }) => plan.some((step) => step.startsWith('SCAN')))).toEqual([]);
    // Asked on every question: counted from an index alone, reading no question row (the count still walks the index).
    for (const counted of ['waitingFrom', 'waitingUpTo'])
      expect(plans.find(({ name }) => name === counted)?.plan.join()).toMatch(
        /^SEARCH questions USING COVERING INDEX/u,
      );
    db.close();
  });

  it('opens in WAL mode with NORMAL sync, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(folder, 'nested', 'deeper', 'study.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('fails with a StorageError naming the file when its header is garbage', () => {
    const file = path.join(folder, 'study.sqlite');
    const db = openDatabase(file);
    addSettings(db);
    db.close();
    const copy = path.join(folder, 'copy.sqlite');
    copyFileSync(file, copy);
    overwrite(copy, 0, 100);
    expect(() => openDatabase(copy)).toThrow(StorageError);
    expect(() => openDatabase(copy)).toThrow(new RegExp(`the database at ${escape(copy)} is corrupted`, 'u'));
  });

  it('fails with a StorageError naming the file when a table page is damaged', () => {
    const file = path.join(folder, 'study.sqlite');
    const db = openDatabase(file);
    addSettings(db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    overwrite(file, pageSize, pageSize);
    expect(() => openDatabase(file)).toThrow(new RegExp(`the database at ${escape(file)} is corrupted`, 'u'));
  });

  it('fails with a StorageError naming the folder when it cannot be written', () => {
    let file: string;
    if (process.getuid?.() === 0) {
      // chmod does not stop root, but nothing can create a folder where a regular file already is.
      const blocker = path.join(folder, 'not-a-folder');
      writeFileSync(blocker, 'x');
      file = path.join(blocker, 'study.sqlite');
    } else {
      const locked = path.join(folder, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      file = path.join(locked, 'study.sqlite');
    }
    expect(() => openDatabase(file)).toThrow(StorageError);
    expect(() => openDatabase(file)).toThrow(new RegExp(escape(path.dirname(file)), 'u'));
  });
});

function overwrite(file: string, offset: number, length: number): void {
  const descriptor = openSync(file, 'r+');
  writeSync(descriptor, Buffer.alloc(length, 0xa5), 0, length, offset);
  closeSync(descriptor);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
