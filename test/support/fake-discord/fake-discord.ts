import type { Server } from 'node:http';
import { describeInteraction } from './describe.js';
import type { FakeGateway } from './gateway.js';
import type { Faults } from './http.js';
import * as build from './interactions.js';
import type { FakeState } from './state.js';
import type { CallbackRecord, DelayRule, FailRule, FakeWorld, InteractionRecord, JsonObject, JsonValue, RecordedMessage, RecordedRequest, WaitOptions } from './types.js';
import { apiMessage, snowflake } from './world.js';

const DEFAULT_TIMEOUT_MS = 5000;

/** A dispatched interaction: its ids, payload, live record, and waiters bound to it. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: build.InteractionPayload;
  /** Live: updated as the bot answers. */
  readonly record: InteractionRecord;
  waitForCallback(options?: WaitOptions): Promise<CallbackRecord>;
  waitForResponse(predicate: (record: InteractionRecord) => boolean, options?: WaitOptions): Promise<InteractionRecord>;
}

/** A running fake Discord (REST v10 + gateway) on loopback. Create it with `startFakeDiscord()`. */
export class FakeDiscord {
  /** Pass as `rest: { api }` to the discord.js Client: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** What `GET /gateway/bot` returns and READY's `resume_gateway_url`: `ws://127.0.0.1:PORT`. */
  readonly gatewayUrl: string;
  readonly world: FakeWorld;

  constructor(
    private readonly server: Server,
    readonly port: number,
    /** Everything recorded; prefer the helpers below in tests. */
    readonly state: FakeState,
    private readonly gateway: FakeGateway,
    private readonly faults: Faults,
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

  /** Registered commands: global without an argument, else the guild's. */
  commands(guildId?: string): JsonObject[] {
    return this.state.commands.get(guildId ?? 'global') ?? [];
  }

  /** How many bulk overwrites (PUT) hit a scope: global without an argument, else the guild's. */
  commandPutCount(guildId?: string): number {
    return this.state.commandPuts.get(guildId ?? 'global') ?? 0;
  }

  /** Builds a chat-input interaction; the command id is the registered one (guild first, then global) when known. */
  chatInput(options: build.ChatInputOptions): build.InteractionPayload {
    return build.chatInputInteraction(this.world, options, options.commandId ?? this.commandId(options.name, options.guildId));
  }

  /** Builds an autocomplete interaction. */
  autocomplete(options: build.AutocompleteOptions): build.InteractionPayload {
    return build.autocompleteInteraction(this.world, options, options.commandId ?? this.commandId(options.name, options.guildId));
  }

  /** Builds a button click (or, with `componentType`, a select). */
  button(options: build.ComponentOptions): build.InteractionPayload {
    return build.componentInteraction(this.world, options);
  }

  /** Builds a modal submission. */
  modalSubmit(options: build.ModalSubmitOptions): build.InteractionPayload {
    return build.modalSubmitInteraction(this.world, options);
  }

  /** Dispatches INTERACTION_CREATE and starts recording the bot's answers to it. */
  sendInteraction(payload: build.InteractionPayload): InteractionHandle {
    if (this.state.interactions.has(payload.id)) throw new Error(`fake-discord: interaction ${payload.id} was already sent`);
    const record: InteractionRecord = {
      id: payload.id, token: payload.token, type: payload.type, payload, dispatchedAt: Date.now(),
      callbacks: [], rejectedCallbacks: [], original: null, followUps: [],
    };
    this.state.interactions.set(payload.id, record);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return {
      id: payload.id, token: payload.token, payload, record,
      waitForCallback: (options) => this.waitForCallback(payload.id, options),
      waitForResponse: (predicate, options) => this.waitForResponse(payload.id, predicate, options),
    };
  }

  /** The record of an interaction sent with {@link sendInteraction}. */
  interaction(id: string): InteractionRecord {
    const record = this.state.interactions.get(id);
    if (!record) throw new Error(`fake-discord: unknown interaction ${id}`);
    return record;
  }

  /** Resolves with the interaction's first accepted callback (with `sinceDispatchMs`). */
  async waitForCallback(id: string, options: WaitOptions = {}): Promise<CallbackRecord> {
    const record = await this.waitForResponse(id, (candidate) => candidate.callbacks.length > 0, options);
    const [first] = record.callbacks;
    if (!first) throw new Error('unreachable: callbacks was non-empty');
    return first;
  }

  /** Resolves once the interaction's record satisfies `predicate`; the timeout error lists what was received. */
  waitForResponse(id: string, predicate: (record: InteractionRecord) => boolean, options: WaitOptions = {}): Promise<InteractionRecord> {
    const record = this.interaction(id);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.state.signal.waitFor(() => (predicate(record) ? record : undefined), timeoutMs, () => describeInteraction(this.state, record));
  }

  /** Messages in a channel (default: the text channel), interaction replies included. */
  channelMessages(channelId = this.world.channelId): RecordedMessage[] {
    return this.state.channels.get(channelId)?.messages ?? [];
  }

  /** The API message object for a recorded message, e.g. to pass as a component interaction's `message`. */
  apiMessage(message: RecordedMessage): JsonObject {
    const interaction = message.interactionId === null ? undefined : this.state.interactions.get(message.interactionId)?.payload;
    return apiMessage(this.world, message, interaction);
  }

  /** Makes the next matching request(s) fail with 429 (with rate-limit headers), 500 or 502. */
  failNext(rule: FailRule): void {
    this.faults.addFail(rule);
  }

  /** Holds the next matching request(s) for `ms` before handling them. */
  delayNext(rule: DelayRule): void {
    this.faults.addDelay(rule);
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  /** RESUME payloads received (see `gatewayStats.invalidResumeCount` for refused ones). */
  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  get connectionCount(): number {
    return this.gateway.connectionCount;
  }

  /** Gateway internals for finer assertions: heartbeats, refused resumes, received payloads, connect queries. */
  get gatewayStats(): Pick<FakeGateway, 'heartbeatCount' | 'invalidResumeCount' | 'received' | 'connectQueries'> {
    return this.gateway;
  }

  /** Sends a dispatch with the next seq (kept for RESUME replay); returns the seq. */
  dispatch(t: string, d: JsonValue): number {
    return this.gateway.dispatch(t, d);
  }

  /** Closes the client's gateway socket (default code 4000, which discord.js resumes after). */
  dropGateway(options: { readonly code?: number; readonly abrupt?: boolean } = {}): Promise<void> {
    return this.gateway.drop(options);
  }

  /** Sends op 7 RECONNECT. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Sends op 9 INVALID SESSION. Note: @discordjs/ws waits up to ~6.5 s before re-identifying within 5 s of the last IDENTIFY. */
  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /** Resolves when a client has identified (and got its guild) or resumed, and is still connected. */
  waitForReady(options: WaitOptions = {}): Promise<void> {
    const describe = (): string => `no ready gateway client (connections ${this.connectionCount}, identifies ${this.identifyCount}, resumes ${this.resumeCount})`;
    const probe = (): true | undefined => (this.gateway.ready ? true : undefined);
    return this.state.signal.waitFor(probe, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, describe).then(() => undefined);
  }

  /** Shuts down sockets, timers and the server. Destroy the discord.js client first, or it will keep reconnecting. */
  async close(): Promise<void> {
    this.state.signal.rejectAll('fake-discord was closed');
    this.faults.wakeAll();
    await this.gateway.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private commandId(name: string, guildId: string | undefined): string {
    const found = [...this.commands(guildId ?? this.world.guildId), ...this.commands()].find((command) => command.name === name);
    return typeof found?.id === 'string' ? found.id : snowflake();
  }
}
