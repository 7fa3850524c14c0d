import { type Route, type RouteContext, type RouteResult, reply, route } from './http.js';
import { createProblem, editProblem } from './routes-interactions.js';
import type { ChannelRecord, FakeState } from './state.js';
import type { JsonObject, JsonValue, RecordedMessage } from './types.js';
import { apiMessage, guildChannelPayload, snowflake, userPayload } from './world.js';

/** Sends a gateway dispatch if a session exists; REST changes to channels are echoed as THREAD_/CHANNEL_ events. */
export type Dispatcher = (t: string, d: JsonObject) => void;

const isThread = (channel: JsonObject): boolean => channel.type === 10 || channel.type === 11 || channel.type === 12;
const metadataOf = (channel: JsonObject): JsonObject => {
  const metadata = channel.thread_metadata;
  return typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? metadata : {};
};

/** Channel routes: messages, pins, threads, channel edits. Simple, but recorded and shaped like Discord's answers. */
export function channelRoutes(state: FakeState, dispatch: Dispatcher): Route[] {
  const nonceMessages = new Map<string, RecordedMessage>();
  const { world } = state;
  const withChannel = (context: RouteContext, then: (record: ChannelRecord) => RouteResult): RouteResult => {
    const record = state.channels.get(context.param('channel'));
    return record ? then(record) : reply.error(404, 10003, 'Unknown Channel');
  };
  const withMessage = (context: RouteContext, then: (message: RecordedMessage) => RouteResult): RouteResult =>
    withChannel(context, () => {
      const message = state.findMessage(context.param('channel'), context.param('message'));
      return message && !message.deleted ? then(message) : reply.error(404, 10008, 'Unknown Message');
    });
  const render = (message: RecordedMessage): RouteResult => {
    const body = apiMessage(world, message);
    // Messages in any DM channel (not only the world's) carry no guild_id.
    if (state.channels.get(message.channelId)?.channel.type === 1) delete body.guild_id;
    return reply.json(body);
  };
  const pin =
    (pinned: boolean) =>
    (context: RouteContext): RouteResult =>
      withMessage(context, (message) => {
        message.pinned = pinned;
        return reply.noContent();
      });

  // Creates a thread under a channel; from a message, Discord reuses the message id as the thread id.
  const startThread = (context: RouteContext, fromMessage: RecordedMessage | null): RouteResult => {
    const name = context.body.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100)
      return reply.error(400, 50035, 'Invalid Form Body', {
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
      });
    const type = fromMessage ? 11 : typeof context.body.type === 'number' ? context.body.type : 12;
    const id = fromMessage?.id ?? snowflake();
    const thread = guildChannelPayload(world, id, type, name);
    thread.parent_id = context.param('channel');
    Object.assign(metadataOf(thread), {
      auto_archive_duration: context.body.auto_archive_duration ?? 1440,
      ...(type === 12 ? { invitable: context.body.invitable ?? true } : {}),
    });
    if (typeof context.body.rate_limit_per_user === 'number')
      thread.rate_limit_per_user = context.body.rate_limit_per_user;
    state.channels.set(id, { channel: thread, messages: [] });
    dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return reply.json(thread, 201);
  };

  // Opens (or reopens) the bot's DM channel with a user: one channel per recipient, the world's own user's being the
  // world's DM channel, as Discord answers the same channel for the same pair.
  const openDm = (context: RouteContext): RouteResult => {
    const recipient = context.body.recipient_id;
    if (typeof recipient !== 'string' || !/^\d{17,20}$/u.test(recipient)) {
      return reply.error(400, 50035, 'Invalid Form Body', {
        recipient_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value is not snowflake.' }] },
      });
    }
    const recipientOf = (channel: JsonObject): JsonValue | undefined => {
      const recipients = channel.recipients;
      const first = Array.isArray(recipients) ? recipients[0] : undefined;
      return typeof first === 'object' && first !== null && !Array.isArray(first) ? first.id : undefined;
    };
    const existing = [...state.channels.values()].find(
      (record) => record.channel.type === 1 && recipientOf(record.channel) === recipient,
    );
    if (existing) return reply.json(existing.channel);
    const user = userPayload(recipient, recipient === world.userId ? world.username : `user-${recipient.slice(-4)}`);
    const channel: JsonObject = { id: snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [user] };
    state.channels.set(channel.id as string, { channel, messages: [] });
    return reply.json(channel);
  };

  return [
    route('POST', '/users/@me/channels', openDm),
    route('GET', '/channels/:channel', (context) => withChannel(context, (record) => reply.json(record.channel))),
    route('PATCH', '/channels/:channel', (context) =>
      withChannel(context, (record) => {
        const { archived, locked, auto_archive_duration: duration, invitable, ...rest } = context.body;
        const next: JsonObject = { ...record.channel };
        for (const key of ['name', 'topic', 'rate_limit_per_user', 'applied_tags', 'flags', 'nsfw'] as const) {
          const value: JsonValue | undefined = rest[key];
          if (value !== undefined) next[key] = value;
        }
        if (isThread(next)) {
          const metadata: JsonObject = { ...metadataOf(next) };
          if (typeof archived === 'boolean')
            Object.assign(metadata, { archived, archive_timestamp: new Date().toISOString() });
          if (typeof locked === 'boolean') metadata.locked = locked;
          if (duration !== undefined) metadata.auto_archive_duration = duration;
          if (invitable !== undefined) metadata.invitable = invitable;
          next.thread_metadata = metadata;
        }
        record.channel = next;
        dispatch(isThread(next) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', next);
        return reply.json(next);
      }),
    ),
    route('POST', '/channels/:channel/messages', (context) =>
      withChannel(context, (record) => {
        const metadata = metadataOf(record.channel);
        if (metadata.archived === true && metadata.locked === true)
          return reply.error(400, 50083, 'Thread is archived');
        // Posting into an archived (unlocked) thread unarchives it, as on Discord.
        if (metadata.archived === true)
          record.channel = { ...record.channel, thread_metadata: { ...metadata, archived: false } };
        const problem = createProblem(context.body);
        if (problem) return problem;
        // enforce_nonce: a second create with the same nonce in the channel returns the first message, as Discord does.
        const body = context.body as { nonce?: unknown; enforce_nonce?: unknown } | undefined;
        const nonce =
          body?.enforce_nonce === true && typeof body.nonce === 'string'
            ? `${context.param('channel')}:${body.nonce}`
            : undefined;
        const existing = nonce === undefined ? undefined : nonceMessages.get(nonce);
        if (existing) return render(existing);
        const created = state.createMessage(context.param('channel'), context.body, 'channel', null);
        if (nonce !== undefined) nonceMessages.set(nonce, created);
        return render(created);
      }),
    ),
    route('GET', '/channels/:channel/messages/:message', (context) => withMessage(context, render)),
    route('PATCH', '/channels/:channel/messages/:message', (context) =>
      withMessage(context, (message) => {
        const problem = editProblem(message, context.body);
        if (problem) return problem;
        state.editMessage(message, context.body);
        return render(message);
      }),
    ),
    route('DELETE', '/channels/:channel/messages/:message', (context) =>
      withMessage(context, (message) => {
        message.deleted = true;
        return reply.noContent();
      }),
    ),
    // discord.js 14.28 uses the newer `/messages/pins/:id`; the older `/pins/:id` is kept for other callers.
    route('PUT', '/channels/:channel/messages/pins/:message', pin(true)),
    route('DELETE', '/channels/:channel/messages/pins/:message', pin(false)),
    route('PUT', '/channels/:channel/pins/:message', pin(true)),
    route('DELETE', '/channels/:channel/pins/:message', pin(false)),
    route('POST', '/channels/:channel/threads', (context) => withChannel(context, () => startThread(context, null))),
    route('POST', '/channels/:channel/messages/:message/threads', (context) =>
      withMessage(context, (message) => startThread(context, message)),
    ),
  ];
}
