import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import type { StudyPublisher } from '../../src/study/study-publisher.js';
import { RecordingPublisher } from '../support/recording-publisher.js';
import { studyTestServices } from '../support/study-test-context.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

/*
 * A crash at an exact point, not by chance: the first "process" is stopped inside a chosen Discord post (the post
 * never returns, as when the process dies while it is in flight), its database connection is closed, and a second
 * "process" opens the same SQLite file afresh and runs the start-up recovery.
 */

const GUILD = 'guild';
const MODS = 'mods';
const DEFAULTS: Omit<GuildSettings, 'guildId'> = {
  moderatorRoleId: null,
  modChannelId: MODS,
  moderated: true,
  cooldownSeconds: 0,
  blockedTerms: [],
};
const moderator = {
  id: 'mod-1',
  name: 'Mod',
  guildId: GUILD,
  permissions: MODERATOR_PERMISSIONS.manageThreads,
  roleIds: [],
};
const author = { id: 'member-7', name: 'Member Seven' };
const NEVER = new Promise<never>(() => {});

/**
 * A recording publisher whose post carrying a chosen nonce never returns (the process dies in it), or fails (Discord
 * refused it). The post is recorded as attempted either way, so a test sees the nonce the first process used.
 */
class CrashingPublisher extends RecordingPublisher {
  readonly attempts: Array<{ channel: string; nonce: string | undefined }> = [];
  private trap:
    { matches: (nonce: string | undefined) => boolean; effect: 'hang' | 'fail'; reached: () => void } | undefined;

  /** Resolves once a post whose nonce `matches` is reached; that post then hangs forever or fails. */
  trapPost(matches: (nonce: string | undefined) => boolean, effect: 'hang' | 'fail'): Promise<void> {
    return new Promise((reached) => {
      this.trap = { matches, effect, reached };
    });
  }

  override async post(channelId: string, view: MessageView, nonce?: string): Promise<string> {
    const trap = this.trap;
    if (trap?.matches(nonce)) {
      this.trap = undefined;
      this.attempts.push({ channel: channelId, nonce });
      trap.reached();
      if (trap.effect === 'hang') return NEVER;
      throw new Error('Discord: 503 Service Unavailable');
    }
    return super.post(channelId, view, nonce);
  }
}

/** One run of the bot: its own connection to the study file, its own queue, turns and publisher. */
function bootBot<P extends StudyPublisher>(file: string, index: OpenedIndex, publisher: P) {
  const repository = SqliteStudyRepository.open(file);
  const { queue, sessions } = studyTestServices({
    repository,
    publisher,
    index,
    defaults: DEFAULTS,
    now: () => 1_700_000_000_000,
  });
  return { repository, publisher, queue, sessions, crash: () => repository.close() };
}

/** What the store holds now, as a fresh connection (the next process) reads it. */
function readStoreAfresh<T>(file: string, read: (repository: SqliteStudyRepository) => T): T {
  const repository = SqliteStudyRepository.open(file);
  try {
    return read(repository);
  } finally {
    repository.close();
  }
}

const posts = (publisher: RecordingPublisher) => publisher.calls.filter((call) => call.method === 'post');

describe('start-up recovery after a crash at an exact point', () => {
  let index: OpenedIndex;
  let removeIndex: () => Promise<void>;
  let file: string;
  let removeStudy: () => Promise<void>;
  const running: Array<{ crash: () => void }> = [];

  beforeAll(async () => {
    const temporary = await temporaryFolder('answer-recovery-index');
    removeIndex = temporary.remove;
    index = await openTestIndex(temporary.folder, { dense: false });
  });
  afterAll(async () => removeIndex());
  beforeEach(async () => {
    const temporary = await temporaryFolder('answer-recovery');
    file = `${temporary.folder}/study.sqlite`;
    removeStudy = temporary.remove;
  });
  afterEach(async () => {
    for (const bot of running.splice(0)) bot.crash();
    await removeStudy();
  });

  /** Boots the first process, starts a session and returns its thread. */
  async function firstProcessWithSession() {
    const bot = bootBot(file, index, new CrashingPublisher());
    await bot.sessions.start(moderator, { channelId: 'channel', section: 'state threats', title: 'Crash' });
    const threadId = bot.publisher.threads[0] ?? '';
    const session = bot.sessions.liveSession(threadId);
    if (!session) throw new Error('no session started');
    return { bot, threadId, session };
  }

  function secondProcess() {
    const bot = bootBot(file, index, new RecordingPublisher());
    running.push(bot);
    return bot;
  }

  it('posts, once and credited, the answer of a question approved just before the crash, and marks it answered', async () => {
    const { bot: first, threadId, session } = await firstProcessWithSession();
    await first.queue.ask(session, first.sessions.settings(GUILD), author, 'How do hostile states threaten the UK?');
    const question = first.repository.waiting(session.id)[0];
    if (!question) throw new Error('no question queued');

    // The approval commits, then the process dies while the answer is being posted: it never returns.
    const crashPoint = first.publisher.trapPost((nonce) => nonce === `answer-${question.id}`, 'hang');
    void first.queue.approve(moderator, question.id);
    await crashPoint;
    first.crash();

    const left = readStoreAfresh(file, (store) => ({
      status: store.question(question.id)?.status,
      unanswered: store.unanswered().map(({ id }) => id),
      audit: store.auditLog(GUILD).length,
    }));
    expect(left).toMatchObject({ status: 'approved', unanswered: [question.id] });
    expect(first.publisher.attempts).toEqual([{ channel: threadId, nonce: `answer-${question.id}` }]);

    const second = secondProcess();
    await second.queue.recover();
    const recovered = posts(second.publisher);
    // The same nonce as the attempt the crash cut short: Discord would return that message rather than post it twice.
    expect(recovered.map(({ channel, nonce }) => ({ channel, nonce }))).toEqual([
      { channel: threadId, nonce: `answer-${question.id}` },
    ]);
    expect(recovered[0]?.view?.content).toMatch(
      new RegExp(`^\\*\\*Question from ${author.name}:\\*\\* How do hostile states threaten the UK\\?`, 'u'),
    );
    expect(recovered[0]?.view?.embeds.length).toBeGreaterThan(0);
    expect(second.repository.question(question.id)?.status).toBe('answered');
    expect(second.repository.stats(session.id).questions).toMatchObject({ approved: 1, answered: 1 });
    // Recovery decides nothing anew: no audit line of its own.
    expect(second.repository.auditLog(GUILD)).toHaveLength(left.audit);

    await second.queue.recover();
    expect(second.publisher.calls).toHaveLength(recovered.length);
  });

  it('posts, once, the moderators’ copy of a question whose copy the crash cut short, with its buttons, and it can then be approved', async () => {
    const { bot: first, threadId, session } = await firstProcessWithSession();
    const crashPoint = first.publisher.trapPost((nonce) => nonce?.startsWith('question-') === true, 'hang');
    void first.queue.ask(session, first.sessions.settings(GUILD), author, 'What does MI5 say about espionage?');
    await crashPoint;
    first.crash();

    const question = readStoreAfresh(file, (store) => store.unposted())[0];
    expect(question).toMatchObject({ status: 'pending', modMessageId: null, authorId: author.id });
    if (!question) throw new Error('no unposted question');
    expect(first.publisher.attempts).toEqual([{ channel: MODS, nonce: `question-${question.id}` }]);

    const second = secondProcess();
    await second.queue.recover();
    const recovered = posts(second.publisher);
    expect(recovered.map(({ channel, nonce }) => ({ channel, nonce }))).toEqual([
      { channel: MODS, nonce: `question-${question.id}` },
    ]);
    expect(recovered[0]?.view?.buttons.flat().map((button) => button.label)).toEqual(['Approve', 'Reject']);
    expect(second.repository.question(question.id)).toMatchObject({
      status: 'pending',
      modChannelId: MODS,
      modMessageId: recovered[0]?.id,
    });

    await second.queue.recover();
    expect(second.publisher.calls).toHaveLength(recovered.length);

    await second.queue.approve(moderator, question.id);
    expect(
      posts(second.publisher)
        .filter((call) => call.channel === threadId)
        .map((call) => call.nonce),
    ).toEqual([`answer-${question.id}`]);
  });

  it('posts nothing for a session that ended before the restart, though an answer and a copy were left unposted', async () => {
    const { bot: first, threadId, session } = await firstProcessWithSession();
    const settings = first.sessions.settings(GUILD);
    await first.queue.ask(session, settings, author, 'How do hostile states threaten the UK?');
    const approved = first.repository.waiting(session.id)[0];
    if (!approved) throw new Error('no question queued');
    // Discord refuses the answer: the approval stands, unanswered.
    const refused = first.publisher.trapPost((nonce) => nonce === `answer-${approved.id}`, 'fail');
    await expect(first.queue.approve(moderator, approved.id)).rejects.toThrow('503');
    await refused;
    // Discord refuses the moderators' copy of the next question: it stays unposted.
    const copyRefused = first.publisher.trapPost((nonce) => nonce?.startsWith('question-') === true, 'fail');
    await expect(
      first.queue.ask(session, settings, { id: 'member-8', name: 'Member Eight' }, 'What about terrorism?'),
    ).resolves.toMatchObject({ content: expect.stringMatching(/could not be reached/u) });
    await copyRefused;
    await first.sessions.end(moderator, threadId);
    first.crash();

    const left = readStoreAfresh(file, (store) => ({
      unanswered: store.unanswered().length,
      unposted: store.unposted().length,
      status: store.sessionById(session.id)?.status,
    }));
    expect(left).toEqual({ unanswered: 1, unposted: 1, status: 'ended' });

    const second = secondProcess();
    await second.queue.recover();
    expect(second.publisher.calls).toEqual([]);
    expect(second.repository.question(approved.id)?.status).toBe('approved');
  });
});
