import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeApp } from '../../src/app/compose.js';
import { runBot, type RunningBot } from '../../src/app/compose.js';
import { loadConfig } from '../../src/app/config.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { createLogger } from '../../src/app/logger.js';
import { startFakeDiscord, type FakeDiscord, type InteractionRecord } from '../support/fake-discord/index.js';
import { FAKE_TOKEN, secretLeaks } from '../support/fake-token.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

/**
 * The real bot in this process, logging through the production logger (`createLogger`, JSON lines at debug level)
 * to a file, while Discord refuses or fails its answers: the failures are logged with discord.js' own errors, whose
 * URL carries the interaction's token and whose body carries what the bot was sending. The in-process end-to-end
 * tests use a recording logger; this one reads what an operator would read.
 */
describe("the bot's own logs, through the production logger", () => {
  let fake: FakeDiscord;
  let index: OpenedIndex;
  let bot: RunningBot;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await bot.stop(1000);
  };
  let logFile: string;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const temporary = await temporaryFolder('bot-logs');
    remove = temporary.remove;
    logFile = path.join(temporary.folder, 'bot.log');
    index = await openTestIndex(temporary.folder, { dense: false });
    const config = loadConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.world.guildId,
      ASK_COOLDOWN_SECONDS: '0',
      // Every answer deferred and edited in, so that the faults below hit the edit.
      ANSWER_BUDGET_MS: '0',
      INDEX_DIR: temporary.folder,
      DATA_DIR: `${temporary.folder}/data`,
      LOG_LEVEL: 'debug',
    });
    bot = await runBot(composeApp(config, createLogger(config.logLevel, false, logFile), index), FAKE_TOKEN);
  });

  afterAll(async () => {
    if (bot) await stop();
    await fake?.close();
    await remove?.();
  });

  const logLines = async (): Promise<Array<Record<string, unknown>>> =>
    (await readFile(logFile, 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const ask = (question: string) =>
    fake.chatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
  const apologised = (record: InteractionRecord) => record.followUps.length > 0;
  const failureOf = async (interactionId: string): Promise<Record<string, unknown>> =>
    vi.waitFor(async () => {
      const found = (await logLines()).find(
        (line) => line.interaction === interactionId && line.msg === 'interaction failed',
      );
      if (!found) throw new Error('no failure logged yet');
      return found;
    });

  it("logs what failed, and neither the tokens nor the member's question, when Discord refuses or fails the answer", async () => {
    const question = 'what does the speech say about encryption and Zanzibar';
    const original = (token: string) =>
      new RegExp(`^/webhooks/${fake.world.applicationId}/${token}/messages/(?:@|%40)original$`, 'u');

    // Discord refuses the answer (400, Invalid Form Body): discord.js throws a DiscordAPIError.
    const refused = ask(question);
    fake.failNext({
      method: 'PATCH',
      path: original(refused.token),
      status: 400,
      code: 50035,
      message: 'Invalid Form Body',
    });
    await fake.sendInteraction(refused).waitForResponse(apologised);
    // Discord fails it (500, beyond discord.js' retries): an HTTPError.
    const failed = ask(question);
    fake.failNext({ method: 'PATCH', path: original(failed.token), status: 500, times: 10 });
    await fake.sendInteraction(failed).waitForResponse(apologised);
    // And the paths that go well: an answer, an autocomplete, a refusal.
    await fake
      .sendInteraction(ask(question))
      .waitForResponse((record) => record.original !== null && !record.original.loading);
    await fake
      .sendInteraction(fake.autocomplete({ name: 'section', focused: { name: 'name', value: 'enc' } }))
      .waitForCallback();
    await fake.sendInteraction(fake.button({ customId: 'not-a-button-of-ours' })).waitForCallback();

    // The errors really carried the secrets: the refused request's path has the token, its body the question.
    const refusedEdit = fake.requests.find(
      (request) => request.fault === 'fail' && request.path.includes(refused.token),
    );
    expect(refusedEdit?.status).toBe(400);
    expect(JSON.stringify(refusedEdit?.body)).toMatch(/Zanzibar/u);

    expect(await failureOf(refused.id)).toMatchObject({
      command: 'ask',
      outcome: 'failed',
      err: { type: 'DiscordAPIError[50035]', message: 'Invalid Form Body', code: 50035, status: 400 },
    });
    expect(await failureOf(failed.id)).toMatchObject({
      command: 'ask',
      outcome: 'failed',
      err: { type: 'HTTPError', status: 500 },
    });
    await stop();

    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('bot ready');
    expect(secretLeaks(text), 'a secret in the production log').toEqual([]);
    // The question is logged at debug level only ("command received", with the command's options).
    const atInfo = (await logLines())
      .filter((line) => Number(line.level) >= 30)
      .map((line) => JSON.stringify(line))
      .join('\n');
    expect(atInfo).not.toContain('Zanzibar');
  });
});
