import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCUSSION_PROMPTS } from '../../src/study/discussion-prompts.js';
import {
  MEMBER_PERMISSIONS,
  startFakeDiscord,
  type FakeDiscord,
  type InteractionHandle,
  type InteractionRecord,
  type JsonValue,
  type RecordedMessage,
} from '../support/fake-discord/index.js';
import {
  kill9 as killNine,
  readStudyDatabase,
  spawnBot,
  waitUntilReady,
  withinTime,
  type BotProcess,
} from '../support/bot-process.js';
import { temporaryFolder } from '../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../support/tiny-model-location.js';
import { FAKE_TOKEN, secretLeaks } from '../support/fake-token.js';

const EPHEMERAL = 64;
const PUBLIC_THREAD = 11;
const MODERATOR_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | (1n << 34n)).toString();
const ADA = { userId: '1000000000000000601', username: 'ada-mod', permissions: MODERATOR_PERMISSIONS };
const BEN = { userId: '1000000000000000701', username: 'ben-member' };
const CY = { userId: '1000000000000000702', username: 'cy-member' };
const READY_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 5_000;

interface Component {
  custom_id: string;
  label: string;
}
const componentsOf = (message: { components?: JsonValue[] } | null | undefined): Component[] =>
  ((message?.components ?? []) as unknown as Array<{ components: Component[] }>).flatMap((row) => row.components);
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;

// A kill -9 in the middle of a session loses nothing: separate bot processes, one after another, on one DATA_DIR and
// one fake Discord (which, like Discord, outlives the bot).
describe('a study session across kill -9 and restarts', () => {
  let fake: FakeDiscord;
  let folder: string;
  let remove: () => Promise<void>;
  let modChannel: string;
  const running = new Set<BotProcess>();

  const startBot = async (): Promise<BotProcess> => {
    const bot = spawnBot(
      {
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: fake.world.guildId,
        // The moderators' channel comes from the environment's default; /study config only sets the cooldown.
        MOD_LOG_CHANNEL_ID: modChannel,
        INDEX_DIR: folder,
        DATA_DIR: `${folder}/data`,
        MODEL_DIR: TINY_MODEL_ROOT,
        EMBEDDING_MODEL: TINY_MODEL_ID,
        MODEL_CACHE_DIR: `${folder}/cache`,
        ASK_COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
      },
      running,
    );
    // "bot ready" is logged after start-up recovery, so what a crash left unposted is posted by then.
    await waitUntilReady(bot, READY_TIMEOUT_MS);
    return bot;
  };
  const kill9 = async (bot: BotProcess) => {
    expect(await killNine(bot, EXIT_TIMEOUT_MS)).toEqual({ code: null, signal: 'SIGKILL' });
  };

  const replyTo = async (sent: InteractionHandle): Promise<RecordedMessage> => {
    const record = await sent.waitForResponse(answered, { timeoutMs: 10_000 });
    if (!record.original) throw new Error('unreachable: answered');
    return record.original;
  };
  const study = (
    sub: string,
    who: typeof ADA | typeof BEN,
    where: { channelId?: string; channelType?: number } = {},
    options: JsonValue[] = [],
  ) =>
    fake.sendInteraction(
      fake.chatInput({ name: 'study', options: [{ name: sub, type: 1, options }], ...who, ...where }),
    );
  const ask = (question: string, who: typeof BEN, threadId: string) =>
    fake.sendInteraction(
      fake.chatInput({
        name: 'ask',
        options: [{ name: 'question', type: 3, value: question }],
        ...who,
        channelId: threadId,
        channelType: PUBLIC_THREAD,
      }),
    );
  const postsIn = (channelId: string) =>
    fake.channelMessages(channelId).filter((message) => message.source === 'channel');
  const copiesOf = (questionId: number) =>
    postsIn(modChannel).filter((message) =>
      JSON.stringify(message.history[0]?.body.components ?? []).includes(`"m1.a.${questionId}"`),
    );
  const passagesIn = (threadId: string) =>
    postsIn(threadId)
      .map((message) => /^\*\*Passage ¶(\d+)\*\*/u.exec(message.content ?? '')?.[1])
      .filter((number) => number !== undefined);
  const readDatabase = <T>(read: (db: Database.Database) => T): T => readStudyDatabase(`${folder}/data`, read);

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    ({ folder, remove } = await temporaryFolder('study-restart'));
    modChannel = fake.addTextChannel('mods');
  });
  afterAll(async () => {
    for (const bot of running) bot.child.kill('SIGKILL');
    await Promise.all(
      [...running].map((bot) => withinTime(bot.exited, EXIT_TIMEOUT_MS, 'SIGKILL').catch(() => undefined)),
    );
    await fake?.close();
    await remove?.();
  });

  it('continues from the right passage, keeps the queue, and honours Approve on old mod-channel messages after kill -9', async () => {
    // First process: configure, start, advance once, queue two questions; killed in the middle of the second: it is
    // stored, but its moderators' copy is held on the way to Discord when the process dies.
    const first = await startBot();
    expect((await replyTo(study('config', ADA, {}, [{ name: 'cooldown', type: 4, value: 0 }]))).content).toContain(
      `Moderators’ channel: <#${modChannel}>`,
    );
    const started = await replyTo(study('start', ADA, {}, [{ name: 'section', type: 3, value: 'state' }]));
    const threadId = /^Session started in <#(\d+)>, on ¶6\.$/u.exec(started.content ?? '')?.[1] ?? '';
    expect(threadId).not.toBe('');
    const inThread = { channelId: threadId, channelType: PUBLIC_THREAD };
    expect(await replyTo(study('next', ADA, inThread))).toMatchObject({ content: 'Posted ¶7.', flags: EPHEMERAL });
    expect((await replyTo(ask('What does he say about cyber attacks?', BEN, threadId))).content).toMatch(
      /^Your question was sent to the moderators \(position 1 in the queue\)/u,
    );
    const [firstCopy, ...extraCopies] = copiesOf(1);
    expect(extraCopies).toEqual([]);
    expect(componentsOf(firstCopy).map((button) => button.custom_id)).toEqual(['m1.a.1', 'm1.r.1']);
    const held = fake.requests.length;
    fake.delayNext({ method: 'POST', path: new RegExp(`^/channels/${modChannel}/messages$`, 'u'), ms: 60_000 });
    const interrupted = ask('Which states does he name?', CY, threadId);
    await expect
      .poll(() => fake.requests.slice(held).some((request) => request.fault === 'delay'), { timeout: 10_000 })
      .toBe(true);
    // The hung post keeps the answer from being ready, so the member's reply is deferred at the budget.
    await expect
      .poll(() => interrupted.record.callbacks.map((callback) => callback.type), { timeout: 5_000 })
      .toEqual([5]);
    await kill9(first);
    expect(
      readDatabase((db) => db.prepare('SELECT id, status, mod_message_id FROM questions ORDER BY id').all()),
    ).toEqual([
      { id: 1, status: 'pending', mod_message_id: firstCopy?.id },
      { id: 2, status: 'pending', mod_message_id: null },
    ]);

    // Second process: the copy the crash left unposted is posted once at start-up and nothing else twice; the queue is
    // intact; /study next goes on from ¶7; Approve on the copy the first process posted works. Killed right after
    // that approval was acknowledged.
    const second = await startBot();
    expect(copiesOf(2)).toHaveLength(1);
    expect(copiesOf(1)).toHaveLength(1);
    expect(passagesIn(threadId)).toEqual(['6', '7']);
    const status = await replyTo(study('status', BEN, inThread));
    expect(status.content).toContain(
      'On the table: ¶7 (State Threats). 2 passages covered. 2 questions waiting for the moderators.',
    );
    expect(await replyTo(study('next', ADA, inThread))).toMatchObject({ content: 'Posted ¶8.' });
    expect(postsIn(threadId).at(-1)?.content).toBe(
      `**Passage ¶8** · State Threats\n**Discussion:** ${DISCUSSION_PROMPTS[2]}`,
    );
    expect(passagesIn(threadId)).toEqual(['6', '7', '8']);
    if (!firstCopy) throw new Error('no moderators’ copy');
    const approve = fake.sendInteraction(
      fake.button({ customId: 'm1.a.1', ...ADA, channelId: modChannel, message: fake.apiMessage(firstCopy) }),
    );
    expect((await replyTo(approve)).content).toBe(
      `Approved: the question and its answer are posted in <#${threadId}>.`,
    );
    const answer = postsIn(threadId).at(-1);
    expect(answer?.content?.split('\n')[0]).toBe(
      `**Question from ${BEN.username}:** What does he say about cyber attacks?`,
    );
    expect((answer?.embeds ?? []).length).toBeGreaterThan(0);
    expect(componentsOf(firstCopy)).toEqual([]);
    await kill9(second);

    // Third process: the approval stuck, nothing is answered twice, and the recovered copy's Reject still works.
    const third = await startBot();
    expect(postsIn(threadId).filter((message) => message.content?.startsWith('**Question from'))).toHaveLength(1);
    expect(copiesOf(2)).toHaveLength(1);
    expect((await replyTo(study('status', BEN, inThread))).content).toContain(
      'On the table: ¶8 (State Threats). 3 passages covered. 1 question waiting for the moderators.',
    );
    const [secondCopy] = copiesOf(2);
    if (!secondCopy) throw new Error('no recovered copy');
    const reject = await fake
      .sendInteraction(
        fake.button({ customId: 'm1.r.2', ...ADA, channelId: modChannel, message: fake.apiMessage(secondCopy) }),
      )
      .waitForCallback({ timeoutMs: 10_000 });
    expect(reject).toMatchObject({ type: 9, data: { custom_id: 'm1.m.2' } });
    const submitted = fake.sendInteraction(
      fake.modalSubmit({
        customId: 'm1.m.2',
        fields: { reason: 'Covered in ¶8.' },
        ...ADA,
        channelId: modChannel,
        message: fake.apiMessage(secondCopy),
      }),
    );
    expect((await replyTo(submitted)).content).toBe('Rejected; the author was told privately.');
    expect(componentsOf(secondCopy).map((button) => button.label)).toEqual(['Reopen']);

    // Stopped cleanly at last; the audit log has each action once.
    third.child.kill('SIGTERM');
    expect(await withinTime(third.exited, EXIT_TIMEOUT_MS, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(readDatabase((db) => db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all())).toEqual([
      { action: 'config', detail: '{"cooldownSeconds":0}' },
      { action: 'start', detail: 'State Threats from ¶6' },
      { action: 'advance', detail: '¶6 → ¶7' },
      { action: 'advance', detail: '¶7 → ¶8' },
      { action: 'approve', detail: 'question 1' },
      { action: 'reject', detail: 'question 2: Covered in ¶8.' },
    ]);
    expect(fake.unknownRequests()).toEqual([]);
    expect(fake.errors).toEqual([]);
    expect(secretLeaks(first.output() + second.output() + third.output())).toEqual([]);
  }, 60_000);
});
