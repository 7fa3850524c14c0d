import type { MessageView } from '../discord/message-view.js';

/** What a study session does on Discord; the discord.js adapter implements it, tests can record it. */
export interface StudyPublisher {
  /** Opens a public thread in a text channel; returns its id. */
  createThread(channelId: string, name: string): Promise<string>;
  /**
   * Posts a message; returns its id. With a `nonce` (at most 25 characters), Discord creates the message only once:
   * posting again with the same nonce within a few minutes returns the first message, so a post repeated after a
   * crash (recovery at start-up) is not doubled.
   */
  post(channelId: string, view: MessageView, nonce?: string): Promise<string>;
  edit(channelId: string, messageId: string, view: MessageView): Promise<void>;
  pin(channelId: string, messageId: string): Promise<void>;
  /** Locks, then archives, a thread. */
  closeThread(threadId: string): Promise<void>;
  /** Tells a member something privately (a DM); false when they cannot be reached. */
  notify(userId: string, text: string): Promise<boolean>;
}
