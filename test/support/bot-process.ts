import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { STUDY_DATABASE_FILE_NAME } from '../../src/app/config.js';

/** `npm start` as a user runs it (`node --import tsx src/main.ts`), configured only through the environment. */
export interface BotProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Spawns the bot; `running` keeps every live process so that the test's teardown can kill what is left. */
export function spawnBot(env: Record<string, string>, running?: Set<BotProcess>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  const bot: BotProcess = {
    child,
    output: () => output,
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  if (running) {
    running.add(bot);
    void bot.exited.then(() => running.delete(bot));
  }
  return bot;
}

/** Resolves once the bot logs "bot ready" (after start-up recovery); throws if it exits first or takes too long. */
export async function waitUntilReady(bot: BotProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!bot.output().includes('bot ready')) {
    if (bot.child.exitCode !== null || bot.child.signalCode !== null)
      throw new Error(`the bot exited before it was ready:\n${bot.output()}`);
    if (Date.now() > deadline) throw new Error(`the bot was not ready within ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** kill -9, resolving with how the process ended. */
export async function kill9(
  bot: BotProcess,
  timeoutMs = 5_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  bot.child.kill('SIGKILL');
  return withinTime(bot.exited, timeoutMs, 'SIGKILL');
}

/** Reads the study database under `dataDir` read-only (safe between processes and beside a running one: WAL). */
export function readStudyDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, STUDY_DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
