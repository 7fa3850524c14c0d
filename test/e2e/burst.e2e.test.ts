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
});
