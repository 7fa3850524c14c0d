import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_JS_UNKNOWN_FIELDS } from './conformance-allow-list.js';
import { discordSpec } from './discord-openapi-spec.js';
import { type FakeDiscord, startFakeDiscord } from './index.js';
import { invalidFormBody } from './invalid-form-body.js';
import { OpenApiConformance, sharedConformance } from './openapi-conformance.js';
import type { JsonValue } from './types.js';

const CALLBACK = '/interactions/1577949956642308108/some-token/callback';
const CALLBACK_ROUTE = '/interactions/{interaction_id}/{interaction_token}/callback';
const MESSAGES = '/channels/1000000000000000003/messages';

const buttonRow = (customId: string): JsonValue => ({
  type: 1,
  components: [{ type: 2, style: 1, label: 'Next', custom_id: customId, disabled: false }],
});
const goodMessage: JsonValue = {
  content: 'Found 2 passages.',
  embeds: [{ title: 'Encryption', description: 'We see…', color: 0x2b2d31, fields: [{ name: 'Section', value: '3' }] }],
  components: [buttonRow('ask:next:1')],
  allowed_mentions: { parse: [] },
  flags: 64,
};

const check = (method: string, path: string, body: JsonValue) => sharedConformance().check(method, path, body, true);

describe("the fake's check of request bodies against Discord's OpenAPI spec", () => {
  it('passes bodies Discord accepts: a reply, a channel post, a modal, choices, a command list', () => {
    expect(check('POST', CALLBACK, { type: 4, data: goodMessage })).toBeNull();
    expect(check('POST', CALLBACK, { type: 5, data: { flags: 64 } })).toBeNull();
    expect(check('POST', CALLBACK, { type: 8, data: { choices: [{ name: 'Encryption', value: 'enc' }] } })).toBeNull();
    expect(
      check('POST', CALLBACK, {
        type: 9,
        data: {
          custom_id: 'reject:7',
          title: 'Reason',
          components: [{ type: 1, components: [{ type: 4, custom_id: 'reason', style: 2, label: 'Why?' }] }],
        },
      }),
    ).toBeNull();
    expect(
      check('POST', MESSAGES, { ...(goodMessage as object), nonce: 'q-7-answer', enforce_nonce: true }),
    ).toBeNull();
    expect(
      check('PUT', '/applications/1000000000000000001/commands', [
        { name: 'ask', description: 'Ask the speech', type: 1, options: [{ type: 3, name: 'q', description: 'q' }] },
      ]),
    ).toBeNull();
  });

  it('reports a button whose custom_id is over 100 characters, at that field', () => {
    const violation = check('POST', CALLBACK, {
      type: 4,
      data: { content: 'x', components: [buttonRow('a'.repeat(101))] },
    });
    expect(violation).toMatchObject({ kind: 'invalid-body', method: 'POST', route: CALLBACK_ROUTE });
    expect(violation?.problems).toEqual([
      {
        at: '/data/components/0/components/0/custom_id',
        keyword: 'maxLength',
        message: expect.stringContaining('100'),
      },
    ]);
  });

  it('reports an embed field of the wrong type', () => {
    const violation = check('POST', MESSAGES, { embeds: [{ title: 't', fields: [{ name: 'Section', value: 3 }] }] });
    expect(violation?.route).toBe('/channels/{channel_id}/messages');
    expect(violation?.problems).toEqual([
      { at: '/embeds/0/fields/0/value', keyword: 'type', message: 'must be string' },
    ]);
  });

  it('reports an unknown field, at the top and deeper down', () => {
    expect(check('POST', MESSAGES, { content: 'x', colour: 3 })?.problems).toEqual([
      { at: '', keyword: 'unevaluatedProperties', message: 'must NOT have unevaluated properties: colour' },
    ]);
    expect(check('POST', CALLBACK, { type: 4, data: { content: 'x' }, ephemeral: true })?.problems).toEqual([
      { at: '', keyword: 'unevaluatedProperties', message: 'must NOT have unevaluated properties: ephemeral' },
    ]);
    expect(check('POST', CALLBACK, { type: 4, data: { embeds: [{ title: 't', colour: 3 }] } })?.problems).toEqual([
      {
        at: '/data/embeds/0',
        keyword: 'unevaluatedProperties',
        message: 'must NOT have unevaluated properties: colour',
      },
    ]);
  });

  it("needs one matching branch of a union: a callback type no branch takes, or data of another type's shape", () => {
    expect(check('POST', CALLBACK, { type: 99 })?.problems).toEqual([
      { at: '/type', keyword: 'enum', message: 'must be equal to one of the allowed values' },
    ]);
    // Autocomplete choices sent as a message reply.
    expect(check('POST', CALLBACK, { type: 4, data: { choices: [] } })?.problems).toEqual([
      { at: '/data', keyword: 'unevaluatedProperties', message: 'must NOT have unevaluated properties: choices' },
    ]);
  });

  it('lets through only the allow-listed discord.js defaults, and only with their default value', () => {
    const update = { content: 'x', tts: false, enforce_nonce: false };
    expect(check('POST', CALLBACK, { type: 7, data: update })).toBeNull();
    expect(check('POST', CALLBACK, { type: 7, data: { ...update, tts: true } })?.problems).toEqual([
      { at: '/data', keyword: 'unevaluatedProperties', message: 'must NOT have unevaluated properties: tts' },
    ]);
    const strict = new OpenApiConformance(discordSpec(), []);
    expect(strict.check('POST', CALLBACK, { type: 7, data: update }, true)?.problems.map((p) => p.message)).toEqual([
      'must NOT have unevaluated properties: tts',
      'must NOT have unevaluated properties: enforce_nonce',
    ]);
    // Every entry names an operation of the spec, so none can silently excuse nothing.
    const operations = new Set(
      discordSpec().operations.map((operation) => `${operation.method} ${operation.template}`),
    );
    for (const entry of DISCORD_JS_UNKNOWN_FIELDS) expect(operations, entry.why).toContain(entry.operation);
  });

  it('finds the operation by its template, a literal segment before a parameter, percent-encoded or not', () => {
    const edit = { content: 'x', tts: false, enforce_nonce: false, embeds: [], components: [] };
    for (const original of ['@original', '%40original'])
      expect(check('PATCH', `/webhooks/1000000000000000001/some-token/messages/${original}`, edit)).toBeNull();
    expect(check('PATCH', '/webhooks/1/some-token/messages/%40original', { bogus: 1 })?.route).toBe(
      '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
    );
  });

  it('reports a body the spec gives no place, and a missing body the operation requires, without tokens', () => {
    expect(check('POST', '/webhooks/1/secret-token-123/no-such-route', { a: 1 })).toMatchObject({
      kind: 'unspecified-body',
      route: '/webhooks/{…}/{…}/no-such-route',
    });
    expect(sharedConformance().check('POST', CALLBACK, undefined, false)).toMatchObject({
      kind: 'invalid-body',
      problems: [{ keyword: 'required' }],
    });
    expect(sharedConformance().check('PUT', '/channels/1/messages/pins/2', undefined, false)).toBeNull();
    expect(sharedConformance().check('GET', '/gateway/bot', undefined, false)).toBeNull();
  });

  it("answers in Discord's Invalid Form Body shape, each problem under its path", () => {
    expect(
      invalidFormBody([{ at: '/data/components/0/custom_id', keyword: 'maxLength', message: 'too long' }]).body,
    ).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        data: {
          components: { 0: { custom_id: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'too long' }] } } },
        },
      },
    });
  });
});

describe('the fake Discord with a body the spec refuses', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    fake?.takeConformanceViolations();
    await fake?.close();
    fake = undefined;
  });

  const post = async (started: FakeDiscord, path: string, body: JsonValue) => {
    const response = await fetch(`${started.apiUrl}/v10${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as JsonValue };
  };

  it('answers 400 50035, records the violation, and fails its close until the violation is taken', async () => {
    const started = await startFakeDiscord();
    fake = started;
    const answer = await post(started, `/channels/${started.world.channelId}/messages`, { content: 'x', colour: 3 });
    expect(answer).toMatchObject({ status: 400, body: { code: 50035, message: 'Invalid Form Body' } });
    expect(started.channelMessages()).toEqual([]);
    expect(started.conformanceViolations).toEqual([
      {
        kind: 'invalid-body',
        method: 'POST',
        route: '/channels/{channel_id}/messages',
        problems: [
          { at: '', keyword: 'unevaluatedProperties', message: 'must NOT have unevaluated properties: colour' },
        ],
      },
    ]);
    fake = undefined;
    await expect(started.close()).rejects.toThrow(
      /1 request bodies broke Discord's OpenAPI spec:\n {2}POST \/channels\/\{channel_id\}\/messages: \(body\) must NOT have unevaluated properties: colour/u,
    );
  });

  it('still posts a conforming body, and closes cleanly', async () => {
    const started = await startFakeDiscord();
    fake = started;
    const answer = await post(started, `/channels/${started.world.channelId}/messages`, goodMessage);
    expect(answer.status).toBe(200);
    expect(started.channelMessages()).toHaveLength(1);
    expect(started.conformanceViolations).toEqual([]);
  });
});

describe('the limits the spec leaves to the fake', () => {
  it("refuses 2001 characters of content and six action rows, which Discord's spec allows (4000, 40)", async () => {
    const fake = await startFakeDiscord();
    const post = (body: JsonValue) =>
      fetch(`${fake.apiUrl}/v10/channels/${fake.world.channelId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as JsonValue }));
    try {
      const long = await post({ content: 'x'.repeat(2001) });
      expect(long).toMatchObject({ status: 400, body: { code: 50035 } });
      expect(JSON.stringify(long.body)).toContain('2000');
      const rows = await post({ content: 'x', components: Array.from({ length: 6 }, (_, at) => buttonRow(`b${at}`)) });
      expect(rows).toMatchObject({ status: 400, body: { code: 50035 } });
      expect(JSON.stringify(rows.body)).toContain('5 or fewer');
      const five = await post({ content: 'x', components: Array.from({ length: 5 }, (_, at) => buttonRow(`b${at}`)) });
      expect(five.status).toBe(200);
      expect(fake.conformanceViolations).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
