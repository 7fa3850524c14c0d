import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';
import type { EmbedView, MessageView } from '../message-view.js';

/** A view's files as discord.js attaches them; none when it has none, so that an edit keeps what a message has. */
function toFiles(view: MessageView) {
  return view.files === undefined
    ? {}
    : {
        files: view.files.map((file) => ({
          attachment: Buffer.from(file.data),
          name: file.name,
          description: file.description,
        })),
      };
}

/** No mention in any message the bot sends can ping anyone; set on every payload as well as on the client. */
export const NO_MENTIONS = { parse: [] as [] };

function toEmbed(embed: EmbedView): APIEmbed {
  return {
    ...(embed.title === undefined ? {} : { title: embed.title }),
    ...(embed.author === undefined ? {} : { author: { name: embed.author } }),
    ...(embed.description === undefined ? {} : { description: embed.description }),
    ...(embed.fields === undefined
      ? {}
      : {
          fields: embed.fields.map((field) => ({
            name: field.name,
            value: field.value,
            inline: field.inline ?? false,
          })),
        }),
    ...(embed.footer === undefined ? {} : { footer: { text: embed.footer } }),
    ...(embed.color === undefined ? {} : { color: embed.color }),
  };
}

function toRows(view: MessageView): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  return view.buttons.map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((button) => ({
      type: ComponentType.Button,
      custom_id: button.customId,
      label: button.label,
      style: button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      disabled: button.disabled ?? false,
    })),
  }));
}

/** A view as an edit of a deferred reply, or as a button's update of its message (content kept when the view has none). */
export function toEditPayload(view: MessageView): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    ...(view.content === undefined ? {} : { content: view.content }),
    embeds: view.embeds.map(toEmbed),
    components: toRows(view),
    allowedMentions: NO_MENTIONS,
    ...toFiles(view),
  };
}

/** A view as a new reply or follow-up, ephemeral when private. */
export function toReplyPayload(view: MessageView, isPrivate: boolean): InteractionReplyOptions {
  return {
    ...(view.content === undefined ? {} : { content: view.content }),
    embeds: view.embeds.map(toEmbed),
    components: toRows(view),
    allowedMentions: NO_MENTIONS,
    ...toFiles(view),
    ...(isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Characters a view sends, for the interaction log. */
export function viewSize(view: MessageView): number {
  return (view.content ?? '').length + view.embeds.reduce((sum, embed) => sum + JSON.stringify(embed).length, 0);
}
