import { ChannelType, Routes, type REST } from 'discord.js';
import type { MessageView } from '../../../discord/message-view.js';
import type { StudyPublisher } from '../../study-publisher.js';
import { toEditPayload } from '../../../discord/adapters/discord-message.js';

/** Threads stay open a day without messages before Discord auto-archives them. */
const AUTO_ARCHIVE_MINUTES = 1440;

/**
 * Study sessions' Discord side, over REST by id: threads, channels and DMs need not be in discord.js' cache, which
 * after a restart they may not be.
 */
export class DiscordStudyPublisher implements StudyPublisher {
  constructor(private readonly rest: REST) {}

  async createThread(channelId: string, name: string): Promise<string> {
    const thread = (await this.rest.post(Routes.threads(channelId), {
      body: { name, type: ChannelType.PublicThread, auto_archive_duration: AUTO_ARCHIVE_MINUTES },
    })) as { id: string };
    return thread.id;
  }

  async post(channelId: string, view: MessageView, nonce?: string): Promise<string> {
    const once = nonce === undefined ? {} : { nonce, enforce_nonce: true };
    const message = (await this.rest.post(Routes.channelMessages(channelId), {
      body: { ...this.body(view), ...once },
      ...this.files(view),
    })) as { id: string };
    return message.id;
  }

  async edit(channelId: string, messageId: string, view: MessageView): Promise<void> {
    await this.rest.patch(Routes.channelMessage(channelId, messageId), { body: this.body(view) });
  }

  async pin(channelId: string, messageId: string): Promise<void> {
    await this.rest.put(Routes.channelMessagesPin(channelId, messageId));
  }

  async closeThread(threadId: string): Promise<void> {
    // Locked first: an archived thread cannot be edited any more.
    await this.rest.patch(Routes.channel(threadId), { body: { locked: true } });
    await this.rest.patch(Routes.channel(threadId), { body: { archived: true, locked: true } });
  }

  async notify(userId: string, text: string): Promise<boolean> {
    try {
      const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
        id: string;
      };
      await this.rest.post(Routes.channelMessages(channel.id), {
        body: { content: text, allowed_mentions: { parse: [] } },
      });
      return true;
    } catch {
      return false;
    }
  }

  private body(view: MessageView) {
    const { allowedMentions: _camel, files: _files, ...payload } = toEditPayload(view);
    // Discord's spec types an attachment's id as a snowflake string; it names the `files[n]` part the body refers to.
    const attachments = (view.files ?? []).map((file, id) => ({
      id: String(id),
      filename: file.name,
      description: file.description,
    }));
    return {
      ...payload,
      content: view.content ?? '',
      allowed_mentions: { parse: [] },
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  }

  /** REST's multipart files, keyed as the body's `attachments` number them. */
  private files(view: MessageView) {
    const files = view.files ?? [];
    return files.length === 0
      ? {}
      : { files: files.map((file, id) => ({ key: `files[${id}]`, name: file.name, data: Buffer.from(file.data) })) };
  }
}
