import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import {
  awaitAck,
  type Connection,
  closeSocket,
  dispatchOn,
  frame,
  isObject,
  newSession,
  onHeartbeat,
  type Payload,
  readyPayload,
  send,
  type Session,
  tokenMatches,
} from './gateway-protocol.js';
import type { FakeState } from './state.js';
import type { JsonObject, JsonValue } from './types.js';
import { guildCreatePayload } from './world.js';

/** The WebSocket gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay, and test controls. */
export class FakeGateway {
  identifyCount = 0;
  /** RESUME payloads received, accepted or not. */
  resumeCount = 0;
  /** RESUMEs refused with op 9 (unknown session or bad token). */
  invalidResumeCount = 0;
  connectionCount = 0;
  heartbeatCount = 0;
  /** Every payload a client sent, in order. */
  readonly received: { readonly op: number; readonly d: JsonValue; readonly at: number }[] = [];
  /** The query of each connection (discord.js sends `v=10&encoding=json`). */
  readonly connectQueries: Readonly<Record<string, string>>[] = [];
  /** Every INTERACTION_CREATE written to an open client socket: live, or replayed on RESUME (`replay`). */
  readonly interactionWrites: { readonly id: string; readonly seq: number; readonly replay: boolean }[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private current: Connection | null = null;
  private latest: Session | null = null;

  constructor(
    private readonly state: FakeState,
    private readonly heartbeatIntervalMs: number,
    private readonly token: string | undefined,
    private readonly url: () => string,
  ) {}

  /** True once a connected client has processed its READY + GUILD_CREATE, or its RESUMED. */
  get ready(): boolean {
    return this.current?.ready === true;
  }

  /** Takes over an HTTP upgrade request. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Sends a dispatch on the current session; without a live socket it is buffered, and replayed on RESUME. */
  dispatch(t: string, d: JsonValue): number {
    const session = this.latest;
    if (!session) throw new Error(`fake-discord: cannot dispatch ${t}: no client has identified yet`);
    const connection = this.current?.session === session ? this.current : null;
    const seq = dispatchOn(connection, session, t, d, true);
    if (connection) this.noteWrite(connection, { op: 0, d, s: seq, t }, false);
    return seq;
  }

  /** Like {@link dispatch}, but a no-op without a session (for echoes of REST changes). */
  dispatchIfConnected(t: string, d: JsonValue): void {
    if (this.latest) this.dispatch(t, d);
  }

  /** Closes the client's socket: with `code` (default 4000, which discord.js resumes after) or, if `abrupt`, without a close frame. */
  async drop(options: { readonly code?: number; readonly abrupt?: boolean } = {}): Promise<void> {
    const connection = this.requireCurrent();
    this.detach(connection);
    await closeSocket(connection.socket, () => {
      if (options.abrupt) connection.socket.terminate();
      else connection.socket.close(options.code ?? 4000, 'fake-discord drop');
    });
  }

  /** Sends op 7 RECONNECT; discord.js closes with 4200 and resumes on a new socket. */
  requestReconnect(): void {
    send(this.requireCurrent(), frame(7));
  }

  /** Sends op 9 INVALID SESSION; when not resumable the session is forgotten and the client must IDENTIFY again. */
  invalidateSession(resumable: boolean): void {
    const connection = this.requireCurrent();
    send(connection, frame(9, resumable));
    if (resumable) return;
    if (connection.session) this.sessions.delete(connection.session.id);
    connection.session = null;
    this.latest = null;
    this.detach(connection);
  }

  /**
   * Forgets the session while no client is connected (drop it first): its RESUME is then refused with op 9 (false),
   * so the dispatches buffered for it are never delivered, as when Discord lets a session expire.
   */
  expireSession(): void {
    if (this.current) throw new Error('fake-discord: expireSession needs the client disconnected (drop it first)');
    if (this.latest) this.sessions.delete(this.latest.id);
    this.latest = null;
    this.state.changed();
  }

  /** Terminates every socket and stops accepting upgrades. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.connections].map((connection) => closeSocket(connection.socket, () => connection.socket.terminate())),
    );
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    this.connectionCount += 1;
    const query = Object.fromEntries(new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams);
    this.connectQueries.push(query);
    const connection: Connection = { socket, session: null, ready: false, awaiting: null, timer: null };
    this.connections.add(connection);
    socket.on('error', () => undefined); // a client vanishing mid-frame must not crash the test process
    socket.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    socket.on('close', () => {
      if (connection.timer) clearTimeout(connection.timer);
      this.connections.delete(connection);
      this.detach(connection);
    });
    if (query.v !== '10' || query.encoding !== 'json') socket.close(4012, 'Invalid API version');
    else send(connection, frame(10, { heartbeat_interval: this.heartbeatIntervalMs }));
    this.state.changed();
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: JsonValue = null;
    try {
      if (!isBinary)
        payload = JSON.parse(
          (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(new Uint8Array(data))).toString('utf8'),
        ) as JsonValue;
    } catch {
      // left null: answered below with 4002 like Discord
    }
    if (!isObject(payload) || typeof payload.op !== 'number') return connection.socket.close(4002, 'Decode error');
    const d = payload.d ?? null;
    this.received.push({ op: payload.op, d, at: Date.now() });
    if (payload.op === 1) {
      this.heartbeatCount += 1;
      return onHeartbeat(connection, d);
    }
    if (payload.op === 2) return this.identify(connection, isObject(d) ? d : {});
    if (payload.op === 6) return this.resume(connection, isObject(d) ? d : {});
    // Presence (3), voice (4), member requests (8), soundboard (31) need no answer here; anything else is refused.
    if (![3, 4, 8, 31].includes(payload.op)) connection.socket.close(4001, 'Unknown opcode');
  }

  private identify(connection: Connection, d: JsonObject): void {
    if (connection.session) return connection.socket.close(4005, 'Already authenticated');
    if (!tokenMatches(d.token, this.token)) return connection.socket.close(4004, 'Authentication failed');
    this.identifyCount += 1;
    const session = newSession(d.shard);
    this.sessions.set(session.id, session);
    this.attach(connection, session);
    dispatchOn(connection, session, 'READY', readyPayload(this.state.world, session, this.url()), false);
    const channels = [...this.state.channels.values()].map((record) => record.channel);
    const guildSeq = dispatchOn(
      connection,
      session,
      'GUILD_CREATE',
      guildCreatePayload(this.state.world, channels, this.state.roles),
      true,
    );
    awaitAck(connection, guildSeq, () => this.markReady(connection));
  }

  private resume(connection: Connection, d: JsonObject): void {
    this.resumeCount += 1;
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session || !tokenMatches(d.token, this.token)) {
      this.invalidResumeCount += 1;
      return send(connection, frame(9, false));
    }
    // A resume on a ready socket (after op 9 resumable) is not ready again until its RESUMED has been processed.
    connection.ready = false;
    this.attach(connection, session);
    const after = typeof d.seq === 'number' ? d.seq : 0;
    for (const payload of session.buffer) {
      if (payload.s === null || payload.s <= after) continue;
      send(connection, payload);
      this.noteWrite(connection, payload, true);
    }
    const resumedSeq = dispatchOn(connection, session, 'RESUMED', { _trace: ['fake-discord'] }, false);
    awaitAck(connection, resumedSeq, () => this.markReady(connection));
  }

  private attach(connection: Connection, session: Session): void {
    connection.session = session;
    this.current = connection;
    this.latest = session;
  }

  private noteWrite(connection: Connection, payload: Payload, replay: boolean): void {
    if (
      payload.t !== 'INTERACTION_CREATE' ||
      payload.s === null ||
      connection.socket.readyState !== connection.socket.OPEN
    )
      return;
    const id = isObject(payload.d) && typeof payload.d.id === 'string' ? payload.d.id : '';
    this.interactionWrites.push({ id, seq: payload.s, replay });
  }

  private markReady(connection: Connection): void {
    connection.ready = connection.socket.readyState === connection.socket.OPEN;
    this.state.changed();
  }

  private detach(connection: Connection): void {
    connection.ready = false;
    connection.awaiting = null;
    if (this.current === connection) this.current = null;
    this.state.changed();
  }

  private requireCurrent(): Connection {
    if (!this.current) throw new Error('fake-discord: no connected gateway client');
    return this.current;
  }
}
