import { Events, MessageFlags, type Client, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordClientOptions } from '../../src/discord/adapters/client-options.js';
import type { FakeDiscord, RecordedRequest } from '../support/fake-discord/index.js';
import { startFakeDiscordWithClient } from '../support/fake-discord/logged-in-client.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

const NOBODY = { parse: [] };

/**
 * The client's `allowedMentions` default is the safety net under every message: every payload in src sets its own,
 * so only a message that does not can show the default is still there. A real discord.js client with the bot's
 * options, logged in to the fake Discord, sends such messages on each path discord.js applies the default to; the
 * body Discord receives must say that nobody may be pinged.
 */
describe('the discord.js client options of the bot', () => {
  let fake: FakeDiscord;
  let client: Client;
  let close: () => Promise<void>;
  let answer: (interaction: Interaction) => Promise<void> = async () => undefined;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    ({ fake, client, close } = await startFakeDiscordWithClient((apiUrl) =>
      discordClientOptions({ discordApiUrl: apiUrl }),
    ));
    client.on(
      Events.InteractionCreate,
      (interaction) => void answer(interaction).catch((error: unknown) => handlerErrors.push(error)),
    );
  });

  afterAll(async () => close?.());

  const lastRequest = (method: string, path: RegExp): RecordedRequest | undefined =>
    fake.requests.filter((request) => request.method === method && path.test(request.path)).at(-1);

  it('sends a channel message that sets no allowedMentions with allowed_mentions { parse: [] }', async () => {
    const channel = client.channels.cache.get(fake.world.channelId) as TextChannel;
    const message = await channel.send('hi @everyone and @here');
    expect(lastRequest('POST', new RegExp(`^/channels/${fake.world.channelId}/messages$`, 'u'))?.body).toMatchObject({
      content: 'hi @everyone and @here',
      allowed_mentions: NOBODY,
    });

    await message.edit('still @everyone');
    expect(
      lastRequest('PATCH', new RegExp(`^/channels/${fake.world.channelId}/messages/${message.id}$`, 'u'))?.body,
    ).toMatchObject({ content: 'still @everyone', allowed_mentions: NOBODY });
  });

  it('answers an interaction, reply and follow-up, that set no allowedMentions with allowed_mentions { parse: [] }', async () => {
    answer = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'reply @everyone' });
      await interaction.followUp({ content: 'follow-up @here', flags: MessageFlags.Ephemeral });
    };
    const record = await fake
      .sendInteraction(fake.chatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: 'anything' }] }))
      .waitForResponse((current) => current.followUps.length > 0);
    expect(handlerErrors).toEqual([]);
    expect(record.callbacks[0]?.data).toMatchObject({ content: 'reply @everyone', allowed_mentions: NOBODY });
    expect(lastRequest('POST', new RegExp(`^/webhooks/${fake.world.applicationId}/[^/]+$`, 'u'))?.body).toMatchObject({
      content: 'follow-up @here',
      allowed_mentions: NOBODY,
    });
  });

  it('talks to Discord at DISCORD_API_URL when set, and at discord.com otherwise', () => {
    expect(discordClientOptions({ discordApiUrl: fake.apiUrl }).rest).toEqual({ api: fake.apiUrl });
    expect(discordClientOptions({ discordApiUrl: undefined })).not.toHaveProperty('rest');
  });
});

describe("the running bot's client", () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is built with those options: a message that sets no allowedMentions pings nobody', async () => {
    const channel = harness.bot.client.channels.cache.get(harness.fake.world.channelId) as TextChannel;
    await channel.send('hi @everyone');
    const sent = harness.fake.requests
      .filter(
        (request) => request.method === 'POST' && request.path === `/channels/${harness.fake.world.channelId}/messages`,
      )
      .at(-1);
    expect(sent?.body).toMatchObject({ content: 'hi @everyone', allowed_mentions: NOBODY });
  });
});
