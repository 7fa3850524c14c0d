import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import type { FakeWorld, JsonObject, JsonValue } from './types.js';
import { botUser } from './world.js';

/** One gateway frame. Non-dispatch frames carry `s` and `t` as null, like Discord's. */
export interface Payload {
  readonly op: number;
  readonly d: JsonValue;
  readonly s: number | null;
  readonly t: string | null;
}

/** A gateway session: its seq counter and the dispatches a RESUME may replay. */
export interface Session {
  readonly id: string;
  seq: number;
  readonly buffer: Payload[];
  readonly shard: JsonValue;
}

/** One client socket and where it is in the handshake. */
export interface Connection {
  readonly socket: WebSocket;
  session: Session | null;
  ready: boolean;
  /** A seq the client must confirm having processed (via a heartbeat) before `then` runs; see {@link awaitAck}. */
  awaiting: { readonly seq: number; readonly then: () => void; requests: number } | null;
  timer: NodeJS.Timeout | null;
}

export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-dispatch frame. */
export const frame = (op: number, d: JsonValue = null): Payload => ({ op, d, s: null, t: null });

/** A fresh session with a random id, as IDENTIFY creates. */
export function newSession(shard: JsonValue | undefined): Session {
  return { id: randomBytes(16).toString('hex'), seq: 0, buffer: [], shard: shard ?? [0, 1] };
}

/** The READY payload: one unavailable guild (so discord.js waits for its GUILD_CREATE), the session and resume URL. */
export function readyPayload(world: FakeWorld, session: Session, resumeUrl: string): JsonObject {
  return {
    v: 10,
    user: botUser(world),
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    shard: session.shard,
    application: { id: world.applicationId, flags: 0 },
    user_settings: {},
    relationships: [],
    private_channels: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    session_type: 'normal',
    auth: {},
    _trace: ['fake-discord'],
  };
}

/** Sends a dispatch with the session's next seq; READY and RESUMED pass `buffer: false` as they are never replayed. */
export function dispatchOn(
  connection: Connection | null,
  session: Session,
  t: string,
  d: JsonValue,
  buffer: boolean,
): number {
  session.seq += 1;
  const payload: Payload = { op: 0, d, s: session.seq, t };
  if (buffer) session.buffer.push(payload);
  if (connection) send(connection, payload);
  return session.seq;
}

/** IDENTIFY/RESUME token check: any non-empty token, or exactly the configured one. */
export function tokenMatches(token: JsonValue | undefined, expected: string | undefined): boolean {
  return typeof token === 'string' && token !== '' && (expected === undefined || token === expected);
}

/** Sends a frame if the socket is still open (a closing socket just drops it, as the network would). */
export function send(connection: Connection, payload: Payload): void {
  if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(JSON.stringify(payload));
}

/** Runs `close` and resolves once the socket has closed. */
export function closeSocket(socket: WebSocket, close: () => void): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    close();
  });
}

function requestHeartbeat(connection: Connection): void {
  if (connection.awaiting) connection.awaiting.requests += 1;
  send(connection, frame(1));
}

/**
 * Runs `then` once the client's heartbeat reports `seq`, asking for heartbeats (op 1) until it does. Having *sent*
 * GUILD_CREATE or RESUMED says nothing about the client having *processed* it: e.g. discord.js crashes (RESUMED.js
 * reads a nulled sessionInfo) when an op 9 arrives right behind RESUMED. A heartbeat carrying that seq proves it was
 * handled, so `waitForReady()` means what it says and tests can act on the gateway right after it.
 */
export function awaitAck(connection: Connection, seq: number, then: () => void): void {
  connection.awaiting = { seq, then, requests: 0 };
  requestHeartbeat(connection);
}

/** ACKs a heartbeat (op 11) and advances a pending {@link awaitAck}: done when the seq is reached, else asks again. */
export function onHeartbeat(connection: Connection, d: JsonValue): void {
  send(connection, frame(11));
  const awaiting = connection.awaiting;
  if (!awaiting) return;
  // 300 asks (~3 s) is far beyond any real lag; then carry on rather than hang the test.
  if ((typeof d === 'number' && d >= awaiting.seq) || awaiting.requests >= 300) {
    connection.awaiting = null;
    awaiting.then();
  } else {
    connection.timer = setTimeout(() => requestHeartbeat(connection), 10);
  }
}
