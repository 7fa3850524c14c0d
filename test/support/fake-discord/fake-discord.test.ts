import {
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  MessageFlags,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from './index.js';
import { startFakeDiscordWithClient } from './logged-in-client.js';

/**
 * Proves the fake Discord against the real discord.js client: login, command registration, the interaction reply
 * paths, a rate-limited callback and a gateway resume. The handler below stands in for bot code.
 */
describe('fake Discord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let close: () => Promise<void>;
  const handlerErrors: unknown[] = [];

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === 'ping') await interaction.reply({ content: 'pong' });
      if (interaction.commandName === 'slow') {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({ content: 'done', embeds: [{ title: 'Result', description: 'found it' }] });
      }
    } else if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond(
        ['encryption', 'state threats'].filter((name) => name.startsWith(typed)).map((name) => ({ name, value: name })),
      );
    } else if (interaction.isButton()) {
      await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
    }
  }

  beforeAll(async () => {
    ({ fake, client, close } = await startFakeDiscordWithClient());
    client.on(
      Events.InteractionCreate,
      (interaction) => void handle(interaction).catch((error: unknown) => handlerErrors.push(error)),
    );
  });

  afterAll(async () => close?.());

  it('logs in over the fake gateway and caches the guild', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(fake.world.botUserId);
    expect(client.application?.id).toBe(fake.world.applicationId);
    expect(client.guilds.cache.get(fake.world.guildId)?.available).toBe(true);
    expect(client.channels.cache.get(fake.world.channelId)?.isTextBased()).toBe(true);
    expect(fake.identifyCount).toBe(1);
    expect(fake.gatewayStats.connectQueries[0]).toEqual({ v: '10', encoding: 'json' });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /gateway/bot');
  });

  it('registers guild commands with a bulk overwrite, keeping ids across overwrites', async () => {
    const commands = [
      new SlashCommandBuilder().setName('ping').setDescription('Replies with pong').toJSON(),
      new SlashCommandBuilder().setName('slow').setDescription('Thinks first').toJSON(),
      new SlashCommandBuilder()
        .setName('quote')
        .setDescription('Quotes a section')
        .addStringOption((option) =>
          option.setName('section').setDescription('Section name').setAutocomplete(true).setRequired(true),
        )
        .toJSON(),
    ];
    const first = await client.application!.commands.set(commands, fake.world.guildId);
    expect([...first.values()].map((command) => command.name)).toEqual(['ping', 'slow', 'quote']);
    expect(fake.commands(fake.world.guildId).map((command) => command.name)).toEqual(['ping', 'slow', 'quote']);
    const ids = fake.commands(fake.world.guildId).map((command) => command.id);
    await client.application!.commands.set(commands, fake.world.guildId);
    expect(fake.commandPutCount(fake.world.guildId)).toBe(2);
    expect(fake.commandPutCount()).toBe(0);
    expect(fake.commands(fake.world.guildId).map((command) => command.id)).toEqual(ids);
    expect(ids.every((id) => typeof id === 'string' && /^\d{17,19}$/.test(id))).toBe(true);
  });

  it('records the type-4 reply to a /ping', async () => {
    const sent = fake.sendInteraction(fake.chatInput({ name: 'ping' }));
    const callback = await sent.waitForCallback({ timeoutMs: 3000 });
    expect(callback).toMatchObject({ type: 4, data: { content: 'pong' }, withResponse: false });
    expect(sent.record.original).toMatchObject({ content: 'pong', source: 'interaction', loading: false });
    expect(sent.payload.data).toMatchObject({ name: 'ping', id: fake.commands(fake.world.guildId)[0]?.id });
  });

  it('turns a deferred reply plus editReply into the original response', async () => {
    const sent = fake.sendInteraction(fake.chatInput({ name: 'slow' }));
    const record = await sent.waitForResponse((state) => (state.original?.embeds?.length ?? 0) > 0, {
      timeoutMs: 3000,
    });
    expect(record.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(record.original).toMatchObject({
      content: 'done',
      embeds: [{ title: 'Result', description: 'found it' }],
      flags: 64,
      loading: false,
    });
    expect(record.original?.history.map((entry) => entry.kind)).toEqual(['create', 'edit']);
  });

  it('records autocomplete choices', async () => {
    const sent = fake.sendInteraction(fake.autocomplete({ name: 'quote', focused: { name: 'section', value: 'enc' } }));
    const callback = await sent.waitForCallback({ timeoutMs: 3000 });
    expect(callback).toMatchObject({ type: 8, data: { choices: [{ name: 'encryption', value: 'encryption' }] } });
  });

  it('records a button update of the component message', async () => {
    const sent = fake.sendInteraction(fake.button({ customId: 'next-page' }));
    const callback = await sent.waitForCallback({ timeoutMs: 3000 });
    expect(callback).toMatchObject({ type: 7, data: { content: 'clicked next-page', components: [] } });
    const clicked = sent.payload.message as { id: string };
    expect(sent.record.original).toMatchObject({
      id: clicked.id,
      content: 'clicked next-page',
      components: [],
      source: 'component',
    });
  });

  it('refuses a second callback with 40060, as Discord does', async () => {
    const sent = fake.sendInteraction(fake.chatInput({ name: 'ping' }));
    await sent.waitForCallback({ timeoutMs: 3000 });
    const again = client.rest.post(Routes.interactionCallback(sent.id, sent.token), {
      body: { type: 4, data: { content: 'again' } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ constructor: DiscordAPIError, code: 40060, status: 400 });
    expect(sent.record.rejectedCallbacks).toMatchObject([{ status: 400, code: 40060 }]);
  });

  it('waits out a 429 on the callback route and retries', async () => {
    fake.failNext({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 429,
      retryAfterSeconds: 1,
    });
    const sent = fake.sendInteraction(fake.chatInput({ name: 'ping' }));
    const callback = await sent.waitForCallback({ timeoutMs: 4000 });
    expect(callback.type).toBe(4);
    expect(callback.sinceDispatchMs).toBeGreaterThanOrEqual(1000);
    const attempts = fake.requests.filter((request) => request.path.includes(sent.id));
    expect(attempts.map((request) => [request.status, request.fault])).toEqual([
      [429, 'fail'],
      [204, null],
    ]);
  });

  it('resumes after the gateway drops, replaying what was missed', async () => {
    const identifies = fake.identifyCount;
    // Counted from here: on a loaded machine an earlier test's connection may have resumed too.
    const resumes = fake.resumeCount;
    await fake.dropGateway({ code: 4000 });
    const missed = fake.sendInteraction(fake.chatInput({ name: 'ping' }));
    await fake.waitForReady({ timeoutMs: 4000 });
    expect(fake.resumeCount - resumes).toBe(1);
    expect(fake.identifyCount).toBe(identifies);
    expect((await missed.waitForCallback({ timeoutMs: 3000 })).type).toBe(4);
    const next = fake.sendInteraction(fake.chatInput({ name: 'ping' }));
    expect((await next.waitForCallback({ timeoutMs: 3000 })).data).toMatchObject({ content: 'pong' });
  });

  it('saw no unknown routes, fake crashes or handler errors', () => {
    expect(fake.unknownRequests()).toEqual([]);
    expect(fake.errors).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });
});
