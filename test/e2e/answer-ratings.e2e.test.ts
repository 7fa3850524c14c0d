import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, JsonObject, RecordedMessage } from '../support/fake-discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { runScript } from '../support/run-script.js';

interface Button {
  readonly custom_id: string;
  readonly label: string;
}
const EPHEMERAL = 64;
const rowsOf = (message: RecordedMessage | JsonObject | null | undefined) =>
  ((message?.['components'] ?? []) as unknown as Array<{ components: Button[] }>).map((row) => row.components);
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;
const OTHER_MEMBER = '200000000000000777';

// 👍 and 👎 on /ask answers, with the real bot, its SQLite store and a loopback fake Discord.
describe('rating /ask answers, end to end', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => harness?.close());

  const ask = async (question: string, isPrivate = false) =>
    harness.fake
      .sendInteraction(
        harness.fake.chatInput({
          name: 'ask',
          options: [
            { name: 'question', type: 3, value: question },
            { name: 'results', type: 4, value: 1 },
            ...(isPrivate ? [{ name: 'private', type: 5, value: true }] : []),
          ],
        }),
      )
      .waitForResponse(answered);
  const press = (customId: string, userId?: string) =>
    harness.fake.sendInteraction(harness.fake.button({ customId, ...(userId ? { userId } : {}) })).waitForCallback();
  const ratingButtons = (message: RecordedMessage | JsonObject | null | undefined) => {
    const row = rowsOf(message).at(-1) ?? [];
    return { up: row.find((b) => b.label.startsWith('👍')), down: row.find((b) => b.label.startsWith('👎')) };
  };

  it('puts 👍 and 👎 in a row of their own under every answer, and keeps them when a page is turned', async () => {
    const record = await ask('How do hostile states threaten the UK?');
    const rows = rowsOf(record.original);
    expect(rows.at(-1)?.map((button) => button.label)).toEqual(['👍 Helpful', '👎 Not helpful']);
    const more = rows.flat().find((button) => button.label === 'More');
    const page = await press(more?.custom_id ?? '');
    expect(page.type).toBe(7);
    expect(ratingButtons(page.data).up?.custom_id).toBe(ratingButtons(record.original).up?.custom_id);
  });

  it('records a rating privately, says when a press changes nothing, and lets the member change it', async () => {
    const { up, down } = ratingButtons((await ask('What does he say about encryption?')).original);
    const first = await press(up?.custom_id ?? '');
    expect(first).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(first.data?.['content']).toMatch(/^You rated this answer 👍/u);
    expect((await press(up?.custom_id ?? '')).data?.['content']).toBe(
      'You already rated this answer 👍; nothing changed.',
    );
    expect((await press(down?.custom_id ?? '')).data?.['content']).toMatch(/from 👍 to 👎/u);
    expect((await press(down?.custom_id ?? '', OTHER_MEMBER)).data?.['content']).toMatch(/^You rated this answer 👎/u);
  });

  it('refuses a rating of another member’s private answer, and a forged rating id, privately', async () => {
    const { down } = ratingButtons((await ask('Who are the terrorists he mentions?', true)).original);
    const stranger = await press(down?.custom_id ?? '', OTHER_MEMBER);
    expect(stranger).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(stranger.data?.['content']).toMatch(/only they can rate it/u);
    expect((await press(down?.custom_id ?? '')).data?.['content']).toMatch(/^You rated this answer 👎/u);
    for (const forged of ['r1.zzzzzz.u', 'r1.0.d', 'r1.1.x', 'r1.01.u']) {
      const refused = await press(forged);
      expect(refused).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      expect(refused.data?.['content']).toMatch(/no longer valid/u);
    }
  });

  it('keeps its ratings across a restart, and `npm run feedback` lists what was rated down, newest first', async () => {
    await harness.restart();
    const dataDir = path.join(harness.app.config.dataDir);
    const run = await runScript('scripts/feedback.ts', [], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(0);
    const [totals, ...rest] = run.stdout.split('\n');
    expect(totals).toBe('3 ratings of 2 answers: 0% rated up (0 👍, 3 👎).');
    const questions = rest.filter((line) => line.startsWith('  Q: '));
    expect(questions).toEqual(['  Q: Who are the terrorists he mentions?', '  Q: What does he say about encryption?']);
    expect(run.stdout).not.toMatch(/\d{17,20}/u);
    const json = await runScript('scripts/feedback.ts', ['--json'], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(JSON.parse(json.stdout)).toMatchObject({ ratings: 3, up: 0, down: 3 });
    expect(json.stdout).not.toContain('ownerHash');
  });
});
