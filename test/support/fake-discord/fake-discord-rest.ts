import type { Server } from 'node:http';
import type { Faults } from './faults.js';
import type { ConformanceViolation } from './openapi-conformance.js';
import type { FakeState } from './state.js';
import type { DelayRule, FailRule, FakeWorld, JsonObject, RecordedMessage, RecordedRequest } from './types.js';
import { apiMessage } from './world.js';

/**
 * The REST half of the fake's test API: what was requested, registered and posted, and fault injection.
 * {@link FakeDiscord} extends it with the gateway and interactions; the split only keeps each file readable.
 */
export class FakeDiscordRest {
  /** Pass as `rest: { api }` to the discord.js Client: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** What `GET /gateway/bot` returns and READY's `resume_gateway_url`: `ws://127.0.0.1:PORT`. */
  readonly gatewayUrl: string;
  readonly world: FakeWorld;

  constructor(
    private readonly server: Server,
    readonly port: number,
    /** Everything recorded; prefer the helpers in tests. */
    readonly state: FakeState,
    protected readonly faults: Faults,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.world = state.world;
  }

  /** Every REST request, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.state.requests;
  }

  /** Requests no route matched (404 `Unknown` / 405). */
  unknownRequests(): RecordedRequest[] {
    return this.state.requests.filter((request) => !request.matched);
  }

  /** Crashes inside the fake's handlers (answered 500); should stay empty. */
  get errors(): readonly string[] {
    return this.state.errors;
  }

  /**
   * Request bodies Discord's OpenAPI spec does not accept, in arrival order (see `openapi-conformance.ts`). Closing
   * the fake throws while any are left, so no suite can forget to look.
   */
  get conformanceViolations(): readonly ConformanceViolation[] {
    return this.state.violations;
  }

  /**
   * Returns the violations recorded so far and forgets them: for a test that sends a non-conforming body on purpose
   * and asserts on what was recorded.
   */
  takeConformanceViolations(): ConformanceViolation[] {
    return this.state.violations.splice(0);
  }

  /** Throws, listing them, when non-conforming bodies were received and not taken. */
  protected assertConforming(): void {
    const violations = this.state.violations;
    if (violations.length === 0) return;
    const lines = violations.map(
      (violation) =>
        `${violation.method} ${violation.route}: ${violation.problems
          .map((problem) => `${problem.at || '(body)'} ${problem.message}`)
          .join('; ')}`,
    );
    throw new Error(
      `fake-discord: ${violations.length} request bodies broke Discord's OpenAPI spec:\n  ${lines.join('\n  ')}`,
    );
  }

  /** Registered commands: global without an argument, else the guild's. */
  commands(guildId?: string): JsonObject[] {
    return this.state.commands.get(guildId ?? 'global') ?? [];
  }

  /** How many bulk overwrites (PUT) hit a scope: global without an argument, else the guild's. */
  commandPutCount(guildId?: string): number {
    return this.state.commandPuts.get(guildId ?? 'global') ?? 0;
  }

  /** Messages in a channel (default: the text channel), interaction replies included. */
  channelMessages(channelId = this.world.channelId): RecordedMessage[] {
    return this.state.channels.get(channelId)?.messages ?? [];
  }

  /** The API message object for a recorded message, e.g. to pass as a component interaction's `message`. */
  apiMessage(message: RecordedMessage): JsonObject {
    const interaction =
      message.interactionId === null ? undefined : this.state.interactions.get(message.interactionId)?.payload;
    return apiMessage(this.world, message, interaction);
  }

  /** Makes the next matching request(s) fail with 429 (with the rate-limit headers discord.js obeys), 500 or 502. */
  failNext(rule: FailRule): void {
    this.faults.addFail(rule);
  }

  /** Holds the next matching request(s) for `ms` before handling them. */
  delayNext(rule: DelayRule): void {
    this.faults.addDelay(rule);
  }

  /** Stops the HTTP server, cutting keep-alive connections (undici keeps them open) so nothing outlives the test. */
  protected async closeServer(): Promise<void> {
    this.faults.wakeAll();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
