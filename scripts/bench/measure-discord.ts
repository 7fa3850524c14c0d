import type { BotHarness } from '../../test/support/bot-harness.js';
import type { InteractionRecord } from '../../test/support/fake-discord/index.js';
import { summarise, type LatencySummary } from './latency-summary.js';

/** How the answers went out: in the first response, or deferred and edited in; and the REST calls each took. */
export interface AnswerPaths {
  readonly direct: number;
  readonly deferred: number;
  /** REST calls to Discord per `/ask` (callback, edits, follow-ups), on average and at most. */
  readonly restCallsPerAsk: number;
  readonly maxRestCallsPerAsk: number;
}

export interface DiscordFigures extends AnswerPaths {
  readonly acknowledgement: LatencySummary;
  readonly answer: LatencySummary;
}

export interface BurstFigures extends AnswerPaths {
  readonly dispatched: number;
  readonly acknowledgedWithin3s: number;
  readonly worstAcknowledgementMs: number;
  readonly answeredExactlyOnce: number;
  readonly lastAnswerMs: number;
  readonly acknowledgement: LatencySummary;
  readonly answer: LatencySummary;
}

const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;
const askPayload = (harness: BotHarness, question: string, user: number) =>
  harness.fake.chatInput({
    name: 'ask',
    options: [{ name: 'question', type: 3, value: question }],
    userId: String(1_000_000_000_000_000_000n + BigInt(user)),
  });

/** Answer time: dispatch to the first response that carried the answer, or to the edit of a deferral. */
function answerMs(record: InteractionRecord): number {
  const first = record.callbacks[0];
  if (first?.type === 4) return first.sinceDispatchMs;
  const edit = record.original?.history.find((entry) => entry.kind === 'edit');
  return (edit?.at ?? Number.NaN) - record.dispatchedAt;
}

/** The answer paths of some interactions, and the REST calls the bot made for each (found by id or token). */
function answerPaths(harness: BotHarness, records: readonly InteractionRecord[], fromRequest: number): AnswerPaths {
  const calls = new Map(records.map((record) => [record.id, 0]));
  const byToken = new Map(records.map((record) => [record.token, record.id]));
  for (const request of harness.fake.requests.slice(fromRequest)) {
    const [, kind, first, second] = /^\/(interactions|webhooks)\/([^/]+)\/([^/]+)/u.exec(request.path) ?? [];
    const id = kind === 'interactions' ? first : byToken.get(second ?? '');
    if (id !== undefined && calls.has(id)) calls.set(id, (calls.get(id) ?? 0) + 1);
  }
  const counts = [...calls.values()];
  return {
    direct: records.filter((record) => record.callbacks[0]?.type === 4).length,
    deferred: records.filter((record) => record.callbacks[0]?.type === 5).length,
    restCallsPerAsk:
      Math.round((counts.reduce((sum, count) => sum + count, 0) / Math.max(1, counts.length)) * 100) / 100,
    maxRestCallsPerAsk: Math.max(0, ...counts),
  };
}

/** `/ask` through the bot at rest, one at a time: acknowledgement (dispatch → first callback) and answer latency. */
export async function measureAskThroughDiscord(
  harness: BotHarness,
  questions: readonly string[],
): Promise<DiscordFigures> {
  const fromRequest = harness.fake.requests.length;
  const records: InteractionRecord[] = [];
  for (const [index, question] of questions.entries()) {
    const sent = harness.fake.sendInteraction(askPayload(harness, question, index));
    records.push(await sent.waitForResponse(answered, { timeoutMs: 10_000 }));
  }
  // A quiet moment, so that a late second call would be counted.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    acknowledgement: summarise(records.map((record) => record.callbacks[0]?.sinceDispatchMs ?? Number.NaN)),
    answer: summarise(records.map(answerMs)),
    ...answerPaths(harness, records, fromRequest),
  };
}

/** `count` /ask dispatched at once, from different members: acknowledged in time, each answered exactly once. */
export async function measureBurst(
  harness: BotHarness,
  questions: readonly string[],
  count: number,
): Promise<BurstFigures> {
  const fromRequest = harness.fake.requests.length;
  const sent = Array.from({ length: count }, (_, index) =>
    harness.fake.sendInteraction(
      askPayload(harness, questions[index % questions.length] ?? 'encryption', 10_000 + index),
    ),
  );
  // A lost answer is a figure to report (n of 200), not a reason for the whole bench to stop.
  const settled = await Promise.allSettled(
    sent.map((handle) => handle.waitForResponse(answered, { timeoutMs: 60_000 })),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const records = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const acknowledgements = records.map((record) => record.callbacks[0]?.sinceDispatchMs ?? Number.POSITIVE_INFINITY);
  const answers = records.map(answerMs);
  return {
    dispatched: count,
    acknowledgedWithin3s: acknowledgements.filter((ms) => ms < 3000).length,
    worstAcknowledgementMs: Math.round(Math.max(...acknowledgements, 0)),
    answeredExactlyOnce: records.filter((record) => {
      const edits = record.original?.history.filter((entry) => entry.kind === 'edit').length;
      const expectedEdits = record.callbacks[0]?.type === 5 ? 1 : 0;
      return (
        record.callbacks.length === 1 &&
        record.rejectedCallbacks.length === 0 &&
        edits === expectedEdits &&
        record.followUps.length === 0
      );
    }).length,
    lastAnswerMs: Math.round(Math.max(...answers, 0)),
    acknowledgement: summarise(acknowledgements),
    answer: summarise(answers),
    ...answerPaths(harness, records, fromRequest),
  };
}
