import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ChatInputCommandInteraction, Client, DiscordAPIError, HTTPError } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, type Logger } from '../../src/app/logger.js';
import { makeWorld } from '../support/fake-discord/world.js';
import { chatInputInteraction } from '../support/fake-discord/interactions.js';
import { FAKE_TOKEN, INTERACTION_TOKEN_MARKER, newInteractionToken, secretLeaks } from '../support/fake-token.js';
import { temporaryFolder } from '../support/test-index.js';

/**
 * The production logger (`createLogger`, as `npm start` builds it) writing through its real pino pipeline, JSON and
 * pretty, to a file read back here: what it prints must carry neither the bot token nor an interaction token nor a
 * member's words, however the objects and errors the bot logs carry them, and must keep what a person needs to act
 * on an error (its name, message, Discord code and HTTP status).
 */

const world = makeWorld({});
/** What a member typed, as Discord echoes it back in a failed request's body. */
const QUESTION = 'Is my neighbour Marjorie Quill-Henderson on an MI5 watch list?';
const API = 'https://discord.com/api/v10';

/** Discord refusing an edit of an interaction's reply, as @discordjs/rest builds it: the URL carries the token, the body the question. */
function refusedEdit(interactionToken: string): DiscordAPIError {
  const rawError = {
    message: 'Invalid Form Body',
    code: 50035,
    errors: {
      embeds: {
        0: {
          description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }] },
        },
      },
    },
  };
  const body = {
    content: `> ${QUESTION}`,
    embeds: [{ title: QUESTION, description: 'x'.repeat(5000) }],
    allowed_mentions: { parse: [] },
  };
  return new DiscordAPIError(
    rawError,
    50035,
    400,
    'PATCH',
    `${API}/webhooks/${world.applicationId}/${interactionToken}/messages/@original`,
    { body, files: undefined },
  );
}

/** An interaction that expired before the bot answered it, refused on the callback route (token in the URL). */
function unknownInteraction(interactionId: string, interactionToken: string): DiscordAPIError {
  const body = { type: 4, data: { content: `You asked: ${QUESTION}`, flags: 64, allowed_mentions: { parse: [] } } };
  return new DiscordAPIError(
    { message: 'Unknown interaction', code: 10062 },
    10062,
    404,
    'POST',
    `${API}/interactions/${interactionId}/${interactionToken}/callback?with_response=false`,
    { body, files: undefined },
  );
}

/** Discord failing a follow-up after the retries: @discordjs/rest's HTTPError, URL and body kept the same way. */
function failedFollowUp(interactionToken: string): HTTPError {
  return new HTTPError(
    502,
    'Bad Gateway',
    'POST',
    `${API}/webhooks/${world.applicationId}/${interactionToken}?wait=true`,
    { body: { content: QUESTION, flags: 64 }, files: undefined },
  );
}

let folder: string;
let remove: () => Promise<void>;
let files = 0;
beforeAll(async () => {
  ({ folder, remove } = await temporaryFolder('logger'));
});
afterAll(async () => {
  await remove();
});

/** A production logger writing to a fresh file; `output()` waits for the last line (pretty formats asynchronously). */
function productionLogger(humanReadable: boolean): { logger: Logger; output: () => Promise<string>; file: string } {
  const file = path.join(folder, `log-${(files += 1)}.txt`);
  const logger = createLogger('debug', humanReadable, file);
  return {
    logger,
    file,
    output: async () => {
      logger.info('end of test');
      return vi.waitFor(async () => {
        const text = await readFile(file, 'utf8').catch(() => '');
        if (!text.includes('end of test')) throw new Error('the log is not written yet');
        return text;
      });
    },
  };
}

describe('the production logger, for a person watching the terminal', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts each line with the clock time (UTC) and shows the level and message in colour', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-06T12:34:56.789Z'));
    const { logger, file } = productionLogger(true);
    logger.info('the index was rebuilt');
    logger.error('the index is unreadable');
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      '[12:34:56] \u001b[32mINFO\u001b[39m: \u001b[36mthe index was rebuilt\u001b[39m',
      '[12:34:56] \u001b[31mERROR\u001b[39m: \u001b[36mthe index is unreadable\u001b[39m',
      '',
    ]);
  });
});

describe.each([
  { format: 'JSON lines', humanReadable: false },
  { format: 'pretty', humanReadable: true },
])('the production logger ($format)', ({ humanReadable }) => {
  it('censors the bot token wherever an object carries it', async () => {
    const { logger, output } = productionLogger(humanReadable);
    logger.info({ token: FAKE_TOKEN }, 'top-level token');
    logger.info({ client: { token: FAKE_TOKEN } }, 'nested token');
    logger.info({ discordToken: FAKE_TOKEN }, 'config token');
    logger.info({ config: { discordToken: FAKE_TOKEN, logLevel: 'debug' } }, 'nested config token');
    logger.info({ request: { method: 'GET', headers: { authorization: `Bot ${FAKE_TOKEN}` } } }, 'request headers');
    logger.info({ request: { headers: { Authorization: `Bot ${FAKE_TOKEN}` } } }, 'request headers, capitalised');
    logger.info({ headers: { authorization: `Bot ${FAKE_TOKEN}` } }, 'top-level headers');
    logger.child({ token: FAKE_TOKEN }).info('token in a child binding');
    const text = await output();
    expect(secretLeaks(text)).toEqual([]);
    for (const message of [
      'top-level token',
      'nested token',
      'config token',
      'nested config token',
      'request headers',
      'top-level headers',
      'token in a child binding',
    ])
      expect(text).toContain(message);
    expect(text).toContain('[redacted]');
    expect(text).toContain('GET');
  });

  it("keeps interaction tokens and the member's question out of what the bot logs about interactions", async () => {
    const { logger, output } = productionLogger(humanReadable);
    const token = newInteractionToken();
    const payload = chatInputInteraction(
      world,
      { name: 'ask', options: [{ name: 'question', type: 3, value: 'encryption' }] },
      '1000000000000000100',
    );
    // As handle-interaction.ts logs: a child per interaction, the failure as `err`.
    const log = logger.child({ interaction: payload.id, command: 'ask', user: world.userId });
    log.error({ err: refusedEdit(token), latencyMs: 12, outcome: 'failed' }, 'interaction failed');
    log.warn({ err: unknownInteraction(payload.id, token) }, 'could not tell the user about the failure');
    log.warn({ err: failedFollowUp(token) }, 'could not answer the autocomplete');
    // An error passed first, and an object that carries an interaction's token.
    logger.error(refusedEdit(token), 'discord client error');
    logger.warn({ interaction: { id: payload.id, token } }, 'interaction delivered twice; handled once');
    logger.warn({ error: unknownInteraction(payload.id, token) }, 'an error logged as error, not err');
    const text = await output();
    expect({ secrets: secretLeaks(text), question: text.includes('Marjorie') }).toEqual({
      secrets: [],
      question: false,
    });
    expect(text).not.toContain(token.slice(INTERACTION_TOKEN_MARKER.length));
    // What a person needs: which interaction, what failed, Discord's code and the HTTP status.
    expect(text).toContain(payload.id);
    expect(text).toContain('interaction failed');
    expect(text).toContain('DiscordAPIError[50035]');
    expect(text).toContain('Invalid Form Body');
    expect(text).toContain('embeds[0].description[BASE_TYPE_MAX_LENGTH]: Must be 4096 or fewer in length.');
    expect(text).toContain('DiscordAPIError[10062]');
    expect(text).toContain('Unknown interaction');
    expect(text).toContain('HTTPError');
    expect(text).toContain('Bad Gateway');
    expect(text).toMatch(/"code": ?50035/u);
    expect(text).toMatch(/"code": ?10062/u);
    expect(text).toMatch(/"status": ?400/u);
    expect(text).toMatch(/"status": ?404/u);
    expect(text).toMatch(/"status": ?502/u);
    expect(text).toContain('production-logger.test.ts'); // the stack
  });

  it('shows no interaction token when a real discord.js interaction is logged whole', async () => {
    const { logger, output } = productionLogger(humanReadable);
    const client = new Client({ intents: [] });
    try {
      const payload = chatInputInteraction(
        world,
        { name: 'ask', options: [{ name: 'question', type: 3, value: QUESTION }] },
        '1000000000000000100',
      );
      // discord.js builds it from the gateway's INTERACTION_CREATE this way; its constructor is not public in the types.
      const Interaction = ChatInputCommandInteraction as unknown as new (
        client: Client,
        data: unknown,
      ) => ChatInputCommandInteraction;
      const interaction = new Interaction(client, payload);
      expect(interaction.token).toBe(payload.token);
      logger.info({ interaction }, 'a whole interaction');
      logger.info({ options: interaction.options.data }, 'command received');
      const text = await output();
      expect(secretLeaks(text)).toEqual([]);
      expect(text).toContain(payload.id);
    } finally {
      await client.destroy();
    }
  });

  it('has written a line by the time the call returns, so a CLI that exits right after logging keeps it', () => {
    const { logger, file } = productionLogger(humanReadable);
    logger.warn('the index was rebuilt');
    expect(readFileSync(file, 'utf8')).toContain('the index was rebuilt');
  });

  it('logs a thrown non-error by its text', async () => {
    const { logger, output } = productionLogger(humanReadable);
    logger.error({ err: 'a string thrown' }, 'odd failure');
    expect(await output()).toContain('a string thrown');
  });
});
