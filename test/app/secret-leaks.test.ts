import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../support/fake-discord/index.js';
import { startFakeDiscordWithClient } from '../support/fake-discord/logged-in-client.js';
import {
  FAKE_TOKEN,
  INTERACTION_TOKEN_MARKER,
  interactionTokenLeaks,
  maskInteractionTokens,
  newInteractionToken,
  secretLeaks,
  tokenLeaks,
} from '../support/fake-token.js';

/**
 * What the suite's leak checks (token-leak-guard.ts, token-leak-reporter.ts) look for: the bot token, and the
 * interaction tokens the fake Discord issues, recognisable by their marker in any process's output.
 */
describe('the secrets the suite watches for', () => {
  it('finds the bot token, or any part of it', () => {
    expect(secretLeaks(`Bot ${FAKE_TOKEN}`)).toEqual(['the bot token']);
    expect(secretLeaks(`…${FAKE_TOKEN.split('.')[2]}…`)).toEqual(['the bot token']);
  });

  it('finds an interaction token, whole or cut short after its marker, but not the marker alone', () => {
    const token = newInteractionToken();
    expect(token.startsWith(INTERACTION_TOKEN_MARKER)).toBe(true);
    expect(newInteractionToken()).not.toBe(token);
    expect(secretLeaks(`"url":"https://discord.com/api/v10/webhooks/1/${token}/messages/@original"`)).toEqual([
      'an interaction token',
    ]);
    expect(interactionTokenLeaks(token.slice(0, INTERACTION_TOKEN_MARKER.length + 8))).toHaveLength(1);
    expect(secretLeaks(`the marker is ${INTERACTION_TOKEN_MARKER}, then random characters`)).toEqual([]);
    expect(secretLeaks('nothing secret here: 1577462824748318721 ask')).toEqual([]);
    // Requests to Discord carry interaction tokens in their paths by design; the bot-token check stays its own.
    expect(tokenLeaks(token)).toEqual([]);
  });

  it('masks interaction tokens for messages that quote request paths', () => {
    const token = newInteractionToken();
    expect(maskInteractionTokens(`POST /webhooks/1/${token}?wait=true`)).toBe(
      'POST /webhooks/1/<interaction token>?wait=true',
    );
  });
});

describe('the interaction tokens the fake Discord issues', () => {
  let fake: FakeDiscord;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // The fake dispatches interactions only to a client that has identified; the tests speak to the fake alone.
    ({ fake, close } = await startFakeDiscordWithClient());
  });
  afterAll(async () => close?.());

  it('carry the marker, for every kind of interaction', () => {
    const payloads = [
      fake.chatInput({ name: 'ask' }),
      fake.autocomplete({ name: 'section', focused: { name: 'name', value: 'x' } }),
      fake.button({ customId: 'b' }),
      fake.modalSubmit({ customId: 'm', fields: { reason: 'r' } }),
      fake.chatInput({ name: 'ask', channelType: 1 }),
    ];
    for (const payload of payloads) expect(interactionTokenLeaks(payload.token)).toHaveLength(1);
  });

  it("stay out of the fake's timeout messages, even in the requests it did not know", async () => {
    const sent = fake.sendInteraction(fake.chatInput({ name: 'ask' }));
    const other = newInteractionToken();
    await fetch(`${fake.apiUrl}/v10/webhooks/${fake.world.applicationId}/${other}/no-such-route`, { method: 'POST' });
    await fetch(`${fake.apiUrl}/v10/webhooks/${fake.world.applicationId}/${sent.token}/no-such-route`, {
      method: 'POST',
    });
    const error = await sent.waitForCallback({ timeoutMs: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('no-such-route');
    expect(secretLeaks(message)).toEqual([]);
  });
});
