import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../src/adapters/sqlite/sqlite-study-repository.js';
import { PassageCommands } from '../../src/core/bot/passage-commands.js';
import { KeyedSerialQueue } from '../../src/core/keyed-serial-queue.js';
import type { MessageView } from '../../src/core/discord/message-view.js';
import { MODERATOR_PERMISSIONS } from '../../src/core/study/is-moderator.js';
import { QuestionQueue } from '../../src/study/question-queue.js';
import { StudySessions } from '../../src/study/study-sessions.js';
import type { StudyPublisher } from '../../src/study/study-publisher.js';
import { openTestIndex, recordingLogger, temporaryFolder } from '../support/test-index.js';

/** Records what a session would post, handing out ids as Discord would. */
class RecordingPublisher implements StudyPublisher {
  readonly posts: Array<{ channelId: string; view: MessageView }> = [];
  private next = 1;
  async createThread(): Promise<string> {
    return `thread-${this.next++}`;
  }
  async post(channelId: string, view: MessageView): Promise<string> {
    this.posts.push({ channelId, view });
    return `message-${this.next++}`;
  }
  async edit(): Promise<void> {}
  async pin(): Promise<void> {}
  async closeThread(): Promise<void> {}
  async notify(): Promise<boolean> {
    return true;
  }
}

describe('study sessions without a moderators’ channel', () => {
  let sessions: StudySessions;
  let repository: SqliteStudyRepository;
  let remove: () => Promise<void>;
  const moderator = { id: 'mod', name: 'Mod', guildId: 'guild', permissions: MODERATOR_PERMISSIONS.manageThreads, roleIds: [] };

  beforeAll(async () => {
    const temporary = await temporaryFolder('sessions');
    remove = temporary.remove;
    const { speech, retriever, manifest } = await openTestIndex(temporary.folder, { dense: false });
    repository = SqliteStudyRepository.open(`${temporary.folder}/study.sqlite`);
    const context = {
      repository,
      publisher: new RecordingPublisher(),
      speech,
      commands: new PassageCommands({ speech, retriever, speechTag: 'abcd', builtAt: manifest.builtAt }),
      defaults: { moderatorRoleId: null, modChannelId: null, moderated: true, cooldownSeconds: 0, blockedTerms: [] },
      serial: new KeyedSerialQueue(),
      now: () => 1_000_000,
      logger: recordingLogger().logger,
    };
    sessions = new StudySessions(context, new QuestionQueue(context));
  });
  afterAll(async () => {
    repository.close();
    await remove();
  });

  it('starts an unmoderated session, saying questions are answered at once, since no one could see a queue', async () => {
    const reply = await sessions.start(moderator, { channelId: 'channel', section: 'encryption' });
    expect(reply).toMatch(/Questions are answered at once: set a moderators’ channel/u);
    expect(sessions.liveSession('thread-1')?.moderated).toBe(false);
  });
});
