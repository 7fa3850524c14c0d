import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, JsonObject, RecordedMessage } from '../support/fake-discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

const EPHEMERAL = 64;
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;
const embedText = (message: JsonObject | RecordedMessage | null | undefined): string =>
  ((message?.embeds ?? []) as Array<{ title?: string; description?: string }>)
    .map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)
    .join('\n');

// A member's own install of the app: reading commands and message commands wherever they are, through the
// interaction's webhook only; study sessions stay with servers that installed the app.
describe('the app installed to a member’s account, end to end', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => harness?.close());

  /** The REST calls the bot made while `run` ran, other than to interaction callbacks and webhooks. */
  const channelCallsDuring = async (run: () => Promise<unknown>): Promise<string[]> => {
    const before = harness.fake.requests.length;
    await run();
    return harness.fake.requests
      .slice(before)
      .map((request) => `${request.method} ${request.path}`)
      .filter((call) => !/\/(interactions|webhooks)\//u.test(call));
  };

  it('answers /ask in a server that never installed it, and in a group DM, touching no channel', async () => {
    for (const where of [{ install: 'user' as const }, { place: 'private-channel' as const }]) {
      const calls = await channelCallsDuring(async () => {
        const record = await harness.fake
          .sendInteraction(
            harness.fake.chatInput({
              name: 'ask',
              options: [{ name: 'question', type: 3, value: 'What does he say about encryption?' }],
              ...where,
            }),
          )
          .waitForResponse(answered);
        expect(embedText(record.original)).toMatch(/Encryption · ¶/u);
        expect(record.original?.allowed_mentions).toEqual({ parse: [] });
      });
      expect(calls).toEqual([]);
    }
  });

  it('refuses /study where only the member installed the app, privately, saying why', async () => {
    const callback = await harness.fake
      .sendInteraction(
        harness.fake.chatInput({
          name: 'study',
          options: [{ name: 'status', type: 1, options: [] }],
          install: 'user',
        }),
      )
      .waitForCallback();
    expect(callback).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(callback.data?.['content']).toMatch(/installed to this server/u);
  });

  it('quotes five paragraphs with no more follow-ups than a user-installed app may send', async () => {
    const sent = harness.fake.sendInteraction(
      harness.fake.chatInput({
        name: 'quote',
        options: [
          { name: 'paragraph', type: 4, value: 6 },
          { name: 'to', type: 4, value: 10 },
        ],
        install: 'user',
      }),
    );
    const record = await sent.waitForResponse((candidate) => candidate.callbacks.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(record.followUps.length).toBeLessThanOrEqual(5);
    const quoted = [record.original, ...record.followUps].map((message) => embedText(message)).join('\n');
    for (const number of [6, 7, 8, 9, 10]) expect(quoted).toContain(`¶${number}`);
  });

  it('answers /help privately: every command with an example, the retrieval mode and the speech’s page', async () => {
    const callback = await harness.fake
      .sendInteraction(harness.fake.chatInput({ name: 'help', place: 'private-channel' }))
      .waitForCallback();
    expect(callback).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    const text = embedText(callback.data);
    for (const usage of ['/ask', '/section', '/quote', '/about', '/help', 'Check quote', 'Ask the speech'])
      expect(text).toContain(`**${usage}**`);
    for (const sub of [
      'config',
      'start',
      'next',
      'previous',
      'goto',
      'pause',
      'resume',
      'end',
      'status',
      'map',
      'export',
    ])
      expect(text).toContain(`**/study ${sub}**`);
    expect(text.match(/↳ `/gu)?.length).toBe(18);
    expect(text).toContain('Retrieval: Lexical');
    expect(text).toContain('https://www.mi5.gov.uk/news/director-general-ken-mccallum-gives-annual-threat-update-2021');
  });

  it('suggests paragraphs for /quote by number and by words, sending the number as the value', async () => {
    const suggest = async (value: string) => {
      const callback = await harness.fake
        .sendInteraction(
          harness.fake.autocomplete({
            name: 'quote',
            focused: { name: 'paragraph', value, type: 4 },
            install: 'user',
          }),
        )
        .waitForCallback();
      expect(callback.type).toBe(8);
      return callback.data?.['choices'] as Array<{ name: string; value: number }>;
    };
    const byNumber = await suggest('1');
    expect(byNumber.map((choice) => choice.value)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(byNumber[3]?.name).toMatch(/^¶12 · State Threats · \S.*$/u);
    for (const choice of byNumber) expect(choice.name.length).toBeLessThanOrEqual(100);
    const byWords = await suggest('end-to-end encr');
    expect(byWords.length).toBeGreaterThan(0);
    expect(byWords[0]?.name).toMatch(/^¶(28|29|30) · Encryption · /u);
  });

  it('answers Ask the speech on a message privately, and says so when the message has no text or too much', async () => {
    const onMessage = (content: string) =>
      harness.fake.sendInteraction(harness.fake.messageCommand({ name: 'Ask the speech', content, install: 'user' }));
    const record = await onMessage('  what does he say about encryption?  ').waitForResponse(answered);
    expect(record.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(record.original?.content).toBe('**Q:** what does he say about encryption?');
    expect(embedText(record.original)).toMatch(/Encryption · ¶/u);
    const empty = await onMessage('   ').waitForCallback();
    expect(empty).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(empty.data?.['content']).toMatch(/no words/u);
    const long = await onMessage('why '.repeat(80)).waitForCallback();
    expect(long.data?.['content']).toMatch(/319 characters long; Ask the speech takes at most 300/u);
  });

  it('checks the quotes of a message privately: verbatim, altered with the differences marked, and not in the speech', async () => {
    const content =
      'Did he say “UK public opinion is clear: terrorists, paedophiles and serious criminals should not enjoy an ' +
      'absolute right to privacy”, «the same must hold true online in virtual homes» and "MI5 loves pineapple pizza ' +
      'on Fridays"? @everyone';
    const callback = await harness.fake
      .sendInteraction(harness.fake.messageCommand({ name: 'Check quote', content, install: 'user' }))
      .waitForCallback();
    expect(callback).toMatchObject({ type: 4, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
    const reply = callback.data?.['content'] as string;
    expect(reply).toContain('✅ Verbatim: Encryption · ¶29');
    expect(reply).toContain('⚠️ Altered: the speech says (Encryption · ¶29):');
    expect(reply).toContain('{+homes+}');
    expect(reply).toMatch(/❌ Not in the speech/u);
    expect(reply).not.toMatch(/(?<!\\)@everyone/u);
    const empty = await harness.fake
      .sendInteraction(harness.fake.messageCommand({ name: 'Check quote', content: '' }))
      .waitForCallback();
    expect(empty.data?.['content']).toMatch(/no words/u);
  });
});
