import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import type { InteractionHandle, InteractionRecord } from '../support/fake-discord/index.js';
import { mulberry32 } from '../support/seeded-random.js';

// Discord faults against the loopback fake (issue 6): gateway drops of every kind during a stream of interactions,
// REST 429/500/502, and slow REST. Every loop is bounded in count and every wait in time.

type Kind = 'ask' | 'quote' | 'about';
interface Sent {
  readonly kind: Kind;
  readonly handle: InteractionHandle;
}

const QUESTIONS = [
  'encryption',
  'Russia and China',
  'terrorist plots',
  'the Integrated Review',
  'Northern Ireland',
  'cyber attacks',
];
let nextUser = 0n;
const freshUserId = (): string => String(3_000_000_000_000_000_000n + (nextUser += 1n));

/** Sends one /ask, /quote (single paragraph) or /about from a user never seen before. */
function send(harness: BotHarness, kind: Kind, index: number): Sent {
  const { fake } = harness;
  const userId = freshUserId();
  const paragraphs = harness.index.speech.paragraphs.length;
  const payload =
    kind === 'ask'
      ? fake.chatInput({
          name: 'ask',
          options: [{ name: 'question', type: 3, value: QUESTIONS[index % QUESTIONS.length] ?? 'encryption' }],
          userId,
        })
      : kind === 'quote'
        ? fake.chatInput({
            name: 'quote',
            options: [{ name: 'paragraph', type: 4, value: 1 + (index % paragraphs) }],
            userId,
          })
        : fake.chatInput({ name: 'about', userId });
  return { kind, handle: fake.sendInteraction(payload) };
}

const kindOf = (index: number): Kind => (['ask', 'quote', 'about'] as const)[index % 3] ?? 'about';

/** Complete: acknowledged, and for a deferred /ask, the "thinking…" placeholder edited. */
const complete = (sent: Sent): boolean => {
  const record = sent.handle.record;
  if (record.callbacks.length === 0) return false;
  return sent.kind !== 'ask' || (record.original !== null && !record.original.loading);
};

/** The ways an interaction was not answered exactly once; empty when it was. */
function problems(sent: Sent): string[] {
  const record: InteractionRecord = sent.handle.record;
  const found: string[] = [];
  if (record.callbacks.length !== 1) found.push(`${record.callbacks.length} accepted callbacks`);
  if (record.rejectedCallbacks.length > 0)
    found.push(`rejected callbacks ${JSON.stringify(record.rejectedCallbacks.map((entry) => entry.code))}`);
  if (record.followUps.length > 0) found.push(`${record.followUps.length} follow-ups`);
  // An /ask is answered in its first response (4) when ready within the budget, else deferred (5) and edited once.
  const type = record.callbacks[0]?.type;
  const deferred = sent.kind === 'ask' && type === 5;
  if (type !== undefined && type !== 4 && !deferred) found.push(`callback type ${type}`);
  const edits = record.original?.history.filter((entry) => entry.kind === 'edit').length ?? 0;
  if (deferred && edits !== 1) found.push(`${edits} edits of the deferred original`);
  if (!deferred && edits !== 0) found.push(`${edits} edits of an immediate reply`);
  return found.length === 0 ? [] : [`${sent.kind} ${sent.handle.id}: ${found.join(', ')}`];
}

/** Waits (bounded) until every interaction in `sent` is complete, then a quiet moment to catch late duplicates. */
async function settleAnswers(harness: BotHarness, sent: readonly Sent[], timeoutMs: number): Promise<void> {
  const pending = () => sent.filter((entry) => !complete(entry));
  await harness.fake.state.signal.waitFor(
    () => (pending().length === 0 ? true : undefined),
    timeoutMs,
    () =>
      `${pending().length} of ${sent.length} not answered, e.g. ${pending()
        .slice(0, 3)
        .map((entry) => `${entry.kind} ${entry.handle.id}`)
        .join(', ')}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/** Resolves once `condition` holds, re-checked on every change in the fake (bounded by `timeoutMs`). */
const until = (harness: BotHarness, condition: () => boolean, timeoutMs: number, what: string): Promise<true> =>
  harness.fake.state.signal.waitFor(
    () => (condition() ? true : undefined),
    timeoutMs,
    () => what,
  );

describe('the bot under Discord faults, end to end', () => {
  let harness: BotHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('answers every interaction that reached it exactly once while the gateway is dropped, reconnected and invalidated again and again', async () => {
    const bot = await startBotHarness({ cooldownSeconds: 0 });
    harness = bot;
    const { fake } = bot;
    // What the bot's discord.js client actually received, by interaction id (a duplicate would show as 2).
    const received = new Map<string, number>();
    (bot.bot.client as unknown as EventEmitter).on('raw', (packet: { t?: string | null; d?: { id?: string } }) => {
      if (packet.t === 'INTERACTION_CREATE' && typeof packet.d?.id === 'string')
        received.set(packet.d.id, (received.get(packet.d.id) ?? 0) + 1);
    });

    const WAVE = 50;
    const all: Sent[] = [];
    // Which fault round (and which half: before or after the fault) each interaction was sent in.
    const roundOf = new Map<string, string>();
    let round = '';
    const expired = new Set<string>();
    let index = 0;
    const wave = (count: number): Sent[] => {
      const sent = Array.from({ length: count }, () => send(bot, kindOf(index), index++));
      for (const entry of sent) roundOf.set(entry.handle.id, round);
      all.push(...sent);
      return sent;
    };
    // After a fault: wait for the client to be back (a new connection or a new RESUME/IDENTIFY), ready and caught up.
    const reconnected = async (
      before: { connections: number; resumes: number; identifies: number },
      via: 'connection' | 'resume' | 'identify',
    ) => {
      const moved = () =>
        via === 'connection'
          ? fake.connectionCount > before.connections
          : via === 'resume'
            ? fake.resumeCount > before.resumes
            : fake.identifyCount > before.identifies;
      await until(bot, moved, 15_000, `client did not come back after a fault (${via})`);
      await fake.waitForReady({ timeoutMs: 15_000 });
    };
    const counts = () => ({
      connections: fake.connectionCount,
      resumes: fake.resumeCount,
      identifies: fake.identifyCount,
    });

    type Fault = 'close 4000' | 'abrupt' | 'op 7' | 'op 9 resumable' | 'op 9 not resumable' | 'session expired';
    const schedule: Fault[] = [
      'close 4000',
      'abrupt',
      'op 7',
      'op 9 resumable',
      'op 9 not resumable',
      'close 4000',
      'abrupt',
      'op 7',
      'op 9 resumable',
      'session expired',
      'close 4000',
      'abrupt',
    ];
    const started = Date.now();
    for (const [number, fault] of schedule.entries()) {
      const half = WAVE / 2;
      round = `${number + 1} ${fault}, before`;
      wave(half); // dispatched on a live, ready socket
      round = `${number + 1} ${fault}, after`;
      const before = counts();
      if (fault === 'close 4000' || fault === 'abrupt') {
        const dropping = fake.dropGateway(fault === 'abrupt' ? { abrupt: true } : { code: 4000 });
        wave(half); // buffered for the session: replayed on RESUME
        await dropping;
        await reconnected(before, 'connection');
      } else if (fault === 'op 7') {
        fake.requestReconnect();
        wave(half); // written to a socket the client is closing: it must come back on RESUME if not processed
        await reconnected(before, 'connection');
      } else if (fault === 'op 9 resumable') {
        fake.invalidateSession(true);
        wave(half); // the client resumes on the same socket
        await reconnected(before, 'resume');
      } else if (fault === 'op 9 not resumable') {
        fake.invalidateSession(false); // the session is gone; nothing can be dispatched until the client identifies again
        await reconnected(before, 'identify');
        wave(half);
      } else {
        await fake.dropGateway({ code: 4000 });
        for (const sent of wave(half)) expired.add(sent.handle.id); // buffered for a session Discord then forgets
        fake.expireSession();
        await reconnected(before, 'identify');
      }
    }
    const chaosMs = Date.now() - started;

    const written = new Set(fake.interactionWrites.map((write) => write.id));
    const delivered = all.filter((sent) => written.has(sent.handle.id));
    const lost = all.filter((sent) => !written.has(sent.handle.id));
    await settleAnswers(bot, delivered, 20_000);

    const replayed = fake.interactionWrites.filter((write) => write.replay).length;
    const receivedTwice = new Set([...received].filter(([, count]) => count > 1).map(([id]) => id));
    const byRound = new Map<string, number>();
    for (const id of receivedTwice) byRound.set(roundOf.get(id) ?? '?', (byRound.get(roundOf.get(id) ?? '?') ?? 0) + 1);
    const doubleAcked = delivered.filter((sent) => sent.handle.record.rejectedCallbacks.length > 0);
    const answeredOnce = delivered.filter((sent) => problems(sent).length === 0).length;
    console.info(
      `discord chaos: sent ${all.length}, delivered ${delivered.length} (${replayed} of ${fake.interactionWrites.length} writes were RESUME replays), ` +
        `answered exactly once ${answeredOnce}, acknowledged twice (40060) ${doubleAcked.length}, lost with an expired session ${lost.length}; ` +
        `received by the client ${received.size}, ${receivedTwice.size} of them twice ${JSON.stringify(Object.fromEntries(byRound))}; ` +
        `${fake.resumeCount} resumes, ${fake.identifyCount} identifies, ${fake.connectionCount} connections, chaos ${chaosMs} ms`,
    );

    expect(all.length).toBeGreaterThanOrEqual(500);
    // Nothing that reached the bot went unanswered or was answered twice: one accepted callback of the right type, one
    // edit of a deferred /ask, no follow-ups, not even for an interaction the client was given twice (it is handled once).
    expect(delivered.flatMap(problems)).toEqual([]);
    expect(doubleAcked).toEqual([]);
    // Only the interactions buffered for the expired session were not delivered, and the bot never saw them.
    expect(new Set(lost.map((sent) => sent.handle.id))).toEqual(expired);
    expect(
      lost.every(
        (sent) => sent.handle.record.callbacks.length === 0 && sent.handle.record.rejectedCallbacks.length === 0,
      ),
    ).toBe(true);
    // What the fake wrote is exactly what the client received; double receipts happen only around op 9 (resumable).
    expect(new Set(received.keys())).toEqual(written);
    expect([...byRound.keys()].filter((label) => !label.includes('op 9 resumable'))).toEqual([]);
    expect(replayed).toBeGreaterThan(0);
    expect(fake.errors).toEqual([]);
    expect(fake.unknownRequests()).toEqual([]);
    // And it still answers afterwards.
    const after = send(bot, 'about', 0);
    await settleAnswers(bot, [after], 5000);
    expect(problems(after)).toEqual([]);
  }, 50_000);

  // The gateway can deliver an interaction twice: around an op 9 (resumable) @discordjs/ws may RESUME from a stale
  // sequence number, and the replay repeats interactions already processed. The bot remembers ids it has handled.
  it('handles an interaction the gateway delivers twice only once', async () => {
    const bot = await startBotHarness({ cooldownSeconds: 0 });
    harness = bot;
    const sent = [send(bot, 'about', 0), send(bot, 'ask', 1)];
    await settleAnswers(bot, sent, 5000);
    // What a RESUME replay after a stale seq does: the same INTERACTION_CREATE again, under a new seq.
    for (const entry of sent) bot.fake.dispatch('INTERACTION_CREATE', entry.handle.payload);
    // Dispatches are processed in order: once a later interaction is answered, the repeats have been handled too.
    await settleAnswers(bot, [send(bot, 'about', 2)], 5000);
    expect(sent.flatMap(problems)).toEqual([]);
    expect(bot.logs.filter((line) => line.msg === 'interaction failed')).toEqual([]);
  });

  it('answers every interaction exactly once when a tenth of callbacks and edits fail with 429, 500 or 502', async () => {
    // A budget of 0 defers every /ask, so that each has an edit for the faults to hit.
    const bot = await startBotHarness({ cooldownSeconds: 0, answerBudgetMs: 0 });
    harness = bot;
    const { fake } = bot;
    const random = mulberry32(6);
    const statuses = [429, 500, 502] as const;
    const injected = { callbacks: 0, edits: 0, failures: 0 };
    const all: Sent[] = [];
    for (let waveIndex = 0; waveIndex < 5; waveIndex += 1) {
      for (let offset = 0; offset < 20; offset += 1) {
        const index = waveIndex * 20 + offset;
        const kind = kindOf(index);
        // Faults are armed per interaction (its id and token are in the path) before it is dispatched.
        const payloadUser = freshUserId();
        const paragraphs = bot.index.speech.paragraphs.length;
        const payload =
          kind === 'ask'
            ? fake.chatInput({
                name: 'ask',
                options: [{ name: 'question', type: 3, value: QUESTIONS[index % QUESTIONS.length] ?? 'encryption' }],
                userId: payloadUser,
              })
            : kind === 'quote'
              ? fake.chatInput({
                  name: 'quote',
                  options: [{ name: 'paragraph', type: 4, value: 1 + (index % paragraphs) }],
                  userId: payloadUser,
                })
              : fake.chatInput({ name: 'about', userId: payloadUser });
        const arm = (path: RegExp, method: string) => {
          const status = statuses[Math.floor(random() * statuses.length)] ?? 500;
          // @discordjs/rest retries a 5xx 3 times and a 429 after its retry-after: at most 3 failures in a row.
          const times = status === 429 ? 1 : 1 + Math.floor(random() * 3);
          fake.failNext({
            method,
            path,
            status,
            times,
            ...(status === 429 ? { retryAfterSeconds: 0.2 + random() * 0.5 } : {}),
          });
          injected.failures += times;
        };
        if (random() < 0.1) {
          arm(new RegExp(`^/interactions/${payload.id}/[^/]+/callback$`, 'u'), 'POST');
          injected.callbacks += 1;
        }
        if (kind === 'ask' && random() < 0.25) {
          // A third of the calls of a run are /ask edits; a quarter of them is about a tenth of all REST calls.
          arm(
            new RegExp(`^/webhooks/${fake.world.applicationId}/${payload.token}/messages/(?:@|%40)original$`, 'u'),
            'PATCH',
          );
          injected.edits += 1;
        }
        all.push({ kind, handle: fake.sendInteraction(payload) });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await settleAnswers(bot, all, 25_000);

    const answerCalls = fake.requests.filter((request) => /^\/(interactions|webhooks)\//u.test(request.path));
    const failed = answerCalls.filter((request) => request.fault === 'fail');
    console.info(
      `REST faults: ${all.length} interactions, ${answerCalls.length} answer calls of which ${failed.length} failed ` +
        `(429: ${failed.filter((request) => request.status === 429).length}, 500: ${failed.filter((request) => request.status === 500).length}, ` +
        `502: ${failed.filter((request) => request.status === 502).length}); faults armed on ${injected.callbacks} callbacks and ${injected.edits} edits`,
    );
    expect(all.flatMap(problems)).toEqual([]);
    // Every armed fault was hit (none left waiting), so the run really saw them.
    expect(failed).toHaveLength(injected.failures);
    expect(injected.callbacks + injected.edits).toBeGreaterThanOrEqual(8);
    expect(failed.length / answerCalls.length).toBeGreaterThan(0.05);
    expect(fake.errors).toEqual([]);
    const after = send(bot, 'ask', 1);
    await settleAnswers(bot, [after], 5000);
    expect(problems(after)).toEqual([]);
  }, 40_000);

  it('acknowledges a burst of 30 within 3 s while every /ask edit takes 2 s and three callbacks 2 s', async () => {
    // A budget of 0 defers every /ask, so that each is edited: the slow edits are the point here.
    const bot = await startBotHarness({ cooldownSeconds: 0, answerBudgetMs: 0 });
    harness = bot;
    const { fake } = bot;
    const burst = 30;
    const asks = Array.from({ length: burst }, (_, index) => kindOf(index)).filter((kind) => kind === 'ask').length;
    fake.delayNext({ method: 'PATCH', path: /^\/webhooks\//u, ms: 2000, times: asks });
    // Three slow callbacks must not hold back the others (@discordjs/rest sends callbacks in parallel).
    fake.delayNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/u, ms: 2000, times: 3 });
    const sent = Array.from({ length: burst }, (_, index) => send(bot, kindOf(index), index));
    await settleAnswers(bot, sent, 15_000);

    const acks = sent.map((entry) => entry.handle.record.callbacks[0]?.sinceDispatchMs ?? Number.POSITIVE_INFINITY);
    const sorted = [...acks].sort((a, b) => a - b);
    const slowEdits = fake.requests.filter((request) => request.method === 'PATCH' && request.fault === 'delay').length;
    console.info(
      `slow REST: ${burst} interactions, acknowledgements in ${sorted[0]}–${sorted.at(-1)} ms (median ${sorted[Math.floor(burst / 2)]} ms), ${slowEdits} edits delayed 2 s`,
    );
    expect(Math.max(...acks)).toBeLessThan(3000);
    // Only the three delayed callbacks took more than a second.
    expect(acks.filter((ms) => ms >= 1000)).toHaveLength(3);
    expect(slowEdits).toBe(asks);
    expect(sent.flatMap(problems)).toEqual([]);
  }, 30_000);
});
