import type { Server } from 'node:http';
import { describeInteraction } from './describe.js';
import { FakeDiscordRest } from './fake-discord-rest.js';
import type { FakeGateway } from './gateway.js';
import type { Faults } from './faults.js';
import * as build from './interactions.js';
import type { FakeState } from './state.js';
import type { CallbackRecord, InteractionRecord, JsonObject, JsonValue, WaitOptions } from './types.js';
import { guildChannelPayload, rolePayload, snowflake } from './world.js';

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
export class FakeDiscord extends FakeDiscordRest {
  constructor(
    server: Server,
    port: number,
    state: FakeState,
    faults: Faults,
    private readonly gateway: FakeGateway,
  ) {
    super(server, port, state, faults);
  }

  /** Builds a chat-input interaction; the command id is the registered one (guild first, then global) when known. */
  chatInput(options: build.ChatInputOptions): build.InteractionPayload {
    return build.chatInputInteraction(
      this.world,
      options,
      options.commandId ?? this.commandId(options.name, options.guildId),
    );
  }

  /** Builds an autocomplete interaction. */
  autocomplete(options: build.AutocompleteOptions): build.InteractionPayload {
    return build.autocompleteInteraction(
      this.world,
      options,
      options.commandId ?? this.commandId(options.name, options.guildId),
    );
  }

  /** Builds a message command on a target message with the given text. */
  messageCommand(options: build.MessageCommandOptions): build.InteractionPayload {
    return build.messageCommandInteraction(
      this.world,
      options,
      options.commandId ?? this.commandId(options.name, options.guildId),
    );
  }

  /** Builds a button click (or, with `componentType`, a select). */
  button(options: build.ComponentOptions): build.InteractionPayload {
    return build.componentInteraction(this.world, options);
  }

  /** Builds a modal submission. */
  modalSubmit(options: build.ModalSubmitOptions): build.InteractionPayload {
    return build.modalSubmitInteraction(this.world, options);
  }

  /** Builds the `d` of a MESSAGE_CREATE from a member (send it with `dispatch('MESSAGE_CREATE', …)`). */
  memberMessage(options: build.MemberMessageOptions = {}): JsonObject {
    return build.memberMessagePayload(this.world, options);
  }

  /**
   * Adds a text channel (type 0) to the guild; returns its id. Added before the client connects, it is in GUILD_CREATE;
   * after, it is announced with CHANNEL_CREATE.
   */
  addTextChannel(name: string, id: string = snowflake()): string {
    if (this.state.channels.has(id)) throw new Error(`fake-discord: channel ${id} already exists`);
    const channel = guildChannelPayload(this.world, id, 0, name);
    this.state.channels.set(id, { channel, messages: [] });
    this.gateway.dispatchIfConnected('CHANNEL_CREATE', channel);
    this.state.changed();
    return id;
  }

  /**
   * Adds a role to the guild (no permissions of its own); returns its id. Added before the client connects, it is in
   * GUILD_CREATE; after, it is announced with GUILD_ROLE_CREATE, so discord.js resolves members' role ids to it.
   */
  addRole(name: string, id: string = snowflake()): string {
    const role = rolePayload(id, name, '0', this.state.roles.length + 1);
    this.state.roles.push(role);
    this.gateway.dispatchIfConnected('GUILD_ROLE_CREATE', { guild_id: this.world.guildId, role });
    this.state.changed();
    return id;
  }

  /** Dispatches INTERACTION_CREATE and starts recording the bot's answers to it. */
  sendInteraction(payload: build.InteractionPayload): InteractionHandle {
    if (this.state.interactions.has(payload.id))
      throw new Error(`fake-discord: interaction ${payload.id} was already sent`);
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      dispatchedAt: Date.now(),
      callbacks: [],
      rejectedCallbacks: [],
      original: null,
      followUps: [],
    };
    this.state.interactions.set(payload.id, record);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return {
      id: payload.id,
      token: payload.token,
      payload,
      record,
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
  waitForResponse(
    id: string,
    predicate: (record: InteractionRecord) => boolean,
    options: WaitOptions = {},
  ): Promise<InteractionRecord> {
    const record = this.interaction(id);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.state.signal.waitFor(
      () => (predicate(record) ? record : undefined),
      timeoutMs,
      () => describeInteraction(this.state, record),
    );
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  /** RESUME payloads received, accepted or refused (see `gatewayStats.invalidResumeCount`). */
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

  /** Sends a dispatch with the next seq (kept for RESUME replay, buffered while disconnected); returns the seq. */
  dispatch(t: string, d: JsonValue): number {
    return this.gateway.dispatch(t, d);
  }

  /** Closes the client's gateway socket (default code 4000, which discord.js resumes after; `abrupt` skips the close frame). */
  dropGateway(options: { readonly code?: number; readonly abrupt?: boolean } = {}): Promise<void> {
    return this.gateway.drop(options);
  }

  /** Sends op 7 RECONNECT; discord.js reconnects and resumes. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Sends op 9 INVALID SESSION. Re-identifying within 5 s of the last IDENTIFY, @discordjs/ws first waits up to ~6.5 s. */
  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /**
   * Forgets the session while the client is disconnected (after `dropGateway`): its RESUME is refused with op 9
   * (false) and it must IDENTIFY again, so interactions dispatched meanwhile are lost, as on Discord.
   */
  expireSession(): void {
    this.gateway.expireSession();
  }

  /** Every INTERACTION_CREATE written to an open client socket, live or replayed on RESUME, in order. */
  get interactionWrites(): readonly { readonly id: string; readonly seq: number; readonly replay: boolean }[] {
    return this.gateway.interactionWrites;
  }

  /** Resolves when a connected client has processed its READY + GUILD_CREATE (so it is ready) or its RESUMED. */
  waitForReady(options: WaitOptions = {}): Promise<void> {
    const describe = (): string =>
      `no ready gateway client (connections ${this.connectionCount}, identifies ${this.identifyCount}, resumes ${this.resumeCount})`;
    const probe = (): true | undefined => (this.gateway.ready ? true : undefined);
    return this.state.signal.waitFor(probe, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, describe).then(() => undefined);
  }

  /**
   * Shuts down sockets, timers and the server, then throws if any request body broke Discord's OpenAPI spec (see
   * {@link FakeDiscordRest.conformanceViolations}). Destroy the discord.js client first, or it keeps reconnecting.
   */
  async close(): Promise<void> {
    this.state.signal.rejectAll('fake-discord was closed');
    await this.gateway.close();
    await this.closeServer();
    this.assertConforming();
  }

  private commandId(name: string, guildId: string | undefined): string {
    const found = [...this.commands(guildId ?? this.world.guildId), ...this.commands()].find(
      (command) => command.name === name,
    );
    return typeof found?.id === 'string' ? found.id : snowflake();
  }
}
