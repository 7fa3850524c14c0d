import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, RecordedMessage } from '../support/fake-discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

interface Embed {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
}
interface Button {
  custom_id: string;
  label: string;
}
const EPHEMERAL = 64;
const embedsOf = (message: RecordedMessage | null | undefined) => (message?.embeds ?? []) as Embed[];
const buttonsOf = (message: RecordedMessage | null | undefined) =>
  ((message?.components ?? []) as unknown as Array<{ components: Button[] }>).flatMap((row) => row.components);
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;

// The real bot against a loopback fake Discord, over REST and the gateway, with the tiny model's hybrid index.
describe('the bot’s reference commands, end to end', () => {
  let harness: BotHarness;
  const speech = () => harness.index.speech;
  const ask = (
    question: string,
    extra: Array<{ name: string; type: number; value: string | number | boolean }> = [],
    context = {},
  ) =>
    harness.fake.sendInteraction(
      harness.fake.chatInput({
        name: 'ask',
        options: [{ name: 'question', type: 3, value: question }, ...extra],
        ...context,
      }),
    );

  beforeAll(async () => {
    harness = await startBotHarness({ dense: true });
  });
  afterAll(async () => harness?.close());

  it('registers its commands in the configured guild at start-up, and skips it when they are already there', async () => {
    const registered = harness.fake.commands(harness.fake.world.guildId);
    const byName = new Map(
      registered.map((command) => [`${command.type as number}:${command.name as string}`, command]),
    );
    expect([...byName.keys()].sort()).toEqual([
      '1:about',
      '1:ask',
      '1:help',
      '1:quote',
      '1:section',
      '1:study',
      '3:Ask the speech',
      '3:Check quote',
    ]);
    // Reading commands and the message commands go wherever a member is; sessions need a server's own install.
    for (const [key, command] of byName) {
      const study = key === '1:study';
      expect({ key, integration: command.integration_types, contexts: command.contexts }).toEqual({
        key,
        integration: study ? [0] : [0, 1],
        contexts: study ? [0] : [0, 1, 2],
      });
    }
    expect(harness.fake.commandPutCount(harness.fake.world.guildId)).toBe(1);
    await harness.restart();
    expect(harness.fake.commandPutCount(harness.fake.world.guildId)).toBe(1);
    expect(harness.fake.commandPutCount()).toBe(0);
  });

  it('answers /ask in its first response, one embed per passage: the paragraph verbatim, the citation, the speech in the footer', async () => {
    const sent = ask('What did he say about encryption?');
    expect((await sent.waitForCallback()).type).toBe(4);
    const record = await sent.waitForResponse(answered);
    const embeds = embedsOf(record.original);
    expect(embeds).toHaveLength(3);
    for (const embed of embeds) {
      const number = Number(/¶(\d+)$/u.exec(embed.title ?? '')?.[1]);
      const paragraph = speech().paragraphs[number - 1];
      expect(embed.title).toBe(
        `${speech().sections.find((section) => section.id === paragraph?.sectionId)?.name} · ¶${number}`,
      );
      expect(embed.description?.replaceAll('**', '')).toBe(paragraph?.text);
      expect(embed.description).toMatch(/\*\*[^*]+\*\*/u);
      expect(embed.footer?.text).toBe('Director General Ken McCallum gives annual threat update 2021 · 14 July 2021');
    }
    expect(embeds[0]?.title).toMatch(/^Encryption · ¶/u);
    expect(record.original?.content).toBe('**Q:** What did he say about encryption?');
    expect(record.original?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers privately with private:true', async () => {
    const sent = ask('Russia', [{ name: 'private', type: 5, value: true }]);
    expect(await sent.waitForCallback()).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    const record = await sent.waitForResponse(answered);
    expect(buttonsOf(record.original).map((button) => button.label)).toContain(
      `Quote ¶${/¶(\d+)/u.exec(embedsOf(record.original)[0]?.title ?? '')?.[1]} in chat`,
    );
  });

  it('works in a thread and in a DM', async () => {
    for (const context of [{ channelType: 11, channelId: harness.fake.world.threadId }, { channelType: 1 }]) {
      const record = await ask('encryption', [], context).waitForResponse(answered);
      expect(embedsOf(record.original).length).toBeGreaterThan(0);
    }
    const quote = await harness.fake
      .sendInteraction(
        harness.fake.chatInput({ name: 'quote', options: [{ name: 'paragraph', type: 4, value: 2 }], channelType: 1 }),
      )
      .waitForCallback();
    expect(quote.type).toBe(4);
  });

  it('completes section names, fuzzily, within Discord’s 25 choices', async () => {
    const sent = harness.fake.sendInteraction(
      harness.fake.autocomplete({ name: 'section', focused: { name: 'name', value: 'thr' } }),
    );
    const callback = await sent.waitForCallback();
    expect(callback.type).toBe(8);
    expect((callback.data?.['choices'] as Array<{ value: string }>)[0]?.value).toBe('state-threats');
  });

  it('pages an answer with "More", and the button still works after the bot restarts', async () => {
    const first = await ask('How do hostile states threaten the UK?', [
      { name: 'results', type: 4, value: 2 },
    ]).waitForResponse(answered);
    const more = buttonsOf(first.original).find((button) => button.label === 'More');
    expect(more).toBeDefined();
    await harness.restart();
    const press = harness.fake.sendInteraction(harness.fake.button({ customId: more?.custom_id ?? '' }));
    const callback = await press.waitForCallback();
    expect(callback.type).toBe(7);
    const titles = (callback.data?.['embeds'] as Embed[]).map((embed) => embed.title);
    expect(titles).toHaveLength(2);
    expect(titles).not.toContain(embedsOf(first.original)[0]?.title);
  });

  it('pages a section with Next and Previous, also after a restart', async () => {
    const sent = harness.fake.sendInteraction(
      harness.fake.chatInput({ name: 'section', options: [{ name: 'name', type: 3, value: 'state threats' }] }),
    );
    const reply = await sent.waitForCallback();
    expect(reply.type).toBe(4);
    const next = ((reply.data?.['components'] ?? []) as unknown as Array<{ components: Button[] }>)
      .flatMap((row) => row.components)
      .find((button) => button.label === 'Next');
    expect(next).toBeDefined();
    await harness.restart();
    const page = await harness.fake
      .sendInteraction(harness.fake.button({ customId: next?.custom_id ?? '' }))
      .waitForCallback();
    expect(page.type).toBe(7);
    expect(page.data?.['content']).toMatch(/page 2 of/u);
  });

  it('quotes paragraphs by number and refuses ranges out of bounds, privately', async () => {
    const quote = (options: Array<{ name: string; type: number; value: number }>) =>
      harness.fake.sendInteraction(harness.fake.chatInput({ name: 'quote', options })).waitForCallback();
    const three = await quote([
      { name: 'paragraph', type: 4, value: 29 },
      { name: 'to', type: 4, value: 31 },
    ]);
    expect((three.data?.['embeds'] as Embed[]).map((embed) => embed.title)).toEqual([
      'Encryption · ¶29',
      'Encryption · ¶30',
      'Conclusion · ¶31',
    ]);
    for (const bad of [
      [{ name: 'paragraph', type: 4, value: 0 }],
      [{ name: 'paragraph', type: 4, value: 32 }],
      [
        { name: 'paragraph', type: 4, value: 5 },
        { name: 'to', type: 4, value: 3 },
      ],
      [
        { name: 'paragraph', type: 4, value: 1 },
        { name: 'to', type: 4, value: 6 },
      ],
    ]) {
      const refusal = await quote(bad);
      expect(refusal).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    }
  });

  it('pings no one for an @everyone in the question, and shows it escaped', async () => {
    const record = await ask('@everyone <@&123> what about encryption?').waitForResponse(answered);
    expect(record.original?.allowed_mentions).toEqual({ parse: [] });
    expect(record.original?.content).not.toMatch(/@everyone/u);
    expect(record.original?.content).toContain('@\u200beveryone');
  });

  it('retries a rate-limited callback and still answers', async () => {
    harness.fake.failNext({ path: /\/interactions\/\d+\/[^/]+\/callback/u, status: 429, retryAfterSeconds: 0.5 });
    const sent = ask('encryption');
    const record = await sent.waitForResponse(answered, { timeoutMs: 8000 });
    expect(record.callbacks).toHaveLength(1);
    expect(harness.fake.requests.some((request) => request.fault === 'fail' && request.status === 429)).toBe(true);
  });

  it('resumes after the gateway drops and answers the next /ask', async () => {
    const resumes = harness.fake.resumeCount;
    await harness.fake.dropGateway({ code: 4000 });
    await harness.fake.waitForReady({ timeoutMs: 8000 });
    expect(harness.fake.resumeCount).toBe(resumes + 1);
    const record = await ask('Russia').waitForResponse(answered, { timeoutMs: 8000 });
    expect(embedsOf(record.original).length).toBeGreaterThan(0);
  });

  it('shows the speech, retrieval mode and index date in /about', async () => {
    const about = await harness.fake.sendInteraction(harness.fake.chatInput({ name: 'about' })).waitForCallback();
    const [embed] = about.data?.['embeds'] as unknown as Array<
      Embed & { fields: Array<{ name: string; value: string }> }
    >;
    expect(embed?.title).toBe(speech().title);
    expect(embed?.fields.find((field) => field.name === 'Retrieval')?.value).toMatch(/^Hybrid/u);
    expect(embed?.fields.find((field) => field.name === 'State Threats')?.value).toBe('¶6–¶16 · 11 paragraphs');
  });

  it('calls no route the fake does not know', () => {
    expect(harness.fake.unknownRequests()).toEqual([]);
  });
});
