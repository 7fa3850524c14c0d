import type { JsonValue } from './types.js';

/**
 * A field the spec does not describe that is let through anyway, because discord.js itself (not the bot) adds it to
 * what it sends. The bot's own bodies are never excused here: a body the bot builds that breaks the spec is fixed in
 * the bot.
 */
export interface AllowedUnknownField {
  /** `METHOD template`, the template as the spec's `paths` spells it. */
  readonly operation: string;
  /** Where the field is in the body: property names, `*` for every item of an array. */
  readonly path: readonly string[];
  /** The one value let through: the default discord.js sends. Any other value is still reported. */
  readonly value: JsonValue;
  /** Why it is allowed: which discord.js code adds it. */
  readonly why: string;
}

/**
 * Every field the conformance check lets through (see `openapi-conformance.ts`). Keep it as short as possible; each
 * entry says why it is there.
 */
export const DISCORD_JS_UNKNOWN_FIELDS: readonly AllowedUnknownField[] = [
  {
    operation: 'POST /interactions/{interaction_id}/{interaction_token}/callback',
    path: ['data', 'enforce_nonce'],
    value: false,
    why: "discord.js' MessagePayload.resolveBody sets `enforce_nonce` on every message body, interaction replies included; the spec knows it only on channel messages",
  },
  {
    operation: 'POST /webhooks/{webhook_id}/{webhook_token}',
    path: ['enforce_nonce'],
    value: false,
    why: 'the same `enforce_nonce: false` of MessagePayload.resolveBody, on interaction follow-ups (`followUp`)',
  },
  {
    operation: 'POST /interactions/{interaction_id}/{interaction_token}/callback',
    path: ['data', 'tts'],
    value: false,
    why: "MessagePayload.resolveBody sets `tts` on every message body; a button's update of its message (callback type 7, `update`) cannot change it, so the spec's update data has no `tts`",
  },
  {
    operation: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
    path: ['enforce_nonce'],
    value: false,
    why: 'the same `enforce_nonce: false` of MessagePayload.resolveBody, on edits of the original reply (`editReply`)',
  },
  {
    operation: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
    path: ['tts'],
    value: false,
    why: "MessagePayload.resolveBody sets `tts` on every message body, edits too (`editReply`); an edit cannot change it, so the spec's edit body has no `tts`",
  },
  {
    operation: 'PATCH /channels/{channel_id}/messages/{message_id}',
    path: ['tts'],
    value: false,
    why: "MessagePayload.resolveBody's `tts: false` on discord.js' `Message.edit`; an edit cannot change it, so the spec's edit body has no `tts`",
  },
  {
    operation: 'PATCH /channels/{channel_id}/messages/{message_id}',
    path: ['enforce_nonce'],
    value: false,
    why: "MessagePayload.resolveBody's `enforce_nonce: false` on `Message.edit`; a nonce only matters when a message is created",
  },
];
