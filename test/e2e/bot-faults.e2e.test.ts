import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBot } from '../../src/app/compose.js';
import { ConfigError } from '../../src/app/config.js';
import type { Retriever } from '../../src/search/passage-retriever.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import type { InteractionRecord } from '../support/fake-discord/index.js';

const EPHEMERAL = 64;
const askPayload = (harness: BotHarness, question: string, userId?: string) =>
  harness.fake.chatInput({
    name: 'ask',
    options: [{ name: 'question', type: 3, value: question }],
    ...(userId ? { userId } : {}),
  });
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;

/** A retriever that fails, or stalls until released, on questions that say so. */
function faultyRetriever(inner: Retriever, gate: { release?: () => void }): Retriever {
  return {
    mode: inner.mode,
    async ask(question, options) {
      if (question.includes('slowly')) await new Promise((resolve) => setTimeout(resolve, 400));
      if (question.includes('explode')) throw new Error('index exploded (test fault)');
      if (question.includes('stall')) await new Promise<void>((resolve) => (gate.release = resolve));
      return inner.ask(question, options);
    },
  };
}

describe('the bot under faults, end to end', () => {
  let harness: BotHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('answers a handler error before the answer was due with a private apology as the first response', async () => {
    harness = await startBotHarness({ wrapRetriever: (inner) => faultyRetriever(inner, {}) });
    const sent = harness.fake.sendInteraction(askPayload(harness, 'please explode'));
    const callback = await sent.waitForCallback();
    expect(callback).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^Something went wrong/u) },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.record.callbacks).toHaveLength(1);
    expect(sent.record.followUps).toEqual([]);
  });

  it('answers a handler error after the deferral with a private apology, logs it with the interaction id, and keeps running', async () => {
    harness = await startBotHarness({ answerBudgetMs: 100, wrapRetriever: (inner) => faultyRetriever(inner, {}) });
    const sent = harness.fake.sendInteraction(askPayload(harness, 'please explode slowly'));
    const record = await sent.waitForResponse((current) => current.followUps.length > 0);
    expect(record.original?.deleted).toBe(true);
    expect(record.followUps[0]).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Something went wrong/u),
    });
    expect(JSON.stringify(record.followUps[0])).not.toContain('exploded');
    const logged = await vi.waitFor(() => {
      const found = harness?.logs.find((line) => line.msg === 'interaction failed');
      if (!found) throw new Error('no log line yet');
      return found;
    });
    expect(logged).toMatchObject({ interaction: sent.id, command: 'ask', outcome: 'failed' });
    expect(
      await harness.fake.sendInteraction(askPayload(harness, 'encryption')).waitForResponse(answered),
    ).toBeDefined();
  });

  it('logs one line per interaction with command, latency, size and outcome, without the question at info level', async () => {
    harness = await startBotHarness();
    const sent = harness.fake.sendInteraction(askPayload(harness, 'a confidential question about encryption'));
    await sent.waitForResponse(answered);
    // The line is written once Discord has acknowledged the edit, a moment after the fake records it.
    const line = await vi.waitFor(() => {
      const found = harness?.logs.find((entry) => entry.interaction === sent.id && entry.msg === 'interaction handled');
      if (!found) throw new Error('no log line yet');
      return found;
    });
    expect(line).toMatchObject({
      command: 'ask',
      outcome: 'answered',
      latencyMs: expect.any(Number),
      size: expect.any(Number),
    });
    expect(
      harness.logs
        .filter((entry) => entry.level >= 30)
        .map((entry) => JSON.stringify(entry))
        .join('\n'),
    ).not.toContain('confidential');
  });

  it('holds a member to the /ask cooldown, privately, with the time left', async () => {
    harness = await startBotHarness({ cooldownSeconds: 30 });
    await harness.fake.sendInteraction(askPayload(harness, 'encryption')).waitForResponse(answered);
    const second = await harness.fake.sendInteraction(askPayload(harness, 'Russia')).waitForCallback();
    expect(second).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^You can ask again in (29|30) s\.$/u) },
    });
    const other = await harness.fake
      .sendInteraction(askPayload(harness, 'Russia', '1000000000000000777'))
      .waitForCallback();
    expect(other.type).toBe(4);
  });

  it('stops with an error naming DISCORD_TOKEN when Discord refuses the token, and leaves no client running', async () => {
    harness = await startBotHarness();
    const error = await runBot(harness.app, 'not-the-right-token').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^DISCORD_TOKEN is invalid/u);
    expect((error as Error).message).not.toContain('not-the-right-token');
  });

  it('refuses a bad question privately before deferring', async () => {
    harness = await startBotHarness();
    const callback = await harness.fake.sendInteraction(askPayload(harness, '?!…')).waitForCallback();
    expect(callback).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringContaining('no letters or digits') },
    });
  });

  it('finishes an interaction in flight when stopped, and tells later ones it is restarting', async () => {
    const gate: { release?: () => void } = {};
    harness = await startBotHarness({ wrapRetriever: (inner) => faultyRetriever(inner, gate) });
    const inFlight = harness.fake.sendInteraction(askPayload(harness, 'stall on encryption'));
    await inFlight.waitForCallback();
    const stopping = harness.bot.stop(5000);
    const late = harness.fake.sendInteraction(askPayload(harness, 'encryption', '1000000000000000778'));
    expect(await late.waitForCallback()).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringContaining('restarting') },
    });
    gate.release?.();
    await stopping;
    expect(answered(harness.fake.interaction(inFlight.id))).toBe(true);
  });
});
