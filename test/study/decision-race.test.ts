import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import type { GuildSettings, StudySession } from '../../src/study/study-types.js';
import type { QuestionQueue } from '../../src/study/question-queue.js';
import type { StudyActor } from '../../src/study/require-moderator.js';
import type { StudySessions } from '../../src/study/study-sessions.js';
import { RecordingPublisher, type PublisherCall } from '../support/recording-publisher.js';
import { studyTestServices } from '../support/study-test-context.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';
import type { RaceBotData, RaceBotReply, RaceBotRequest } from './decision-race.worker.js';

/*
 * Two moderators decide the same question at the same moment, through two bot processes (worker threads, each with its
 * own SQLite connection to one study file, its own KeyedSerialQueue and QuestionQueue): the serial queue of one
 * process cannot order them. Each process's store holds its decision at the compare-and-set until the other has
 * reached it too, so both have passed the open check before either writes: only the compare-and-set, and
 * QuestionQueue's reading of its result, can keep the question from being decided, answered or announced twice.
 */

const GUILD = 'guild';
const MODS = 'mods';
const DEFAULTS: Omit<GuildSettings, 'guildId'> = {
  moderatorRoleId: null,
  modChannelId: MODS,
  moderated: true,
  cooldownSeconds: 0,
  blockedTerms: [],
};
const moderatorNamed = (id: string): StudyActor => ({
  id,
  name: id,
  guildId: GUILD,
  permissions: MODERATOR_PERMISSIONS.manageThreads,
  roleIds: [],
});
const ada = moderatorNamed('mod-ada');
const ben = moderatorNamed('mod-ben');

type Decided = Extract<RaceBotReply, { type: 'decided' }>;

/** tsx's ESM API (its `import` export; the CommonJS one cannot be loaded from the worker's bootstrap). */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error('tsx has no ESM API');
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}

/** A bot process in a worker thread, loading its TypeScript through tsx as `npm start` does. */
class BotProcess {
  private readonly worker: Worker;
  private waiting:
    { type: RaceBotReply['type']; resolve: (reply: RaceBotReply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(data: RaceBotData) {
    const tsx = tsxApi();
    const bot = new URL('./decision-race.worker.ts', import.meta.url).href;
    const boot = `const { tsImport } = await import(${JSON.stringify(tsx)});\nawait tsImport(${JSON.stringify(bot)}, ${JSON.stringify(bot)});`;
    this.worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: data });
    this.worker.on('message', (reply: RaceBotReply) => {
      const waiting = this.waiting;
      if (waiting?.type !== reply.type)
        return void (this.failure = new Error(`unexpected ${reply.type} from a bot process`));
      this.waiting = undefined;
      waiting.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a bot process exited (${code})`)));
  }

  ready(): Promise<RaceBotReply> {
    return this.next('ready');
  }

  decide(request: Omit<Extract<RaceBotRequest, { type: 'decide' }>, 'type'>): Promise<Decided> {
    const reply = this.next('decided');
    this.worker.postMessage({ type: 'decide', ...request } satisfies RaceBotRequest);
    return reply as Promise<Decided>;
  }

  async stop(): Promise<void> {
    const stopped = this.next('stopped');
    this.worker.postMessage({ type: 'stop' } satisfies RaceBotRequest);
    await stopped.finally(() => this.worker.terminate());
  }

  private next(type: RaceBotReply['type']): Promise<RaceBotReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { type, resolve, reject };
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = undefined;
  }
}

describe('two moderators deciding one question at once, in two bot processes', () => {
  let removeFolder: () => Promise<void>;
  let repository: SqliteStudyRepository;
  let publisher: RecordingPublisher;
  let queue: QuestionQueue;
  let sessions: StudySessions;
  let session: StudySession;
  const bots: BotProcess[] = [];
  let asked = 0;

  beforeAll(async () => {
    const temporary = await temporaryFolder('decision-race');
    removeFolder = temporary.remove;
    const indexFolder = `${temporary.folder}/index`;
    const file = `${temporary.folder}/study.sqlite`;
    const index = await openTestIndex(indexFolder, { dense: false });
    repository = SqliteStudyRepository.open(file);
    publisher = new RecordingPublisher();
    ({ queue, sessions } = studyTestServices({
      repository,
      publisher,
      index,
      defaults: DEFAULTS,
      now: () => Date.now(),
    }));
    await sessions.start(ada, { channelId: 'channel', section: 'state threats', title: 'Race' });
    const live = sessions.liveSession(publisher.threads[0] ?? '');
    if (!live) throw new Error('no session started');
    session = live;
    bots.push(
      new BotProcess({ file, indexFolder, defaults: DEFAULTS }),
      new BotProcess({ file, indexFolder, defaults: DEFAULTS }),
    );
    await Promise.all(bots.map((bot) => bot.ready()));
  });
  afterAll(async () => {
    await Promise.allSettled(bots.map((bot) => bot.stop()));
    repository?.close();
    await removeFolder?.();
  });

  /** A member's fresh question, queued with its moderators' copy posted (by this, a third, process). */
  async function freshQuestion(): Promise<number> {
    asked += 1;
    await queue.ask(
      session,
      sessions.settings(GUILD),
      { id: `member-${asked}`, name: `Member ${asked}` },
      `How do hostile states threaten the UK, asks member ${asked}?`,
    );
    const question = repository.waiting(session.id).at(-1);
    if (question?.modMessageId == null) throw new Error('the question was not queued for the moderators');
    return question.id;
  }

  /**
   * Sends both decisions at the same moment, one to each process; returns what each process did, in order. Once both
   * have met at the compare-and-set they write at once, SQLite's lock deciding who goes first, or in `writeTurn` order.
   */
  async function race(
    questionId: number,
    decisions: ReadonlyArray<{ actor: StudyActor; decision: 'approve' | 'reject'; writeTurn?: number }>,
  ): Promise<Decided[]> {
    const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    return Promise.all(
      decisions.map(({ actor, decision, writeTurn }, which) =>
        (bots[which] as BotProcess).decide({
          race: shared,
          contenders: decisions.length,
          writeTurn,
          actor,
          questionId,
          decision,
          reason: decision === 'reject' ? `off topic, says ${actor.id}` : null,
        }),
      ),
    );
  }

  /** The race happened: both processes passed the open check and met at the compare-and-set before either wrote. */
  function expectBothPassedTheOpenCheck(results: readonly Decided[]): void {
    expect(results.map((result) => result.atTheDecision)).toEqual([
      { passedOpenCheck: true, metTheOther: true, writtenBeforeArrival: 0 },
      { passedOpenCheck: true, metTheOther: true, writtenBeforeArrival: 0 },
    ]);
  }

  /** Exactly one process won; the other was told the question was decided, naming the winner when it says who. */
  function winnerOf(
    results: readonly Decided[],
    contenders: readonly StudyActor[],
  ): { winner: StudyActor; won: Decided } {
    expect(results.map((result) => (result.outcome.ok ? 'won' : 'refused')).sort()).toEqual(['refused', 'won']);
    const which = results.findIndex((result) => result.outcome.ok);
    const winner = contenders[which] as StudyActor;
    const lost = results[1 - which]?.outcome;
    expect(lost).toMatchObject({ ok: false, name: 'UserFacingError' });
    expect(['decided-meanwhile', 'already-decided']).toContain(lost?.ok === false && lost.code);
    expect(lost?.ok === false && lost.message).toMatch(
      new RegExp(
        `^(This question was just decided by another moderator\\.|This question was already (approved|rejected) by <@${winner.id}>\\.)$`,
        'u',
      ),
    );
    return { winner, won: results[which] as Decided };
  }

  const callsOf = (results: readonly Decided[]): PublisherCall[] => results.flatMap((result) => result.calls);
  const answersTo = (questionId: number, calls: readonly PublisherCall[]) =>
    calls.filter((call) => call.method === 'post' && call.nonce === `answer-${questionId}`);
  const decisionLines = (questionId: number, calls: readonly PublisherCall[]) =>
    calls.filter(
      (call) =>
        call.method === 'post' &&
        call.channel === MODS &&
        new RegExp(`(approved|rejected) question ${questionId} `, 'u').test(call.view?.content ?? ''),
    );
  const storedDecisions = (questionId: number) =>
    repository
      .auditLog(GUILD)
      .filter(
        (entry) =>
          (entry.action === 'approve' || entry.action === 'reject') &&
          (entry.detail === `question ${questionId}` || entry.detail.startsWith(`question ${questionId}:`)),
      );

  it('two Approves: one wins and posts the answer once; the other is told it was already decided', async () => {
    const questionId = await freshQuestion();
    const results = await race(questionId, [
      { actor: ada, decision: 'approve' },
      { actor: ben, decision: 'approve' },
    ]);
    expectBothPassedTheOpenCheck(results);
    const calls = callsOf(results);
    expect(answersTo(questionId, calls).map((call) => call.channel)).toEqual([session.threadId]);
    const { winner, won } = winnerOf(results, [ada, ben]);
    expect(won.outcome).toEqual({
      ok: true,
      reply: `Approved: the question and its answer are posted in <#${session.threadId}>.`,
    });
    expect(answersTo(questionId, won.calls)).toHaveLength(1);
    expect(decisionLines(questionId, calls).map((call) => call.view?.content)).toEqual([
      expect.stringMatching(new RegExp(`^✅ <@${winner.id}> approved`, 'u')),
    ]);
    expect(calls.filter((call) => call.method === 'notify')).toEqual([]);
    expect(storedDecisions(questionId).map(({ action, actorId }) => ({ action, actorId }))).toEqual([
      { action: 'approve', actorId: winner.id },
    ]);
    expect(repository.question(questionId)).toMatchObject({ status: 'answered', decidedBy: winner.id });
  });

  it.each([
    ['Approve', ada, true],
    ['Reject', ben, false],
  ] as const)(
    'an Approve against a Reject, the %s written first: only its effect happens, once',
    async (first, expectedWinner, approved) => {
      const questionId = await freshQuestion();
      const approveTurn = first === 'Approve' ? 0 : 1;
      const results = await race(questionId, [
        { actor: ada, decision: 'approve', writeTurn: approveTurn },
        { actor: ben, decision: 'reject', writeTurn: 1 - approveTurn },
      ]);
      expectBothPassedTheOpenCheck(results);
      const calls = callsOf(results);
      const author = repository.question(questionId)?.authorId;
      expect(answersTo(questionId, calls)).toHaveLength(approved ? 1 : 0);
      expect(calls.filter((call) => call.method === 'notify').map((call) => call.channel)).toEqual(
        approved ? [] : [author],
      );
      const { winner } = winnerOf(results, [ada, ben]);
      expect(winner).toBe(expectedWinner);
      expect(decisionLines(questionId, calls).map((call) => call.view?.content)).toEqual([
        expect.stringMatching(
          new RegExp(`^${approved ? '✅' : '❌'} <@${winner.id}> ${approved ? 'approved' : 'rejected'}`, 'u'),
        ),
      ]);
      expect(storedDecisions(questionId).map(({ action, actorId }) => ({ action, actorId }))).toEqual([
        { action: approved ? 'approve' : 'reject', actorId: winner.id },
      ]);
      expect(repository.question(questionId)).toMatchObject({
        status: approved ? 'answered' : 'rejected',
        decidedBy: winner.id,
      });
    },
  );

  it('two Rejects: the author is told once, with the winner’s reason', async () => {
    const questionId = await freshQuestion();
    const results = await race(questionId, [
      { actor: ada, decision: 'reject' },
      { actor: ben, decision: 'reject' },
    ]);
    expectBothPassedTheOpenCheck(results);
    const calls = callsOf(results);
    const told = calls.filter((call) => call.method === 'notify');
    expect(told).toHaveLength(1);
    const { winner } = winnerOf(results, [ada, ben]);
    expect(told[0]?.text).toContain(`Reason: off topic, says ${winner.id}`);
    expect(answersTo(questionId, calls)).toEqual([]);
    expect(decisionLines(questionId, calls)).toHaveLength(1);
    expect(storedDecisions(questionId).map(({ action, actorId }) => ({ action, actorId }))).toEqual([
      { action: 'reject', actorId: winner.id },
    ]);
    expect(repository.question(questionId)).toMatchObject({
      status: 'rejected',
      decidedBy: winner.id,
      reason: `off topic, says ${winner.id}`,
    });
  });
});
