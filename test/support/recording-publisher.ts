import type { MessageView } from '../../src/discord/message-view.js';
import type { StudyPublisher } from '../../src/study/study-publisher.js';

/** One call to the publisher: where it went, what it carried, and the id it handed out (threads and posts). */
export interface PublisherCall {
  readonly method: keyof StudyPublisher;
  readonly channel: string;
  readonly view?: MessageView;
  readonly text?: string;
  readonly messageId?: string;
  readonly nonce?: string;
  readonly id?: string;
}

/** A study publisher that records every call instead of calling Discord; threads and messages get snowflake-like ids. */
export class RecordingPublisher implements StudyPublisher {
  readonly calls: PublisherCall[] = [];
  private next = 800000000000000000n;

  /** The ids of the threads created so far, oldest first. */
  get threads(): string[] {
    return this.calls.flatMap((call) => (call.method === 'createThread' && call.id !== undefined ? [call.id] : []));
  }

  async createThread(channelId: string, name: string): Promise<string> {
    const id = this.nextId();
    this.calls.push({ method: 'createThread', channel: channelId, text: name, id });
    return id;
  }
  async post(channelId: string, view: MessageView, nonce?: string): Promise<string> {
    const id = this.nextId();
    this.calls.push({ method: 'post', channel: channelId, view, id, ...(nonce === undefined ? {} : { nonce }) });
    return id;
  }
  async edit(channelId: string, messageId: string, view: MessageView): Promise<void> {
    this.calls.push({ method: 'edit', channel: channelId, messageId, view });
  }
  async pin(channelId: string, messageId: string): Promise<void> {
    this.calls.push({ method: 'pin', channel: channelId, messageId });
  }
  async closeThread(threadId: string): Promise<void> {
    this.calls.push({ method: 'closeThread', channel: threadId });
  }
  async notify(userId: string, text: string): Promise<boolean> {
    this.calls.push({ method: 'notify', channel: userId, text });
    return true;
  }

  private nextId(): string {
    return String((this.next += 1n));
  }
}
