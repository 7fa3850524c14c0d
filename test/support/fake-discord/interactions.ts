import { newInteractionToken } from '../fake-token.js';
import type { FakeWorld, JsonObject, JsonValue } from './types.js';
import {
  APP_PERMISSIONS,
  guildChannelPayload,
  MEMBER_PERMISSIONS,
  snowflake,
  USER_INSTALL_APP_PERMISSIONS,
  userPayload,
} from './world.js';

/** An INTERACTION_CREATE payload; `id` and `token` are always set so the fake can follow the answers. */
export type InteractionPayload = JsonObject & { readonly id: string; readonly token: string; readonly type: number };

/** Who invokes an interaction, and where. Defaults: the fake's user, in the guild's text channel. */
export interface InteractionContextOptions {
  readonly userId?: string;
  readonly username?: string;
  readonly guildId?: string;
  readonly channelId?: string;
  /** 0 text (default), 11 public thread, 12 private thread; 1 is a DM: no guild, `user` instead of `member`. */
  readonly channelType?: number;
  /** Role ids of the invoking member. */
  readonly roles?: readonly string[];
  /** The member's permissions bitfield in the channel, as a decimal string. */
  readonly permissions?: string;
  /** The bot's permissions bitfield in the channel (`app_permissions`). */
  readonly appPermissions?: string;
  readonly locale?: string;
  /**
   * Who installed the app, as `authorizing_integration_owners` tells: the server (default), the member's account, or
   * both. A member's install alone gives the app only the user-install permissions where it is used.
   */
  readonly install?: 'guild' | 'user' | 'both';
  /**
   * Where, besides a server: `bot-dm` (the bot's DM, as `channelType: 1`) or `private-channel` (a DM between members
   * or a group DM, context 2, which only a member's install reaches).
   */
  readonly place?: 'bot-dm' | 'private-channel';
}

/** A chat-input (slash) command: `options` are raw API options (`{ name, type, value }`, subcommands nested). */
export interface ChatInputOptions extends InteractionContextOptions {
  readonly name: string;
  readonly options?: readonly JsonValue[];
  /** Defaults to the id of the registered command with this name, else a fresh snowflake. */
  readonly commandId?: string;
  readonly resolved?: JsonObject;
}

/** An autocomplete request: `focused` is appended to `options` with `focused: true` (type 3 string unless set). */
export interface AutocompleteOptions extends ChatInputOptions {
  readonly focused?: { readonly name: string; readonly value: string; readonly type?: number };
}

/** A message component interaction (button by default). */
export interface ComponentOptions extends InteractionContextOptions {
  readonly customId: string;
  /** 2 button (default), 3 string select, 5–8 other selects. */
  readonly componentType?: number;
  /** Selected values, for selects. */
  readonly values?: readonly string[];
  /** The message the component sits on; defaults to a bot message holding just this component. */
  readonly message?: JsonObject;
}

/** A modal submission: one text input per entry of `fields` (custom id → value). */
export interface ModalSubmitOptions extends InteractionContextOptions {
  readonly customId: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly message?: JsonObject;
}

/** The fields every interaction carries, in guild or DM context. */
export function baseInteraction(
  world: FakeWorld,
  type: number,
  context: InteractionContextOptions,
): InteractionPayload {
  const privateChannel = context.place === 'private-channel';
  const dm = context.channelType === 1 || context.place === 'bot-dm' || privateChannel;
  const user = userPayload(context.userId ?? world.userId, context.username ?? world.username);
  const guildId = context.guildId ?? world.guildId;
  const channelType = privateChannel ? 3 : dm ? 1 : (context.channelType ?? 0);
  const channelId =
    context.channelId ??
    (privateChannel
      ? world.groupDmChannelId
      : dm
        ? world.dmChannelId
        : channelType === 0
          ? world.channelId
          : world.threadId);
  const install = privateChannel ? 'user' : (context.install ?? 'guild');
  // Keyed by integration type: '0' the server's install (its id, or '0' in the bot's DM), '1' the member's.
  const owners: JsonObject = {};
  if (install !== 'user') owners['0'] = dm ? '0' : guildId;
  if (install !== 'guild') owners['1'] = user.id as string;
  const payload: InteractionPayload = {
    id: snowflake(),
    application_id: world.applicationId,
    type,
    // Marked, so the suite's leak checks recognise it in any output (test/support/fake-token.ts).
    token: newInteractionToken(),
    version: 1,
    locale: context.locale ?? 'en-US',
    app_permissions: context.appPermissions ?? (install === 'user' ? USER_INSTALL_APP_PERMISSIONS : APP_PERMISSIONS),
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    authorizing_integration_owners: owners,
    context: privateChannel ? 2 : dm ? 1 : 0,
    channel_id: channelId,
  };
  if (dm) {
    payload.user = user;
    payload.channel = privateChannel
      ? { id: channelId, type: 3, last_message_id: null, flags: 0, name: null, owner_id: user.id as string }
      : { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };
    return payload;
  }
  const channel = guildChannelPayload(world, channelId, channelType, channelType === 0 ? 'general' : 'reading-thread');
  channel.guild_id = guildId;
  channel.permissions = context.permissions ?? MEMBER_PERMISSIONS;
  Object.assign(payload, {
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel,
    member: {
      user,
      roles: [...(context.roles ?? [])],
      permissions: context.permissions ?? MEMBER_PERMISSIONS,
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      premium_since: null,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    },
  });
  return payload;
}

/** The `data` of a chat-input command or autocomplete interaction. */
function commandData(options: ChatInputOptions, commandId: string): JsonObject {
  const data: JsonObject = { id: commandId, name: options.name, type: 1 };
  if (options.options) data.options = [...options.options];
  if (options.resolved) data.resolved = options.resolved;
  return data;
}

/** A type 2 application command interaction for a chat-input command. */
export function chatInputInteraction(
  world: FakeWorld,
  options: ChatInputOptions,
  commandId: string,
): InteractionPayload {
  return { ...baseInteraction(world, 2, options), data: commandData(options, commandId) };
}

/** A type 4 autocomplete interaction. */
export function autocompleteInteraction(
  world: FakeWorld,
  options: AutocompleteOptions,
  commandId: string,
): InteractionPayload {
  const data = commandData(options, commandId);
  const { focused } = options;
  if (focused)
    data.options = [
      ...(options.options ?? []),
      { name: focused.name, type: focused.type ?? 3, value: focused.value, focused: true },
    ];
  return { ...baseInteraction(world, 4, options), data };
}

/** The fields every message from a member carries, as Discord sends them: no mentions, embeds or attachments. */
function plainMessageFields(at: number): JsonObject {
  return {
    timestamp: new Date(at).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
  };
}

/** A message command (type 3) on a target message, which `resolved.messages` carries as Discord sends it. */
export interface MessageCommandOptions extends InteractionContextOptions {
  readonly name: string;
  /** The target message's text. */
  readonly content: string;
  /** Its author; defaults to another member. */
  readonly authorId?: string;
  readonly authorName?: string;
  readonly commandId?: string;
}

/** A type 2 application command interaction for a message command, with its target resolved. */
export function messageCommandInteraction(
  world: FakeWorld,
  options: MessageCommandOptions,
  commandId: string,
): InteractionPayload {
  const payload = baseInteraction(world, 2, options);
  const at = Date.now() - 5_000;
  const target: JsonObject = {
    id: snowflake(at),
    type: 0,
    channel_id: payload.channel_id as string,
    author: userPayload(options.authorId ?? '300000000000000301', options.authorName ?? 'another_member'),
    content: options.content,
    ...plainMessageFields(at),
  };
  payload.data = {
    id: commandId,
    name: options.name,
    type: 3,
    target_id: target.id as string,
    resolved: { messages: { [target.id as string]: target } },
  };
  return payload;
}

/** The bot message a component sits on, when a test does not pass the real one. */
export function componentMessage(
  world: FakeWorld,
  channelId: string,
  customId: string,
  componentType: number,
): JsonObject {
  const component: JsonObject =
    componentType === 2
      ? { type: 2, id: 2, style: 1, label: 'Button', custom_id: customId }
      : { type: componentType, id: 2, custom_id: customId, options: [], min_values: 1, max_values: 1 };
  return {
    id: snowflake(Date.now() - 60_000),
    channel_id: channelId,
    author: userPayload(world.botUserId, world.botUsername, true),
    content: '',
    embeds: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    components: [{ type: 1, id: 1, components: [component] }],
    type: 0,
    flags: 0,
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    edited_timestamp: null,
    application_id: world.applicationId,
  };
}

/** A type 3 message component interaction, with the message it was clicked on. */
export function componentInteraction(world: FakeWorld, options: ComponentOptions): InteractionPayload {
  const payload = baseInteraction(world, 3, options);
  const componentType = options.componentType ?? 2;
  const data: JsonObject = { custom_id: options.customId, component_type: componentType };
  if (options.values) data.values = [...options.values];
  payload.data = data;
  payload.message =
    options.message ?? componentMessage(world, payload.channel_id as string, options.customId, componentType);
  return payload;
}

/** A type 5 modal submit interaction: action rows of text inputs (type 4) carrying the values. */
export function modalSubmitInteraction(world: FakeWorld, options: ModalSubmitOptions): InteractionPayload {
  const payload = baseInteraction(world, 5, options);
  const components = Object.entries(options.fields).map(([customId, value], index) => ({
    type: 1,
    id: index * 2 + 1,
    components: [{ type: 4, id: index * 2 + 2, custom_id: customId, value }],
  }));
  payload.data = { custom_id: options.customId, components };
  if (options.message) payload.message = options.message;
  return payload;
}

/** A message someone else posts (a member, or another bot with `bot`), as MESSAGE_CREATE carries it. */
export interface MemberMessageOptions {
  readonly userId?: string;
  readonly username?: string;
  readonly guildId?: string;
  /** Defaults to the guild's text channel. */
  readonly channelId?: string;
  readonly content?: string;
  readonly roles?: readonly string[];
  /** The author is a bot account (`author.bot`); its guild messages still carry `member`. */
  readonly bot?: boolean;
}

/** The `d` of a MESSAGE_CREATE for a guild message: author, partial member, and the fields Discord always sends. */
export function memberMessagePayload(world: FakeWorld, options: MemberMessageOptions): JsonObject {
  const at = Date.now();
  const author = userPayload(options.userId ?? world.userId, options.username ?? world.username, options.bot ?? false);
  return {
    id: snowflake(at),
    type: 0,
    channel_id: options.channelId ?? world.channelId,
    guild_id: options.guildId ?? world.guildId,
    author,
    member: {
      roles: [...(options.roles ?? [])],
      joined_at: new Date(at - 86_400_000).toISOString(),
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      premium_since: null,
      communication_disabled_until: null,
    },
    content: options.content ?? '',
    ...plainMessageFields(at),
    nonce: snowflake(at),
  };
}
