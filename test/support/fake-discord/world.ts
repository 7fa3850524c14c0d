import type { FakeDiscordOptions, FakeWorld, JsonObject, RecordedMessage } from './types.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A real-looking snowflake for now. @discordjs/rest only treats 17–19 digit ids as ids when it builds rate-limit
 * buckets, and reads the timestamp of a message id to pick the "old message" delete bucket, so fake ids must be real.
 */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Builds a permissions bitfield string from bit positions. */
function bits(...positions: number[]): string {
  return positions.reduce((all, bit) => all | (1n << BigInt(bit)), 0n).toString();
}

/** Typical member permissions: view, send, embed, attach, history, reactions, use commands, threads. */
export const MEMBER_PERMISSIONS = bits(6, 10, 11, 14, 15, 16, 31, 35, 38);
/** What the bot holds in the channel: the member set plus manage messages and manage threads. */
export const APP_PERMISSIONS = bits(6, 10, 11, 13, 14, 15, 16, 31, 34, 35, 38);

/**
 * What a member's own install of the app may do where the server has not installed it: attach files, embed links,
 * mention everyone, use external emojis. Nothing about the channel beyond that.
 */
export const USER_INSTALL_APP_PERMISSIONS = bits(14, 15, 17, 18);

/** Resolves options into the fixed ids the fake serves. */
export function makeWorld(options: FakeDiscordOptions): FakeWorld {
  const botUserId = options.botUserId ?? '1000000000000000001';
  return {
    applicationId: options.applicationId ?? botUserId,
    botUserId,
    botUsername: options.botUsername ?? 'Study Bot',
    guildId: options.guildId ?? '1000000000000000100',
    guildName: options.guildName ?? 'Fake Study Group',
    channelId: options.channelId ?? '1000000000000000200',
    threadId: options.threadId ?? '1000000000000000201',
    dmChannelId: options.dmChannelId ?? '1000000000000000300',
    groupDmChannelId: '1000000000000000310',
    userId: options.userId ?? '1000000000000000500',
    username: options.username ?? 'reader',
  };
}

/** A user object; bots get `bot: true`. */
export function userPayload(id: string, username: string, bot = false): JsonObject {
  const user: JsonObject = {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    public_flags: 0,
    flags: 0,
  };
  if (bot) user.bot = true;
  return user;
}

/** The bot's own user object (READY, /users/@me, message authors). */
export function botUser(world: FakeWorld): JsonObject {
  return userPayload(world.botUserId, world.botUsername, true);
}

/** A text channel or public thread object as the guild holds it. */
export function guildChannelPayload(world: FakeWorld, id: string, type: number, name: string): JsonObject {
  const channel: JsonObject = {
    id,
    type,
    name,
    guild_id: world.guildId,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    nsfw: false,
  };
  if (type === 11 || type === 12) {
    const now = new Date().toISOString();
    Object.assign(channel, {
      parent_id: world.channelId,
      owner_id: world.botUserId,
      member_count: 1,
      message_count: 0,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
    });
  } else {
    Object.assign(channel, { position: 0, parent_id: null, topic: null, permission_overwrites: [] });
  }
  return channel;
}

/** A guild role object, as GUILD_CREATE and GUILD_ROLE_CREATE carry it. */
export function rolePayload(id: string, name: string, permissions = '0', position = 1): JsonObject {
  return {
    id,
    name,
    permissions,
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    icon: null,
    unicode_emoji: null,
    flags: 0,
  };
}

/** The DM channel between the bot and a user. */
export function dmChannelPayload(world: FakeWorld, user: JsonObject): JsonObject {
  return { id: world.dmChannelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };
}

/**
 * The full GUILD_CREATE payload: enough for discord.js to cache the guild, its channels, roles and the bot member.
 * `channels` are the guild's current channel objects (threads go to `threads`, as Discord sends them); `roles` the
 * guild's roles besides @everyone.
 */
export function guildCreatePayload(
  world: FakeWorld,
  channels: readonly JsonObject[],
  roles: readonly JsonObject[] = [],
): JsonObject {
  const joinedAt = new Date().toISOString();
  const everyone: JsonObject = {
    id: world.guildId,
    name: '@everyone',
    permissions: MEMBER_PERMISSIONS,
    position: 0,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    icon: null,
    unicode_emoji: null,
    flags: 0,
  };
  const isThread = (channel: JsonObject): boolean => channel.type === 10 || channel.type === 11 || channel.type === 12;
  const inGuild = channels.filter((channel) => channel.type !== 1 && channel.type !== 3);
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.userId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: world.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    features: [],
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    lazy: true,
    roles: [everyone, ...roles],
    channels: inGuild.filter((channel) => !isThread(channel)).map(({ guild_id: _guildId, ...channel }) => channel),
    threads: inGuild.filter(isThread),
    members: [
      {
        user: botUser(world),
        roles: [],
        joined_at: joinedAt,
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
        communication_disabled_until: null,
      },
    ],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/**
 * The API message object for a recorded message, as Discord would return it: the bot as author, defaults for
 * fields never sent, the loading flag (128) while a deferred reply waits for its edit.
 */
export function apiMessage(world: FakeWorld, record: RecordedMessage, interaction?: JsonObject): JsonObject {
  const fromInteraction = record.source === 'interaction' || record.source === 'follow-up';
  const message: JsonObject = {
    id: record.id,
    channel_id: record.channelId,
    author: botUser(world),
    content: record.content ?? '',
    timestamp: new Date(record.createdAt).toISOString(),
    edited_timestamp: record.editedAt === null ? null : new Date(record.editedAt).toISOString(),
    tts: record.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: record.embeds ?? [],
    components: record.components ?? [],
    pinned: record.pinned,
    type: fromInteraction && interaction?.type === 2 ? 20 : 0,
    flags: (record.flags ?? 0) | (record.loading ? 128 : 0),
  };
  if (record.channelId !== world.dmChannelId) message.guild_id = world.guildId;
  if (fromInteraction) {
    message.application_id = world.applicationId;
    message.webhook_id = world.applicationId;
    if (interaction) {
      const user = (interaction.member as JsonObject | undefined)?.user ?? interaction.user ?? null;
      message.interaction_metadata = {
        id: interaction.id ?? null,
        type: interaction.type ?? null,
        user,
        authorizing_integration_owners: interaction.authorizing_integration_owners ?? {},
      };
    }
  }
  if (record.message_reference !== undefined) message.message_reference = record.message_reference;
  return message;
}
