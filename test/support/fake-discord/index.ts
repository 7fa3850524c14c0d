import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDiscord } from './fake-discord.js';
import { FakeGateway } from './gateway.js';
import { Faults } from './faults.js';
import { createRestListener } from './rest.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { FakeState } from './state.js';
import type { FakeDiscordOptions } from './types.js';
import { makeWorld } from './world.js';

export { FakeDiscord, type InteractionHandle } from './fake-discord.js';
export type {
  AutocompleteOptions,
  ChatInputOptions,
  ComponentOptions,
  InteractionContextOptions,
  InteractionPayload,
  MemberMessageOptions,
  MessageCommandOptions,
  ModalSubmitOptions,
} from './interactions.js';
export type {
  CallbackRecord,
  DelayRule,
  FailRule,
  FakeDiscordOptions,
  FakeWorld,
  InteractionRecord,
  JsonObject,
  JsonValue,
  RecordedMessage,
  RecordedRequest,
  SentMessageFields,
  WaitOptions,
} from './types.js';
export type { BodyProblem, ConformanceViolation } from './openapi-conformance.js';
export { APP_PERMISSIONS, MEMBER_PERMISSIONS, snowflake, USER_INSTALL_APP_PERMISSIONS } from './world.js';

/**
 * Starts a fake Discord on 127.0.0.1 (random port): REST v10 under `/api` and the gateway on the same port (any
 * non-`/api` upgrade). Point discord.js at it with `new Client({ intents, rest: { api: fake.apiUrl } })`.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = new FakeState(makeWorld(options));
  const faults = new Faults();
  let port = 0;
  // No trailing slash or query: @discordjs/ws appends `?v=10&encoding=json` to this URL as given.
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const gateway = new FakeGateway(state, options.heartbeatIntervalMs ?? 41_250, options.token, gatewayUrl);
  const routes = [
    ...appRoutes(state, gatewayUrl),
    ...interactionRoutes(state),
    ...channelRoutes(state, (t, d) => gateway.dispatchIfConnected(t, d)),
  ];
  const server = createServer(createRestListener(state, routes, faults, options.token));
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith('/api')) socket.destroy();
    else gateway.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return new FakeDiscord(server, port, state, faults, gateway);
}
