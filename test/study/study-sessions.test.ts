import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownRejection, shownThrow } from '../support/shown-refusal.js';
import { studyTestServices } from '../support/study-test-context.js';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import { MAX_COPIES_CLOSED_AT_END } from '../../src/study/question-queue.js';
import type { StudySessions } from '../../src/study/study-sessions.js';
import { RecordingPublisher } from '../support/recording-publisher.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

/** Thread posts (by nonce, else first line or embed title) and thread closings, in the order they happened. */
const threadLog = (publisher: RecordingPublisher): string[] => {
  const threads = new Set(publisher.threads);
  return publisher.calls.flatMap((call) => {
    if (call.method === 'closeThread') return [`close ${call.channel}`];
    if (call.method !== 'post' || !threads.has(call.channel)) return [];
    return [call.nonce ?? (call.view?.content?.split('\n')[0] || call.view?.embeds[0]?.title || '')];
  });
};

/** Study sessions on a real SQLite file in a temporary folder, posting to a recording publisher. */
async function openSessions(defaults: GuildSettingsDefaults, drawMap?: (svg: string) => Promise<Uint8Array>) {
  const temporary = await temporaryFolder('sessions');
  const opened = await openTestIndex(temporary.folder, { dense: false });
  const repository = SqliteStudyRepository.open(`${temporary.folder}/study.sqlite`);
  const publisher = new RecordingPublisher();
  const { sessions, queue } = studyTestServices({
    repository,
    publisher,
    index: opened,
    defaults,
    now: () => 1_000_000,
    ...(drawMap ? { drawMap } : {}),
  });
  return {
    sessions,
    queue,
    repository,
    publisher,
    async close() {
      repository.close();
      await temporary.remove();
    },
  };
}
type GuildSettingsDefaults = Omit<GuildSettings, 'guildId'>;
const moderator = {
  id: 'mod',
  name: 'Mod',
  guildId: 'guild',
  permissions: MODERATOR_PERMISSIONS.manageThreads,
  roleIds: [],
};

describe('study sessions without a moderators’ channel', () => {
  let opened: Awaited<ReturnType<typeof openSessions>>;
  let sessions: StudySessions;
  let repository: SqliteStudyRepository;

  beforeAll(async () => {
    opened = await openSessions({
      moderatorRoleId: null,
      modChannelId: null,
      moderated: true,
      cooldownSeconds: 0,
      blockedTerms: [],
    });
    ({ sessions, repository } = opened);
  });
  afterAll(async () => opened.close());

  it('starts an unmoderated session, saying questions are answered at once, since no one could see a queue', async () => {
    const reply = await sessions.start(moderator, { channelId: 'channel', section: 'encryption' });
    expect(reply).toMatch(/Questions are answered at once: set a moderators’ channel/u);
    expect(sessions.liveSession(opened.publisher.threads[0] ?? '')?.moderated).toBe(false);
  });

  it('refuses a cooldown that is not a whole number of seconds from 0 to 3600, storing nothing', async () => {
    for (const cooldownSeconds of [-1, 1.5, 3601, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await shownRejection(() => sessions.configure(moderator, { cooldownSeconds }))).toMatchObject({
        code: 'cooldown-out-of-range',
        message: 'The cooldown is a whole number of seconds from 0 to 3600.',
      });
    }
    expect(repository.auditLog('guild').filter((entry) => entry.action === 'config')).toEqual([]);
    await expect(sessions.configure(moderator, { cooldownSeconds: 3600 })).resolves.toContain('cooldown 3600 s');
  });

  it('refuses setting and clearing one setting at once, but only after the moderator check', async () => {
    expect(
      await shownRejection(() => sessions.configure(moderator, { modChannelId: 'mods' }, ['mod-channel'])),
    ).toMatchObject({
      code: 'set-and-clear',
      message: 'Set or clear mod-channel, not both at once.',
    });
    const member = { ...moderator, id: 'member', permissions: 0n };
    await expect(sessions.configure(member, { modChannelId: 'mods' }, ['mod-channel'])).rejects.toMatchObject({
      code: 'not-moderator',
    });
    expect(repository.auditLog('guild', 1)[0]).toMatchObject({ action: 'refused', actorId: 'member' });
    await sessions.configure(moderator, { moderatorRoleId: 'leads' });
    expect(await sessions.configure(moderator, {}, ['moderator-role'])).toContain('Moderator role: none');
  });
});

describe('the end of a session with questions still waiting', () => {
  let opened: Awaited<ReturnType<typeof openSessions>>;
  beforeAll(async () => {
    opened = await openSessions({
      moderatorRoleId: null,
      modChannelId: 'mods',
      moderated: true,
      cooldownSeconds: 0,
      blockedTerms: [],
    });
  });
  afterAll(async () => opened.close());

  it(`closes the newest ${MAX_COPIES_CLOSED_AT_END} moderators' copies at the end, and an older one when its Approve or Reject is pressed`, async () => {
    const { sessions, queue, repository, publisher } = opened;
    await sessions.start(moderator, { channelId: 'channel', section: 'encryption' });
    const threadId = publisher.threads.at(-1) ?? '';
    const session = sessions.liveSession(threadId);
    if (!session) throw new Error('no session');
    const ids: number[] = [];
    for (let member = 0; member < MAX_COPIES_CLOSED_AT_END + 2; member += 1) {
      await queue.ask(
        session,
        sessions.settings('guild'),
        { id: `member-${member}`, name: 'Member' },
        `Question number ${member} about encryption?`,
      );
      ids.push(repository.waiting(session.id).at(-1)?.id ?? -1);
    }
    const copyOf = (id: number) => repository.question(id)?.modMessageId;
    const closedCopies = () =>
      publisher.calls
        .filter(
          (call) =>
            call.method === 'edit' && call.view?.buttons.length === 0 && call.view.content?.startsWith('Not taken up'),
        )
        .map((call) => call.messageId);

    await sessions.end(moderator, threadId);
    expect(closedCopies()).toEqual(ids.slice(-MAX_COPIES_CLOSED_AT_END).map(copyOf));
    const [oldest, second] = ids;
    expect(await shownRejection(() => queue.approve(moderator, oldest ?? -1))).toMatchObject({
      message: 'This session has ended.',
    });
    expect(shownThrow(() => queue.checkDecidable(moderator, second ?? -1))).toMatchObject({
      message: 'This session has ended.',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closedCopies().slice(MAX_COPIES_CLOSED_AT_END)).toEqual([copyOf(oldest ?? -1), copyOf(second ?? -1)]);
    expect(repository.question(oldest ?? -1)?.status).toBe('pending');
  });

  it('lets an Approve in flight finish before the end: its answer is posted and counted before the thread closes', async () => {
    const { sessions, queue, repository, publisher } = opened;
    await sessions.start(moderator, { channelId: 'channel', section: 'state threats', title: 'Race' });
    const session = repository.sessionById(repository.auditLog('guild', 1)[0]?.sessionId ?? -1);
    if (!session) throw new Error('no session');
    await queue.ask(
      session,
      sessions.settings('guild'),
      { id: 'racer', name: 'Racer' },
      'How do hostile states threaten the UK?',
    );
    const question = repository.waiting(session.id).at(-1)?.id ?? -1;
    const before = threadLog(publisher).length;
    // Pressed together: the Approve first, the end a moment later, as two moderators would.
    const [approved, ended] = await Promise.all([
      queue.approve(moderator, question),
      sessions.end(moderator, session.threadId),
    ]);
    expect(approved).toMatch(/^Approved/u);
    expect(ended).toMatch(/^Session ended/u);
    expect(threadLog(publisher).slice(before)).toEqual([
      `answer-${question}`,
      expect.stringMatching(/^\*\*Paragraph map\*\* · /u),
      `close ${session.threadId}`,
    ]);
    expect(repository.stats(session.id).questions).toMatchObject({ approved: 1, answered: 1 });
  });
});

describe('the end of a session whose map cannot be drawn', () => {
  it('still ends, posting the recap with the map in words, and logs why', async () => {
    const opened = await openSessions(
      { moderatorRoleId: null, modChannelId: null, moderated: false, cooldownSeconds: 0, blockedTerms: [] },
      async () => {
        throw new Error('librsvg is missing');
      },
    );
    try {
      await opened.sessions.start(moderator, { channelId: 'channel', section: 'conclusion' });
      const threadId = opened.publisher.threads[0] ?? '';
      expect(await opened.sessions.end(moderator, threadId)).toMatch(/^Session ended/u);
      const recap = opened.publisher.calls.find((call) => call.view?.embeds[0]?.title?.startsWith('Recap'));
      expect(recap?.view?.content).toMatch(/^\*\*Paragraph map\*\* · No questions yet\./u);
      expect(recap?.view?.files).toBeUndefined();
      expect(opened.repository.sessionByThread(threadId)?.status).toBe('ended');
    } finally {
      await opened.close();
    }
  });
});

describe('an unmoderated session keeps the public questions it answered at once', () => {
  it('lands them on the map, credits them in the transcript under the passage on the table, and keeps none after the end', async () => {
    const opened = await openSessions({
      moderatorRoleId: null,
      modChannelId: null,
      moderated: false,
      cooldownSeconds: 0,
      blockedTerms: [],
    });
    try {
      const { sessions, repository, publisher } = opened;
      await sessions.start(moderator, { channelId: 'channel', section: 'encryption', title: 'Open reading' });
      const threadId = publisher.threads[0] ?? '';
      await sessions.recordAnswered(threadId, { id: 'ben', name: 'Ben <b>' }, '  What did he say about encryption?  ');
      await sessions.recordAnswered(threadId, { id: 'cy', name: 'Cy' }, 'What did he say about encryption?');
      const session = repository.sessionByThread(threadId);
      const kept = repository.sessionQuestions(session?.id ?? 0);
      expect(kept.map(({ authorName, text, status }) => ({ authorName, text, status }))).toEqual([
        { authorName: 'Ben <b>', text: 'What did he say about encryption?', status: 'answered' },
        { authorName: 'Cy', text: 'What did he say about encryption?', status: 'answered' },
      ]);
      const landedOn = kept[0]?.landedOn ?? 0;
      expect(landedOn).toBeGreaterThan(0);
      expect(repository.landings(session?.id ?? 0)).toEqual(new Map([[landedOn, 2]]));

      const view = await sessions.export(moderator, threadId);
      const markdown = new TextDecoder().decode(view.files?.[0]?.data);
      const html = new TextDecoder().decode(view.files?.[1]?.data);
      expect(view.content).toBe('Transcript of **Open reading**: 1 passage read, 2 questions answered.');
      expect(markdown).toContain('**Questions answered**');
      expect(markdown).not.toContain('Approved questions');
      expect(markdown).toContain('What did he say about encryption?');
      expect(html).toContain('<h3>Questions answered</h3>');
      expect(html).toContain('Ben &lt;b&gt;');

      await sessions.end(moderator, threadId);
      const recap = publisher.calls.find((call) => call.view?.embeds[0]?.title?.startsWith('Recap'));
      expect(recap?.view?.embeds[0]?.fields?.find((field) => field.name === 'Questions')?.value).toBe(
        '2 asked and answered',
      );
      await sessions.recordAnswered(threadId, { id: 'dee', name: 'Dee' }, 'Asked after the end?');
      expect(repository.sessionQuestions(session?.id ?? 0)).toHaveLength(2);
    } finally {
      await opened.close();
    }
  });
});
