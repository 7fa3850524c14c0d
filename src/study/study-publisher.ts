import type { MessageView } from '../core/discord/message-view.js';

/** What a study session does on Discord; the discord.js adapter implements it, tests can record it. */
export interface StudyPublisher {
  /** Opens a public thread in a text channel; returns its id. */
  createThread(channelId: string, name: string): Promise<string>;
  /** Posts a message; returns its id. */
  post(channelId: string, view: MessageView): Promise<string>;
  edit(channelId: string, messageId: string, view: MessageView): Promise<void>;
  pin(channelId: string, messageId: string): Promise<void>;
  /** Locks, then archives, a thread. */
  closeThread(threadId: string): Promise<void>;
  /** Tells a member something privately (a DM); false when they cannot be reached. */
  notify(userId: string, text: string): Promise<boolean>;
}
