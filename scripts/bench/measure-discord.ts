import type { BotHarness } from '../../test/support/bot-harness.js';
import type { InteractionRecord } from '../../test/support/fake-discord/index.js';
import { summarise, type LatencySummary } from './latency-summary.js';

export interface DiscordFigures {
  readonly acknowledgement: LatencySummary;
  readonly answer: LatencySummary;
}

export interface BurstFigures {
  readonly dispatched: number;
  readonly acknowledgedWithin3s: number;
  readonly worstAcknowledgementMs: number;
  readonly answeredExactlyOnce: number;
  readonly lastAnswerMs: number;
}

const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;
const askPayload = (harness: BotHarness, question: string, user: number) =>
  harness.fake.chatInput({
    name: 'ask',
    options: [{ name: 'question', type: 3, value: question }],
    userId: String(1_000_000_000_000_000_000n + BigInt(user)),
  });

/** Answer time: dispatch to the edit that replaced the "thinking…" placeholder. */
function answerMs(record: InteractionRecord): number {
  const edit = record.original?.history.find((entry) => entry.kind === 'edit');
  return (edit?.at ?? Number.NaN) - record.dispatchedAt;
}

/** `/ask` through the bot at rest, one at a time: acknowledgement (dispatch → first callback) and answer latency. */
export async function measureAskThroughDiscord(
  harness: BotHarness,
  questions: readonly string[],
): Promise<DiscordFigures> {
  const acknowledgements: number[] = [];
  const answers: number[] = [];
  for (const [index, question] of questions.entries()) {
    const sent = harness.fake.sendInteraction(askPayload(harness, question, index));
    acknowledgements.push((await sent.waitForCallback({ timeoutMs: 10_000 })).sinceDispatchMs);
    answers.push(answerMs(await sent.waitForResponse(answered, { timeoutMs: 10_000 })));
  }
  return { acknowledgement: summarise(acknowledgements), answer: summarise(answers) };
}

/** `count` /ask dispatched at once, from different members: acknowledged in time, each answered exactly once. */
export async function measureBurst(
  harness: BotHarness,
  questions: readonly string[],
  count: number,
): Promise<BurstFigures> {
  const sent = Array.from({ length: count }, (_, index) =>
    harness.fake.sendInteraction(
      askPayload(harness, questions[index % questions.length] ?? 'encryption', 10_000 + index),
    ),
  );
  // A lost answer is a figure to report (n of 200), not a reason for the whole bench to stop.
  const settled = await Promise.allSettled(
    sent.map((handle) => handle.waitForResponse(answered, { timeoutMs: 60_000 })),
  );
  const records = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const acknowledgements = records.map((record) => record.callbacks[0]?.sinceDispatchMs ?? Number.POSITIVE_INFINITY);
  return {
    dispatched: count,
    acknowledgedWithin3s: acknowledgements.filter((ms) => ms < 3000).length,
    worstAcknowledgementMs: Math.round(Math.max(...acknowledgements, 0)),
    answeredExactlyOnce: records.filter(
      (record) =>
        record.callbacks.length === 1 &&
        record.rejectedCallbacks.length === 0 &&
        record.original?.history.filter((entry) => entry.kind === 'edit').length === 1 &&
        record.followUps.length === 0,
    ).length,
    lastAnswerMs: Math.round(Math.max(...records.map(answerMs), 0)),
  };
}
