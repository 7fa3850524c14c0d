import type { ConformanceViolation } from './openapi-conformance.js';
import { ChangeSignal } from './signal.js';
import type {
  FakeWorld,
  InteractionRecord,
  JsonObject,
  JsonValue,
  RecordedMessage,
  RecordedRequest,
  SentMessageFields,
} from './types.js';
import { dmChannelPayload, guildChannelPayload, snowflake, userPayload } from './world.js';

const MESSAGE_FIELDS = [
  'content',
  'embeds',
  'components',
  'flags',
  'allowed_mentions',
  'attachments',
  'tts',
  'message_reference',
] as const;
const EPHEMERAL = 64;

/** A channel the fake knows, with every message posted to it (interaction replies included). */
export interface ChannelRecord {
  channel: JsonObject;
  readonly messages: RecordedMessage[];
}

/** Copies the sent message fields from a body onto a record; `null` clears a field, as on Discord. */
export function applyMessageFields(target: SentMessageFields, body: JsonObject, isEdit: boolean): void {
  const fields = target as Record<string, JsonValue | undefined>;
  for (const key of MESSAGE_FIELDS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value === null || value === undefined) delete fields[key];
    // An edit cannot make a message ephemeral or public; Discord keeps the bit from creation.
    else if (key === 'flags' && isEdit && typeof value === 'number')
      target.flags = value | ((target.flags ?? 0) & EPHEMERAL);
    else fields[key] = value;
  }
}

/**
 * Everything the fake remembers: requests, registered commands, interactions and what the bot answered, channels
 * and their messages. Every mutation goes through {@link FakeState.changed} so waiters wake up.
 */
export class FakeState {
  readonly signal = new ChangeSignal();
  readonly requests: RecordedRequest[] = [];
  /** Handler crashes inside the fake (answered 500); tests can assert this stays empty. */
  readonly errors: string[] = [];
  /** Request bodies Discord's OpenAPI spec does not accept (answered 400 50035); closing the fake fails on any. */
  readonly violations: ConformanceViolation[] = [];
  /** Registered commands by scope: `'global'` or a guild id. */
  readonly commands = new Map<string, JsonObject[]>();
  /** Count of bulk-overwrite PUTs by scope: `'global'` or a guild id. */
  readonly commandPuts = new Map<string, number>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  /** The guild's roles besides @everyone (see `FakeDiscord.addRole`). */
  readonly roles: JsonObject[] = [];

  constructor(readonly world: FakeWorld) {
    this.channels.set(world.channelId, {
      channel: guildChannelPayload(world, world.channelId, 0, 'general'),
      messages: [],
    });
    this.channels.set(world.threadId, {
      channel: guildChannelPayload(world, world.threadId, 11, 'reading-thread'),
      messages: [],
    });
    const dm = dmChannelPayload(world, userPayload(world.userId, world.username));
    this.channels.set(world.dmChannelId, { channel: dm, messages: [] });
  }

  /** Wakes every waiter; call after any mutation. */
  changed(): void {
    this.signal.notify();
  }

  /** The interaction a webhook or callback token belongs to. */
  interactionByToken(token: string): InteractionRecord | undefined {
    for (const record of this.interactions.values()) if (record.token === token) return record;
    return undefined;
  }

  /** The channel record, created on first use so messages to channels the fake never announced still get kept. */
  channel(channelId: string): ChannelRecord {
    let record = this.channels.get(channelId);
    if (!record) {
      record = { channel: guildChannelPayload(this.world, channelId, 0, `channel-${channelId}`), messages: [] };
      this.channels.set(channelId, record);
    }
    return record;
  }

  /** Records a new message from a create body and files it under its channel. */
  createMessage(
    channelId: string,
    body: JsonObject,
    source: RecordedMessage['source'],
    interactionId: string | null,
    loading = false,
  ): RecordedMessage {
    const at = Date.now();
    const message: RecordedMessage = {
      id: snowflake(at),
      channelId,
      source,
      interactionId,
      loading,
      deleted: false,
      pinned: false,
      createdAt: at,
      editedAt: null,
      history: [{ kind: 'create', at, body }],
    };
    applyMessageFields(message, body, false);
    this.channel(channelId).messages.push(message);
    return message;
  }

  /**
   * Records a message that already existed before the bot touched it (a component's message), seeded from its API
   * object so an update (type 7) or edit merges onto what the user saw.
   */
  adoptMessage(apiMessage: JsonObject, interactionId: string): RecordedMessage {
    const channelId = typeof apiMessage.channel_id === 'string' ? apiMessage.channel_id : this.world.channelId;
    const id = typeof apiMessage.id === 'string' ? apiMessage.id : snowflake();
    const existing = this.channel(channelId).messages.find((message) => message.id === id);
    if (existing) return existing;
    const at = Date.now();
    const message: RecordedMessage = {
      id,
      channelId,
      source: 'component',
      interactionId,
      loading: false,
      deleted: false,
      pinned: apiMessage.pinned === true,
      createdAt: at,
      editedAt: null,
      history: [],
    };
    applyMessageFields(message, apiMessage, false);
    this.channel(channelId).messages.push(message);
    return message;
  }

  /** Applies an edit body to a message. */
  editMessage(message: RecordedMessage, body: JsonObject): void {
    const at = Date.now();
    applyMessageFields(message, body, true);
    message.loading = false;
    message.editedAt = at;
    message.history.push({ kind: 'edit', at, body });
  }

  /** A message by channel and id. */
  findMessage(channelId: string, messageId: string): RecordedMessage | undefined {
    return this.channels.get(channelId)?.messages.find((message) => message.id === messageId);
  }
}
