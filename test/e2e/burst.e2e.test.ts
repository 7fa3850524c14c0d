import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// Properties of a burst that are not timings (the timings are `npm run bench`'s): every interaction is acknowledged
// once and answered once, none lost and none twice.
describe('a burst of /ask', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ dense: true });
  });
  afterAll(async () => harness?.close());

  it('answers each of 40 simultaneous questions exactly once, each in its first response', async () => {
    const questions = [
      'encryption',
      'Russia and China',
      'terrorist plots',
      'the Integrated Review',
      'Northern Ireland',
    ];
    const sent = Array.from({ length: 40 }, (_, index) =>
      harness.fake.sendInteraction(
        harness.fake.chatInput({
          name: 'ask',
          options: [{ name: 'question', type: 3, value: questions[index % questions.length] ?? '' }],
          userId: String(2_000_000_000_000_000_000n + BigInt(index)),
        }),
      ),
    );
    const records = await Promise.all(
      sent.map((handle) =>
        handle.waitForResponse((record) => record.original !== null && !record.original.loading, { timeoutMs: 20_000 }),
      ),
    );
    for (const record of records) {
      expect(record.callbacks.map((callback) => callback.type)).toEqual([4]);
      expect(record.rejectedCallbacks).toEqual([]);
      expect(record.original?.history.filter((entry) => entry.kind === 'edit')).toHaveLength(0);
      expect(record.original?.embeds?.length).toBeGreaterThan(0);
      expect(record.followUps).toEqual([]);
    }
  });

  it('answers the first of a slow burst in their first response and defers the rest at the budget, each once', async () => {
    // A retriever that takes 40 ms per question, one at a time, as the model's queue does: 30 questions need 1.2 s.
    let queue = Promise.resolve();
    const slow = await startBotHarness({
      answerBudgetMs: 400,
      wrapRetriever: (inner) => ({
        mode: inner.mode,
        ask: (question, options) => {
          const turn = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));
          queue = turn;
          return turn.then(() => inner.ask(question, options));
        },
      }),
    });
    try {
      const sent = Array.from({ length: 30 }, (_, index) =>
        slow.fake.sendInteraction(
          slow.fake.chatInput({
            name: 'ask',
            options: [{ name: 'question', type: 3, value: 'encryption' }],
            userId: String(3_000_000_000_000_000_000n + BigInt(index)),
          }),
        ),
      );
      const records = await Promise.all(
        sent.map((handle) =>
          handle.waitForResponse((record) => record.original !== null && !record.original.loading, {
            timeoutMs: 10_000,
          }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const paths = records.map((record) => record.callbacks.map((callback) => callback.type));
      for (const record of records) {
        expect(record.callbacks).toHaveLength(1);
        expect(record.callbacks[0]?.sinceDispatchMs).toBeLessThan(3000);
        expect(record.rejectedCallbacks).toEqual([]);
        const edits = record.original?.history.filter((entry) => entry.kind === 'edit').length;
        expect(edits).toBe(record.callbacks[0]?.type === 5 ? 1 : 0);
      }
      const direct = paths.filter((types) => types[0] === 4).length;
      expect(direct).toBeGreaterThan(0);
      expect(direct).toBeLessThan(30);
      // First come first served: the answers in the first response are the first questions.
      expect(paths.slice(0, direct).every((types) => types[0] === 4)).toBe(true);
    } finally {
      await slow.close();
    }
  });
});
