import { mkdir } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kill9,
  readStudyDatabase,
  spawnBot,
  waitUntilReady,
  withinTime,
  type BotProcess,
} from '../support/bot-process.js';
import {
  MEMBER_PERMISSIONS,
  startFakeDiscord,
  type FakeDiscord,
  type InteractionHandle,
  type JsonValue,
  type RecordedMessage,
} from '../support/fake-discord/index.js';
import { mulberry32 } from '../support/seeded-random.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';
import { FAKE_TOKEN, secretLeaks } from '../support/fake-token.js';
import { escapeMarkdown } from '../../src/discord/escape-markdown.js';

// Issue 6: kill -9 of the bot twenty times during an active study session with questions queued and moderator actions
// in flight. After each kill the database must hold everything a user was told happened, and be consistent; after the
// last restart, recovery must have posted every pending question for the moderators, and every approved answer exactly
// once.

const PUBLIC_THREAD = 11;
const CYCLES = 20;
const SEED = 0x6b1115;
const MAX_KILL_DELAY_MS = 400;
const READY_TIMEOUT_MS = 20_000;
const MODERATOR_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | (1n << 34n)).toString();
const ADA = { userId: '1000000000000000601', username: 'ada-mod', permissions: MODERATOR_PERMISSIONS };
// Many members, so that the per-member limit on waiting questions (3) seldom refuses an /ask.
const MEMBERS = Array.from({ length: 12 }, (_, index) => ({
  userId: `10000000000000008${String(index).padStart(2, '0')}`,
  username: `member-${index}`,
}));

type Action =
  | { kind: 'next' | 'pause' | 'resume'; handle: InteractionHandle }
  | { kind: 'goto'; paragraph: number; handle: InteractionHandle }
  | { kind: 'approve' | 'reject'; questionId: number; handle: InteractionHandle }
  | { kind: 'ask'; text: string; handle: InteractionHandle };

interface SessionRow {
  id: number;
  status: string;
  current_paragraph: number;
  covered: string;
  thread_id: string;
}
interface QuestionRow {
  id: number;
  session_id: number;
  text: string;
  status: string;
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  mod_message_id: string | null;
}
interface AuditRow {
  id: number;
  session_id: number | null;
  actor_id: string;
  action: string;
  detail: string;
}
interface Snapshot {
  sessions: SessionRow[];
  questions: QuestionRow[];
  audit: AuditRow[];
}

const finalReply = (handle: InteractionHandle): string | undefined => {
  const original = handle.record.original;
  return original && !original.loading ? (original.content ?? '') : undefined;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a study session under twenty kill -9s with actions in flight', () => {
  let fake: FakeDiscord;
  let folder: string;
  let remove: () => Promise<void>;
  let modChannel: string;
  let paragraphs: number;
  const running = new Set<BotProcess>();

  const env = (): Record<string, string> => ({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.world.guildId,
    MOD_LOG_CHANNEL_ID: modChannel,
    INDEX_DIR: `${folder}/index`,
    DATA_DIR: `${folder}/data`,
    // Lexical mode, the fastest start: an empty model folder and a model id nobody has.
    MODEL_DIR: `${folder}/no-models`,
    EMBEDDING_MODEL: 'test/no-such-model',
    MODEL_CACHE_DIR: `${folder}/cache`,
    ASK_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'info',
  });
  const killedAt: number[] = [];
  let threadId = '';
  let duplicateAnswers = 0;
  const startedAt: number[] = [];
  const startBot = async (): Promise<BotProcess> => {
    startedAt.push(Date.now());
    const bot = spawnBot(env(), running);
    await waitUntilReady(bot, READY_TIMEOUT_MS);
    return bot;
  };

  const postsIn = (channelId: string): RecordedMessage[] =>
    fake.channelMessages(channelId).filter((message) => message.source === 'channel');
  const copyQuestionId = (message: RecordedMessage): number | undefined => {
    const match = /"m1\.a\.(\d+)"/u.exec(JSON.stringify(message.history[0]?.body.components ?? []));
    return match ? Number(match[1]) : undefined;
  };
  const snapshot = (): Snapshot =>
    readStudyDatabase(`${folder}/data`, (db: Database.Database) => ({
      sessions: db
        .prepare('SELECT id, status, current_paragraph, covered, thread_id FROM sessions ORDER BY id')
        .all() as SessionRow[],
      questions: db
        .prepare(
          'SELECT id, session_id, text, status, decided_by, decided_at, reason, mod_message_id FROM questions ORDER BY id',
        )
        .all() as QuestionRow[],
      audit: db
        .prepare('SELECT id, session_id, actor_id, action, detail FROM audit_log ORDER BY id')
        .all() as AuditRow[],
    }));

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    ({ folder, remove } = await temporaryFolder('study-kill-loop'));
    modChannel = fake.addTextChannel('mods');
    await mkdir(`${folder}/no-models`, { recursive: true });
    // One lexical index, built once and reused by every process (a lexical manifest is never stale without a model).
    const index = await openTestIndex(`${folder}/index`, { dense: false });
    paragraphs = index.speech.paragraphs.length;
  });
  afterAll(async () => {
    for (const bot of running) bot.child.kill('SIGKILL');
    await Promise.all([...running].map((bot) => withinTime(bot.exited, 5_000, 'SIGKILL').catch(() => undefined)));
    await fake?.close();
    await remove?.();
  });

  it('keeps the session, the queue and the audit log consistent and loses nothing acknowledged', async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const outputs: string[] = [];

    // Set-up, awaited: a session in a thread on ¶6, with the moderators' channel from the environment.
    const first = await startBot();
    const reply = async (handle: InteractionHandle) =>
      (
        await handle.waitForResponse((record) => record.original !== null && !record.original.loading, {
          timeoutMs: 10_000,
        })
      ).original?.content ?? '';
    const study = (sub: string, where: { channelId?: string; channelType?: number } = {}, options: JsonValue[] = []) =>
      fake.sendInteraction(
        fake.chatInput({ name: 'study', options: [{ name: sub, type: 1, options }], ...ADA, ...where }),
      );
    expect(await reply(study('config', {}, [{ name: 'cooldown', type: 4, value: 0 }]))).toContain(
      `Moderators’ channel: <#${modChannel}>`,
    );
    const started = await reply(study('start', {}, [{ name: 'section', type: 3, value: 'state' }]));
    threadId = /^Session started in <#(\d+)>, on ¶(\d+)\.$/u.exec(started)?.[1] ?? '';
    expect(threadId, started).not.toBe('');
    const inThread = { channelId: threadId, channelType: PUBLIC_THREAD };

    const fire = (questionIds: readonly number[], asked: number): Action => {
      const roll = random();
      if (roll < 0.3) {
        const text = `Kill-loop question ${asked}: what does the speech say about threat ${Math.floor(random() * 1000)}?`;
        const who = pick(MEMBERS);
        return {
          kind: 'ask',
          text,
          handle: fake.sendInteraction(
            fake.chatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: text }], ...who, ...inThread }),
          ),
        };
      }
      if (roll < 0.45) return { kind: 'next', handle: study('next', inThread) };
      if (roll < 0.55) {
        const paragraph = 1 + Math.floor(random() * paragraphs);
        return {
          kind: 'goto',
          paragraph,
          handle: study('goto', inThread, [{ name: 'paragraph', type: 4, value: paragraph }]),
        };
      }
      if (roll < 0.63) return { kind: 'pause', handle: study('pause', inThread) };
      if (roll < 0.73) return { kind: 'resume', handle: study('resume', inThread) };
      const copies = postsIn(modChannel).filter((message) => questionIds.includes(copyQuestionId(message) ?? -1));
      if (copies.length === 0) return { kind: 'next', handle: study('next', inThread) };
      const copy = pick(copies);
      const questionId = copyQuestionId(copy) ?? -1;
      const message = fake.apiMessage(copy);
      if (roll < 0.88)
        return {
          kind: 'approve',
          questionId,
          handle: fake.sendInteraction(
            fake.button({ customId: `m1.a.${questionId}`, ...ADA, channelId: modChannel, message }),
          ),
        };
      return {
        kind: 'reject',
        questionId,
        handle: fake.sendInteraction(
          fake.modalSubmit({
            customId: `m1.m.${questionId}`,
            fields: { reason: `Not now (${questionId}).` },
            ...ADA,
            channelId: modChannel,
            message,
          }),
        ),
      };
    };

    const actions: Action[] = [];
    let kills = 0;
    let asked = 0;
    let bot = first;

    /** (a) and (b): everything acknowledged so far is stored, and the store is consistent. */
    const checkDatabase = (when: string) => {
      const { sessions, questions, audit } = snapshot();
      const where = `${when}`;
      const live = sessions.filter((session) => session.thread_id === threadId && session.status !== 'ended');
      expect(live, `${where}: live sessions in the thread`).toHaveLength(1);
      const session = live[0] as SessionRow;
      const covered = JSON.parse(session.covered) as number[];
      expect(covered, `${where}: covered ascending, unique`).toEqual([...new Set(covered)].sort((a, b) => a - b));
      expect(covered, where).toContain(session.current_paragraph);
      expect(
        covered.every((paragraph) => Number.isInteger(paragraph) && paragraph >= 1 && paragraph <= paragraphs),
        where,
      ).toBe(true);
      const ofSession = audit.filter((row) => row.session_id === session.id);
      expect(
        ofSession.filter((row) => row.action === 'start'),
        where,
      ).toHaveLength(1);
      // The last move stored is where the session stands; every move's target is covered.
      const moves = ofSession
        .filter((row) => row.action === 'advance')
        .map((row) => Number(/→ ¶(\d+)$/u.exec(row.detail)?.[1]));
      if (moves.length > 0) expect(session.current_paragraph, `${where}: last advance`).toBe(moves.at(-1));
      for (const target of moves) expect(covered, where).toContain(target);
      // Pause and resume alternate, and the last one is the session's status.
      const states = ofSession
        .filter((row) => row.action === 'pause' || row.action === 'resume')
        .map((row) => row.action);
      states.forEach((state, index) =>
        expect(state, `${where}: pause/resume #${index}`).toBe(index % 2 === 0 ? 'pause' : 'resume'),
      );
      expect(session.status, `${where}: status after ${states.join(',')}`).toBe(
        states.at(-1) === 'pause' ? 'paused' : 'active',
      );

      const decisions = audit.filter((row) => row.action === 'approve' || row.action === 'reject');
      const decisionRowsFor = (id: number) =>
        decisions.filter((row) => Number(/^question (\d+)(?::|$)/u.exec(row.detail)?.[1]) === id);
      for (const question of questions) {
        expect(['held', 'pending', 'approved', 'rejected', 'answered'], where).toContain(question.status);
        if (question.status === 'held')
          expect(session.status, `${where}: question ${question.id} held while ${session.status}`).toBe('paused');
        const rows = decisionRowsFor(question.id);
        const auto =
          audit.some((row) => row.action === 'auto-reject' && row.session_id === question.session_id) &&
          question.decided_by === null &&
          question.status === 'rejected';
        if (question.status === 'held' || question.status === 'pending' || auto) {
          expect(rows, `${where}: decision rows for undecided question ${question.id}`).toEqual([]);
        } else {
          expect(question.decided_by, `${where}: question ${question.id} decided_by`).toBe(ADA.userId);
          expect(question.decided_at, `${where}: question ${question.id} decided_at`).not.toBeNull();
          expect(
            rows.map((row) => row.action),
            `${where}: audit for question ${question.id}`,
          ).toEqual([question.status === 'rejected' ? 'reject' : 'approve']);
        }
      }
      for (const row of decisions) {
        const question = questions.find(
          (candidate) => candidate.id === Number(/^question (\d+)/u.exec(row.detail)?.[1]),
        );
        expect(
          question,
          `${where}: audit row ${row.id} (${row.action} ${row.detail}) without its question`,
        ).toBeDefined();
        expect(
          row.action === 'approve' ? ['approved', 'answered'] : ['rejected'],
          `${where}: audit ${row.detail}`,
        ).toContain(question?.status);
      }

      // (a) Nothing acknowledged is lost.
      const count = (predicate: (row: AuditRow) => boolean) => ofSession.filter(predicate).length;
      const acked = actions
        .map((action) => ({ action, text: finalReply(action.handle) }))
        .filter((entry): entry is { action: Action; text: string } => entry.text !== undefined);
      const movedTo = new Map<number, number>();
      let pauses = 0;
      let resumes = 0;
      const successes: Record<string, number> = {};
      const succeeded = (kind: string) => (successes[kind] = (successes[kind] ?? 0) + 1);
      for (const { action, text } of acked) {
        const posted = /^Posted ¶(\d+)\.$/u.exec(text);
        if (posted) {
          const target = Number(posted[1]);
          if (action.kind === 'goto') expect(target, where).toBe(action.paragraph);
          expect(covered, `${where}: acknowledged "${text}"`).toContain(target);
          movedTo.set(target, (movedTo.get(target) ?? 0) + 1);
          succeeded('moved');
        } else if (text.startsWith('Approved:') && action.kind === 'approve') {
          const question = questions.find((candidate) => candidate.id === action.questionId);
          expect(question?.status, `${where}: acknowledged approval of ${action.questionId}`).toBe('answered');
          succeeded('approved');
        } else if (text.startsWith('Rejected') && action.kind === 'reject') {
          const question = questions.find((candidate) => candidate.id === action.questionId);
          expect(question?.status, `${where}: acknowledged rejection of ${action.questionId}`).toBe('rejected');
          succeeded('rejected');
        } else if (
          action.kind === 'ask' &&
          /^(Your question was sent to the moderators|Your question is queued|The session is paused: your question is held)/u.test(
            text,
          )
        ) {
          const question = questions.find((candidate) => candidate.text === action.text);
          expect(question, `${where}: acknowledged question "${action.text}"`).toBeDefined();
          succeeded(text.startsWith('The session is paused') ? 'held' : 'queued');
          if (text.startsWith('Your question was sent'))
            expect(question?.mod_message_id, `${where}: sent question ${question?.id}`).not.toBeNull();
        } else if (text === 'The session is paused: questions are held until it resumes.') {
          pauses += 1;
          succeeded('paused');
        } else if (text === 'The session has resumed.') {
          resumes += 1;
          succeeded('resumed');
        }
      }
      // A refusal is fine (already paused, already decided, too many waiting); a fault shown to a user is not.
      expect(
        acked.map(({ text }) => text).filter((text) => text.startsWith('Something went wrong')),
        `${where}: faults shown to users`,
      ).toEqual([]);
      for (const [target, times] of movedTo)
        expect(
          count((row) => row.action === 'advance' && row.detail.endsWith(`→ ¶${target}`)),
          `${where}: moves to ¶${target}`,
        ).toBeGreaterThanOrEqual(times);
      expect(
        count((row) => row.action === 'pause'),
        `${where}: acknowledged pauses`,
      ).toBeGreaterThanOrEqual(pauses);
      expect(
        count((row) => row.action === 'resume'),
        `${where}: acknowledged resumes`,
      ).toBeGreaterThanOrEqual(resumes);
      return { questions, acknowledged: acked.length, successes };
    };

    let undecided: number[] = [];
    let knownMax = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      if (cycle > 1) bot = await startBot();
      const killAfter = Math.floor(random() * MAX_KILL_DELAY_MS);
      const firedAt: number[] = [];
      for (let offset = 0; offset < killAfter; offset += Math.floor(random() * 60)) firedAt.push(offset);
      if (firedAt.length === 0) firedAt.push(0);
      const began = Date.now();
      for (const offset of firedAt) {
        const wait = began + offset - Date.now();
        if (wait > 0) await sleep(wait);
        const seen = postsIn(modChannel)
          .map(copyQuestionId)
          .filter((id): id is number => id !== undefined);
        const action = fire([...new Set([...undecided, ...seen.filter((id) => id > knownMax)])], asked);
        if (action.kind === 'ask') asked += 1;
        actions.push(action);
      }
      const wait = began + killAfter - Date.now();
      if (wait > 0) await sleep(wait);
      killedAt.push(Date.now());
      expect(await kill9(bot)).toEqual({ code: null, signal: 'SIGKILL' });
      kills += 1;
      outputs.push(bot.output());
      const { questions } = checkDatabase(`after kill ${cycle}`);
      undecided = questions.filter((question) => question.status === 'pending').map((question) => question.id);
      knownMax = Math.max(0, ...questions.map((question) => question.id));
    }

    // The last restart: recovery posts what the crashes left unposted, then everything is checked once more.
    const last = await startBot();
    const { questions, acknowledged, successes } = checkDatabase('after the last restart');
    const copies = new Map<number, number>();
    for (const message of postsIn(modChannel)) {
      const id = copyQuestionId(message);
      if (id !== undefined) copies.set(id, (copies.get(id) ?? 0) + 1);
    }
    for (const question of questions.filter((candidate) => candidate.status === 'pending')) {
      expect(question.mod_message_id, `pending question ${question.id} has a moderators' copy`).not.toBeNull();
      expect(copies.get(question.id) ?? 0, `copies of question ${question.id}`).toBeGreaterThanOrEqual(1);
    }
    // Every answer the store says was approved is posted exactly once, in its session's thread. Recovery posts, before
    // "bot ready", the answer of every question approved in a session that has not ended (and marks it answered); a
    // question approved in a session that ended before its answer was posted is never posted after the end (its thread
    // is locked), so it may have no post, but never two. An undecided or rejected question has none.
    const { sessions } = snapshot();
    const live = new Set(sessions.filter((session) => session.status !== 'ended').map((session) => session.id));
    expect(
      questions
        .filter((question) => question.status === 'approved' && live.has(question.session_id))
        .map((question) => question.id),
      'approved in a live session, unanswered after recovery',
    ).toEqual([]);
    const threadOf = new Map(sessions.map((session) => [session.id, session.thread_id]));
    const answerPosts = [...new Set(threadOf.values())].flatMap((thread) =>
      postsIn(thread).flatMap((message) => {
        const text = /^\*\*Question from [^*]+:\*\* (.*)$/mu.exec(message.content ?? '')?.[1];
        return text === undefined ? [] : [{ thread, text, at: message.createdAt }];
      }),
    );
    // The post shows the question on one line, escaped.
    const shown = (question: QuestionRow) => escapeMarkdown(question.text.replace(/\s+/gu, ' '));
    const postsOf = (question: QuestionRow) =>
      answerPosts.filter((post) => post.thread === threadOf.get(question.session_id) && post.text === shown(question));
    const allowed = (question: QuestionRow): number[] =>
      question.status === 'answered'
        ? [1]
        : question.status === 'approved' && !live.has(question.session_id)
          ? [0, 1]
          : [0];
    // An answer whose post reached Discord just before a kill is posted again by start-up recovery with the same
    // nonce, which Discord (and the fake) turns into the first message: never twice.
    const wrong = questions
      .filter((question) => !allowed(question).includes(postsOf(question).length))
      .map((question) => ({
        question: question.id,
        status: question.status,
        posted: postsOf(question).map((post) => post.at),
        kills: killedAt,
        starts: startedAt,
      }));
    expect(
      wrong,
      'answer posts per question: one for each answered question, none for an undecided or rejected one',
    ).toEqual([]);
    expect(
      answerPosts.filter(
        (post) =>
          !questions.some(
            (question) => post.thread === threadOf.get(question.session_id) && post.text === shown(question),
          ),
      ),
      'answer posts of no question',
    ).toEqual([]);
    duplicateAnswers = questions.filter((question) => postsOf(question).length > 1).length;
    const answered = questions.filter((question) => question.status === 'answered').length;
    // The loop must have approved some questions, or there is nothing to check.
    expect(answered, 'answered questions').toBeGreaterThan(0);

    last.child.kill('SIGTERM');
    expect(await withinTime(last.exited, 5_000, 'SIGTERM')).toEqual({ code: 0, signal: null });
    outputs.push(last.output());
    expect(secretLeaks(outputs.join(''))).toEqual([]);
    expect(fake.errors).toEqual([]);

    const duplicateCopies = [...copies.values()].filter((times) => times > 1).length;
    const byStatus = questions.reduce<Record<string, number>>(
      (counts, question) => ({ ...counts, [question.status]: (counts[question.status] ?? 0) + 1 }),
      {},
    );
    console.log(
      `study kill loop: ${CYCLES} cycles, ${kills} kills, ${actions.length} actions fired, ${acknowledged} acknowledged (${JSON.stringify(successes)} as done, the rest refused), questions ${JSON.stringify(byStatus)}, ${duplicateCopies} duplicated moderators' copies, ${answered} answers posted once each, ${duplicateAnswers} posted twice`,
    );
  }, 120_000);

  // A kill -9 after Discord stored the answer but before the question was marked answered: recovery posts it again,
  // with the same nonce, so Discord returns the first message instead of creating a second.
  it('posts an approved answer once even when killed right after Discord stored it', async () => {
    expect(threadId).not.toBe('');
    const bot = await startBot();
    const inThread = { channelId: threadId, channelType: PUBLIC_THREAD };
    // The loop may have left the session paused: resume it (or be told it is not paused).
    await fake
      .sendInteraction(
        fake.chatInput({ name: 'study', options: [{ name: 'resume', type: 1, options: [] }], ...ADA, ...inThread }),
      )
      .waitForResponse((record) => record.original !== null && !record.original.loading, { timeoutMs: 10_000 });
    const text = 'Kill-window question: what does he say about espionage?';
    const member = { userId: '1000000000000000901', username: 'dee-member' };
    const asked = fake.sendInteraction(
      fake.chatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: text }], ...member, ...inThread }),
    );
    const told =
      (
        await asked.waitForResponse((record) => record.original !== null && !record.original.loading, {
          timeoutMs: 10_000,
        })
      ).original?.content ?? '';
    expect(told).toMatch(/^Your question was sent to the moderators/u);
    const copy = postsIn(modChannel).find(
      (message) =>
        JSON.stringify(message.history[0]?.body.components ?? []).includes('"m1.a.') &&
        /Kill-window question/u.test(JSON.stringify(message.history[0]?.body ?? {})),
    );
    if (!copy) throw new Error('no moderators’ copy');
    const questionId = copyQuestionId(copy) ?? -1;
    const answerPosts = () => postsIn(threadId).filter((message) => (message.content ?? '').includes(`:** ${text}`));
    const approve = fake.sendInteraction(
      fake.button({ customId: `m1.a.${questionId}`, ...ADA, channelId: modChannel, message: fake.apiMessage(copy) }),
    );
    // The waiter's predicate runs synchronously on every change in the fake: it kills the bot as soon as the answer is stored.
    void approve
      .waitForResponse(
        () => {
          if (answerPosts().length > 0 && bot.child.exitCode === null && bot.child.signalCode === null)
            bot.child.kill('SIGKILL');
          return answerPosts().length > 0;
        },
        { timeoutMs: 15_000 },
      )
      .catch(() => undefined);
    expect(await withinTime(bot.exited, 15_000, 'the kill on the answer')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(answerPosts()).toHaveLength(1);
    const restarted = await startBot();
    restarted.child.kill('SIGTERM');
    await withinTime(restarted.exited, 5_000, 'SIGTERM');
    expect(answerPosts(), 'the answer, once').toHaveLength(1);
  }, 60_000);
});
