import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerInTime, type InTimeInteraction } from '../../src/discord/adapters/answer-in-time.js';
import type { MessageView } from '../../src/discord/message-view.js';

const VIEW: MessageView = { content: 'the answer', embeds: [], buttons: [] };
const BUDGET = 1500;

/** An interaction that records what was sent to it, and when. */
function recordingInteraction(createdAgoMs = 0) {
  const sent: Array<{ call: 'reply' | 'deferReply' | 'editReply'; at: number; body: unknown }> = [];
  const record = (call: 'reply' | 'deferReply' | 'editReply') => (body: unknown) => {
    sent.push({ call, at: Date.now(), body });
    return Promise.resolve(undefined as never);
  };
  const interaction = {
    createdTimestamp: Date.now() - createdAgoMs,
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
  } as unknown as InTimeInteraction;
  return { interaction, sent, calls: () => sent.map((entry) => entry.call) };
}
const after = <T>(ms: number, value: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, ms),
  );
const timing = { budgetMs: BUDGET, now: () => Date.now() };
/** `answerInTime` with an answer that is ready after `readyMs`. */
const answerReadyAfter = (interaction: InTimeInteraction, readyMs: number, isPrivate: boolean) =>
  answerInTime(
    interaction,
    after(readyMs, () => VIEW),
    { ...timing, private: isPrivate },
  );

describe('answering in the first response when the answer is ready in time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends an answer ready within the budget as the one first response, ephemeral when private', async () => {
    const { interaction, sent, calls } = recordingInteraction();
    const answered = answerReadyAfter(interaction, 300, true);
    await vi.advanceTimersByTimeAsync(300);
    await expect(answered).resolves.toMatchObject({ path: 'direct' });
    expect(calls()).toEqual(['reply']);
    expect(sent[0]?.body).toMatchObject({ content: 'the answer', flags: 64 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls()).toEqual(['reply']);
  });

  it('defers at the budget, not before, and edits the answer in when it is ready', async () => {
    const { interaction, sent, calls } = recordingInteraction();
    const answered = answerReadyAfter(interaction, 2_400, false);
    await vi.advanceTimersByTimeAsync(BUDGET - 1);
    expect(calls()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls()).toEqual(['deferReply']);
    expect(sent[0]?.body).toEqual({});
    await vi.advanceTimersByTimeAsync(900);
    await expect(answered).resolves.toMatchObject({ path: 'deferred' });
    expect(calls()).toEqual(['deferReply', 'editReply']);
    expect(sent[1]?.at).toBe(1_700_000_000_000 + 2_400);
  });

  it('keeps a private answer private on the deferred path too', async () => {
    const { interaction, sent } = recordingInteraction();
    const answered = answerReadyAfter(interaction, 2_000, true);
    await vi.advanceTimersByTimeAsync(2_000);
    await answered;
    expect(sent[0]).toMatchObject({ call: 'deferReply', body: { flags: 64 } });
  });

  it('sends exactly one first response when the answer completes at the budget’s edge', async () => {
    for (const readyAt of [BUDGET - 1, BUDGET, BUDGET + 1]) {
      const { interaction, calls } = recordingInteraction();
      const answered = answerReadyAfter(interaction, readyAt, false);
      await vi.advanceTimersByTimeAsync(3_000);
      const { path } = await answered;
      expect({ readyAt, calls: calls() }).toEqual({
        readyAt,
        calls: path === 'direct' ? ['reply'] : ['deferReply', 'editReply'],
      });
      expect(calls().filter((call) => call !== 'editReply')).toHaveLength(1);
    }
  });

  it('waits no longer than the budget when the interaction seems to come from the future (a clock behind Discord’s)', async () => {
    const { interaction, calls } = recordingInteraction(-5_000);
    const answered = answerReadyAfter(interaction, 2_000, false);
    await vi.advanceTimersByTimeAsync(BUDGET);
    expect(calls()).toEqual(['deferReply']);
    await vi.advanceTimersByTimeAsync(500);
    await expect(answered).resolves.toMatchObject({ path: 'deferred' });
  });

  it('counts the budget from the interaction’s creation: one created long ago is deferred at once', async () => {
    const { interaction, calls } = recordingInteraction(5_000);
    const answered = answerReadyAfter(interaction, 200, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls()).toEqual(['deferReply']);
    await vi.advanceTimersByTimeAsync(200);
    await expect(answered).resolves.toMatchObject({ path: 'deferred' });
  });

  it.each([
    { failsAt: 100, sent: [], when: 'before the budget, with nothing sent' },
    { failsAt: 2_000, sent: ['deferReply'], when: 'after the deferral, with only the deferral sent' },
  ])('throws a failure $when', async ({ failsAt, sent }) => {
    const { interaction, calls } = recordingInteraction();
    const failing = answerInTime(
      interaction,
      after(failsAt, () => {
        throw new Error('the search failed');
      }),
      { ...timing, private: false },
    );
    const outcome = expect(failing).rejects.toThrow('the search failed');
    await vi.advanceTimersByTimeAsync(failsAt);
    await outcome;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls()).toEqual(sent);
  });
});
