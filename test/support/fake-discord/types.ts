/** Any value JSON can carry; payloads stay loosely typed so tests can send odd shapes on purpose. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object, the shape of nearly every Discord payload. */
export type JsonObject = { [key: string]: JsonValue };

/** Options for {@link startFakeDiscord}. Every id defaults to a fixed snowflake so failures are easy to read. */
export interface FakeDiscordOptions {
  /** HELLO's heartbeat_interval. Default 41250 like Discord; the fake ACKs whatever the client sends. */
  readonly heartbeatIntervalMs?: number;
  /** When set, REST calls that need auth must carry `Bot <token>` and IDENTIFY/RESUME must match (else 401 / close 4004). */
  readonly token?: string;
  readonly applicationId?: string;
  readonly botUserId?: string;
  readonly botUsername?: string;
  readonly guildId?: string;
  readonly guildName?: string;
  /** The guild's text channel (type 0), also the default channel of built interactions. */
  readonly channelId?: string;
  /** A public thread (type 11) under the text channel, present in GUILD_CREATE. */
  readonly threadId?: string;
  /** The DM channel (type 1) used by DM-context interactions. */
  readonly dmChannelId?: string;
  /** The default invoking user of built interactions. */
  readonly userId?: string;
  readonly username?: string;
}

/** The fixed cast of ids and names the fake serves. */
export interface FakeWorld {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly botUsername: string;
  readonly guildId: string;
  readonly guildName: string;
  readonly channelId: string;
  readonly threadId: string;
  readonly dmChannelId: string;
  /** A group DM (type 3) of members, where only a member's install of the app reaches. */
  readonly groupDmChannelId: string;
  readonly userId: string;
  readonly username: string;
}

/** One HTTP request as the fake received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the `/api/v10` prefix and without the query, e.g. `/interactions/123/abc/callback`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body; for multipart, the parsed `payload_json` part. */
  readonly body: JsonValue | undefined;
  /** The raw text of a body that was multipart or not valid JSON. */
  readonly rawBody: string | undefined;
  /** File parts of a multipart body. */
  readonly files: readonly { readonly field: string; readonly filename: string; readonly size: number }[];
  readonly authorization: string | undefined;
  /** Epoch ms when the request arrived. */
  readonly at: number;
  /** Response status, 0 until answered. */
  status: number;
  /** False when no route matched (the fake answered 404 `Unknown`). */
  matched: boolean;
  /** Set when a {@link FailRule} or {@link DelayRule} applied. */
  fault: 'fail' | 'delay' | null;
}

/** Makes the next matching request(s) fail. */
export interface FailRule {
  readonly method?: string;
  readonly path: RegExp;
  readonly status: 400 | 403 | 404 | 429 | 500 | 502;
  /** For 4xx other than 429: Discord's error code and message (default 50035 "Invalid Form Body"), as @discordjs/rest turns into a DiscordAPIError. */
  readonly code?: number;
  readonly message?: string;
  /** For 429: `retry-after` in seconds (may be fractional). Default 1. */
  readonly retryAfterSeconds?: number;
  /** How many matching requests fail. Default 1. */
  readonly times?: number;
}

/** Holds the next matching request(s) before handling them. */
export interface DelayRule {
  readonly method?: string;
  readonly path: RegExp;
  readonly ms: number;
  readonly times?: number;
}

/** The message fields a bot sends, kept exactly as sent (absent when never sent). */
export interface SentMessageFields {
  content?: string;
  embeds?: JsonValue[];
  components?: JsonValue[];
  flags?: number;
  allowed_mentions?: JsonValue;
  attachments?: JsonValue[];
  tts?: boolean;
  message_reference?: JsonValue;
}

/** A message the bot created (reply, follow-up, channel post) or a component's message it updated. */
export interface RecordedMessage extends SentMessageFields {
  readonly id: string;
  readonly channelId: string;
  readonly source: 'interaction' | 'follow-up' | 'channel' | 'component';
  readonly interactionId: string | null;
  /** True between a deferred reply (type 5) and the first edit. */
  loading: boolean;
  deleted: boolean;
  pinned: boolean;
  readonly createdAt: number;
  editedAt: number | null;
  /** Every body that created or edited this message, in order. */
  readonly history: { readonly kind: 'create' | 'edit'; readonly at: number; readonly body: JsonObject }[];
}

/** One accepted interaction callback. */
export interface CallbackRecord {
  readonly type: number;
  readonly data: JsonObject | undefined;
  readonly withResponse: boolean;
  readonly at: number;
  /** Milliseconds between dispatching the interaction and receiving this callback. */
  readonly sinceDispatchMs: number;
}

/** Everything the bot did in answer to one interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly payload: JsonObject;
  readonly dispatchedAt: number;
  /** Accepted callbacks; a real interaction has at most one. */
  readonly callbacks: CallbackRecord[];
  /** Callbacks refused (e.g. 40060 already acknowledged, 50035 wrong type). */
  readonly rejectedCallbacks: {
    readonly at: number;
    readonly status: number;
    readonly code: number;
    readonly body: JsonValue | undefined;
  }[];
  /** The original response, after edits; for type 6/7 callbacks, the component's message. */
  original: RecordedMessage | null;
  readonly followUps: RecordedMessage[];
}

/** Options of every `waitFor…` helper. */
export interface WaitOptions {
  /** Default 5000 ms. */
  readonly timeoutMs?: number;
}
