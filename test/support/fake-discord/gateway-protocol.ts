import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import type { FakeWorld, JsonObject, JsonValue } from './types.js';
import { botUser } from './world.js';

/** One gateway frame. Non-dispatch frames carry `s` and `t` as null, like Discord's. */
export interface Payload { readonly op: number; readonly d: JsonValue; readonly s: number | null; readonly t: string | null }

/** A gateway session: its seq counter and the dispatches a RESUME may replay. */
export interface Session { readonly id: string; seq: number; readonly buffer: Payload[]; readonly shard: JsonValue }

/** One client socket and where it is in the handshake. */
export interface Connection {
  readonly socket: WebSocket;
  session: Session | null;
  ready: boolean;
  /** A seq the client must confirm having processed (via a heartbeat) before `then` runs; see `FakeGateway.awaitAck`. */
  awaiting: { readonly seq: number; readonly then: () => void; requests: number } | null;
  timer: NodeJS.Timeout | null;
}

export const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-dispatch frame. */
export const frame = (op: number, d: JsonValue = null): Payload => ({ op, d, s: null, t: null });

/** A fresh session with a random id, as IDENTIFY creates. */
export function newSession(shard: JsonValue | undefined): Session {
  return { id: randomBytes(16).toString('hex'), seq: 0, buffer: [], shard: shard ?? [0, 1] };
}

/** The READY payload: one unavailable guild (so discord.js waits for its GUILD_CREATE), the session and resume URL. */
export function readyPayload(world: FakeWorld, session: Session, resumeUrl: string): JsonObject {
  return {
    v: 10, user: botUser(world), guilds: [{ id: world.guildId, unavailable: true }], session_id: session.id,
    resume_gateway_url: resumeUrl, shard: session.shard, application: { id: world.applicationId, flags: 0 },
    user_settings: {}, relationships: [], private_channels: [], presences: [], guild_join_requests: [],
    geo_ordered_rtc_regions: [], session_type: 'normal', auth: {}, _trace: ['fake-discord'],
  };
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
