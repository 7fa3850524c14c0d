import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DISCUSSION_PROMPTS } from '../../src/study/discussion-prompts.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import {
  MEMBER_PERMISSIONS,
  type InteractionHandle,
  type InteractionRecord,
  type JsonObject,
  type JsonValue,
  type RecordedMessage,
} from '../support/fake-discord/index.js';

interface Embed {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: Array<{ name: string; value: string }>;
}
interface Component {
  type: number;
  custom_id: string;
  label?: string;
}
interface AuditRow {
  id: number;
  session_id: number | null;
  actor_id: string;
  action: string;
  detail: string;
}
interface Who {
  readonly userId: string;
  readonly username: string;
  readonly permissions?: string;
}
type Option = { name: string; type: number; value: string | number | boolean };

const EPHEMERAL = 64;
const MODAL = 9;
const PUBLIC_THREAD = 11;
const MANAGE_THREADS = 1n << 34n;
const MODERATOR_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | MANAGE_THREADS).toString();

// The cast: two moderators by permission (Manage Threads), two members with the everyday permission set.
const ADA: Who = { userId: '1000000000000000601', username: 'ada-mod', permissions: MODERATOR_PERMISSIONS };
const GRACE: Who = { userId: '1000000000000000602', username: 'grace-mod', permissions: MODERATOR_PERMISSIONS };
const BEN: Who = { userId: '1000000000000000701', username: 'ben-member' };
const CY: Who = { userId: '1000000000000000702', username: 'cy-member' };
// Only in the unmoderated session's test, so that its asks and map leave no cooldown for the others.
const DEE: Who = { userId: '1000000000000000703', username: 'dee-member' };

const embedsOf = (message: RecordedMessage | null | undefined) => (message?.embeds ?? []) as Embed[];
const componentsOf = (message: { components?: JsonValue[] } | null | undefined): Component[] =>
  ((message?.components ?? []) as unknown as Array<{ components: Component[] }>).flatMap((row) => row.components);
const answered = (record: InteractionRecord) => record.original !== null && !record.original.loading;
const today = () => new Date().toISOString().slice(0, 10);

// The real bot (real discord.js client, real SQLite under DATA_DIR) against the loopback fake Discord.
describe('moderated study sessions, end to end', () => {
  let harness: BotHarness;
  let modChannel: string;
  let db: Database.Database;
  const fake = () => harness.fake;
  const speech = () => harness.index.speech;
  /** What the bot posted in a channel, without the (private) interaction replies the fake also files there. */
  const postsIn = (channelId: string) =>
    fake()
      .channelMessages(channelId)
      .filter((message) => message.source === 'channel');
  const inThread = (threadId: string) => ({ channelId: threadId, channelType: PUBLIC_THREAD });

  /** `/study <sub>` as `who`, by default in the guild's text channel. */
  const study = (
    sub: string,
    options: Option[],
    who: Who,
    where: { channelId?: string; channelType?: number } = {},
    resolved?: JsonObject,
  ) =>
    fake().sendInteraction(
      fake().chatInput({
        name: 'study',
        options: [{ name: sub, type: 1, options }],
        ...who,
        ...where,
        ...(resolved ? { resolved } : {}),
      }),
    );
  const ask = (question: string, who: Who, threadId: string, extra: Option[] = []) =>
    fake().sendInteraction(
      fake().chatInput({
        name: 'ask',
        options: [{ name: 'question', type: 3, value: question }, ...extra],
        ...who,
        ...inThread(threadId),
      }),
    );
  /** The bot's final answer to an interaction: the edited deferred reply, or a direct reply. */
  const replyTo = async (sent: InteractionHandle): Promise<RecordedMessage> => {
    const record = await sent.waitForResponse(answered);
    if (!record.original) throw new Error('unreachable: answered');
    return record.original;
  };
  const press = (customId: string, who: Who, message: RecordedMessage) =>
    fake().sendInteraction(
      fake().button({ customId, ...who, channelId: modChannel, message: fake().apiMessage(message) }),
    );

  const baseline = (): Option[] => [
    { name: 'mod-channel', type: 7, value: modChannel },
    { name: 'moderated', type: 5, value: true },
    { name: 'cooldown', type: 4, value: 0 },
  ];
  const configure = async (options: Option[]) => {
    const resolved = {
      channels: {
        [modChannel]: { id: modChannel, name: 'mods', type: 0, permissions: MODERATOR_PERMISSIONS, parent_id: null },
      },
    };
    const reply = await replyTo(study('config', options, ADA, {}, resolved));
    expect(reply.content).toMatch(/^\*\*Study settings\*\*/u);
    return reply;
  };
  /** Starts a session as Ada in the text channel; returns its thread id. */
  const startSession = async (section: string, extra: Option[] = []): Promise<string> => {
    const reply = await replyTo(study('start', [{ name: 'section', type: 3, value: section }, ...extra], ADA));
    const threadId = /^Session started in <#(\d+)>/u.exec(reply.content ?? '')?.[1];
    if (!threadId) throw new Error(`no session started: ${reply.content}`);
    return threadId;
  };
  /** The moderators' copy of a question: the mod-channel message first posted with its Approve button. */
  const modCopyOf = (questionId: number) =>
    postsIn(modChannel).find(
      (message) =>
        message.history[0]?.body.components !== undefined &&
        JSON.stringify(message.history[0].body.components).includes(`"m1.a.${questionId}"`),
    );
  /** The DM channel the bot opened with a member. */
  const dmChannelOf = (who: Who): string | undefined =>
    [...fake().state.channels.values()].find(
      (record) => record.channel.type === 1 && JSON.stringify(record.channel.recipients).includes(`"${who.userId}"`),
    )?.channel.id as string | undefined;
  const latestQuestionId = (): number =>
    (db.prepare('SELECT MAX(id) FROM questions').pluck().get() as number | null) ?? 0;
  const questionRow = (id: number) =>
    db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as {
      status: string;
      decided_by: string | null;
      reason: string | null;
      author_name: string;
      landed_on: number | null;
    };
  const lastAuditId = (): number => (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const auditSince = (id: number) =>
    db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(id) as AuditRow[];
  const questionMessagesIn = (threadId: string) =>
    postsIn(threadId).filter((message) => message.content?.startsWith('**Question from'));
  /** Asks as a member and returns the new question's id once its moderators' copy is posted. */
  const queueQuestion = async (question: string, who: Who, threadId: string): Promise<number> => {
    const reply = await replyTo(ask(question, who, threadId));
    expect(reply.content).toMatch(/^Your question was sent to the moderators \(position \d+ in the queue\)/u);
    const id = latestQuestionId();
    expect(modCopyOf(id)).toBeDefined();
    return id;
  };

  beforeAll(async () => {
    harness = await startBotHarness();
    modChannel = harness.fake.addTextChannel('mods');
    // The bot's own file, read-only beside it (WAL lets both be open at once).
    db = new Database(harness.app.config.studyDatabaseFile, { readonly: true, fileMustExist: true });
    // Every test may run alone (-t): the guild starts moderated, with the moderators' channel and no cooldown.
    await configure(baseline());
  });
  afterAll(async () => {
    db?.close();
    await harness?.close();
  });

  it('runs a whole moderated session: config, start in a thread, next, a queued question approved, another rejected with a reason, status, end with a recap', async () => {
    const auditStart = lastAuditId();
    const modPostsAtStart = postsIn(modChannel).length;

    // A moderator stores the settings.
    const settingsReply = await configure(baseline());
    expect(settingsReply.flags).toBe(EPHEMERAL);
    expect(settingsReply.content).toContain(`Moderators’ channel: <#${modChannel}>`);
    expect(
      db
        .prepare('SELECT mod_channel_id, moderated, cooldown_seconds FROM guild_settings WHERE guild_id = ?')
        .get(fake().world.guildId),
    ).toEqual({
      mod_channel_id: modChannel,
      moderated: 1,
      cooldown_seconds: 0,
    });

    // A member may not start a session: a private refusal, no thread, only a `refused` audit line.
    const beforeRefusal = lastAuditId();
    const requestsBeforeRefusal = fake().requests.length;
    const refusal = await replyTo(study('start', [{ name: 'section', type: 3, value: 'state' }], BEN));
    expect(refusal.flags).toBe(EPHEMERAL);
    expect(refusal.content).toMatch(/^Only moderators can do that/u);
    expect(
      fake()
        .requests.slice(requestsBeforeRefusal)
        .filter((request) => request.path.includes('/threads') || request.path.startsWith(`/channels/${modChannel}`)),
    ).toEqual([]);
    expect(auditSince(beforeRefusal)).toMatchObject([
      { action: 'refused', actor_id: BEN.userId, detail: 'start: not a moderator', session_id: null },
    ]);

    // The moderator starts one: a public thread named after the section and the date, under the text channel.
    const dayBefore = today();
    const threadId = await startSession('state');
    const thread = fake().state.channels.get(threadId)?.channel;
    expect(thread).toMatchObject({ type: PUBLIC_THREAD, parent_id: fake().world.channelId });
    expect([`State Threats · ${dayBefore}`, `State Threats · ${today()}`]).toContain(thread?.name);
    expect(
      fake().requests.find(
        (request) => request.method === 'POST' && request.path === `/channels/${fake().world.channelId}/threads`,
      )?.body,
    ).toMatchObject({ type: PUBLIC_THREAD });

    // A pinned opening (what is read, the rules, how to ask), then the first passage verbatim with a prompt.
    const [opening, first, ...others] = postsIn(threadId);
    expect(others).toEqual([]);
    expect(opening?.pinned).toBe(true);
    expect(embedsOf(opening)[0]?.title).toBe('Study session: State Threats');
    expect(embedsOf(opening)[0]?.footer?.text).not.toMatch(/session 0/u);
    expect(embedsOf(opening)[0]?.description).toMatch(
      /We read \*\*State Threats\*\* \(¶6–¶16\)[\s\S]*\*\*Rules\*\*[\s\S]*\*\*Asking\*\*: Ask about the speech with `\/ask`: your question goes to the moderators/u,
    );
    const paragraph6 = speech().paragraphs[5];
    expect(first?.content).toBe(`**Passage ¶6** · State Threats\n**Discussion:** ${DISCUSSION_PROMPTS[0]}`);
    expect(embedsOf(first).map((embed) => embed.title)).toEqual(['State Threats · ¶6']);
    expect(embedsOf(first)[0]?.description?.replaceAll('**', '')).toBe(paragraph6?.text);
    expect(first?.allowed_mentions).toEqual({ parse: [] });

    // `/study next` in the thread puts the next paragraph on the table.
    const next = await replyTo(study('next', [], ADA, inThread(threadId)));
    expect(next).toMatchObject({ content: 'Posted ¶7.', flags: EPHEMERAL });
    const second = postsIn(threadId).at(-1);
    expect(second?.content).toBe(`**Passage ¶7** · State Threats\n**Discussion:** ${DISCUSSION_PROMPTS[1]}`);
    expect(embedsOf(second)[0]?.description).toBe(speech().paragraphs[6]?.text);

    // A member's public /ask is queued: a private "sent to the moderators", a copy with buttons, nothing in the thread.
    const threadBefore = postsIn(threadId).length;
    const question = 'What does he say about cyber attacks by hostile states?';
    const queued = await replyTo(ask(question, BEN, threadId));
    expect(queued.flags).toBe(EPHEMERAL);
    expect(queued.content).toBe(
      'Your question was sent to the moderators (position 1 in the queue). If they approve it, it is answered in this thread.',
    );
    const firstId = latestQuestionId();
    const copy = modCopyOf(firstId);
    expect(copy?.content).toBe(`Question for **State Threats** in <#${threadId}>`);
    expect(embedsOf(copy)[0]).toMatchObject({ author: { name: 'ben-member asks' }, description: question });
    expect(componentsOf(copy).map((button) => [button.label, button.custom_id])).toEqual([
      ['Approve', `m1.a.${firstId}`],
      ['Reject', `m1.r.${firstId}`],
    ]);
    expect(postsIn(threadId)).toHaveLength(threadBefore);

    // `/ask private:true` in the thread is still answered at once, privately, and queues nothing.
    const privately = await replyTo(ask('encryption', BEN, threadId, [{ name: 'private', type: 5, value: true }]));
    expect(privately.flags).toBe(EPHEMERAL);
    expect(embedsOf(privately).length).toBeGreaterThan(0);
    expect(latestQuestionId()).toBe(firstId);

    // A member's Approve is refused privately and changes nothing.
    if (!copy) throw new Error('no moderators’ copy');
    const beforeMemberApprove = lastAuditId();
    const memberApprove = await replyTo(press(`m1.a.${firstId}`, BEN, copy));
    expect(memberApprove.flags).toBe(EPHEMERAL);
    expect(memberApprove.content).toMatch(/^Only moderators can do that/u);
    expect(copy.editedAt).toBeNull();
    expect(postsIn(threadId)).toHaveLength(threadBefore);
    expect(questionRow(firstId).status).toBe('pending');
    expect(auditSince(beforeMemberApprove)).toMatchObject([
      { action: 'refused', actor_id: BEN.userId, detail: 'approve: not a moderator' },
    ]);

    // A moderator's Approve posts the question, credited but not pinged, with the answer; the copy loses its buttons.
    const approval = await replyTo(press(`m1.a.${firstId}`, ADA, copy));
    expect(approval).toMatchObject({
      flags: EPHEMERAL,
      content: `Approved: the question and its answer are posted in <#${threadId}>.`,
    });
    const answer = postsIn(threadId).at(-1);
    expect(answer?.content?.split('\n')[0]).toBe(`**Question from ${BEN.username}:** ${question}`);
    expect(embedsOf(answer).length).toBeGreaterThan(0);
    expect(embedsOf(answer).every((embed) => /· ¶\d+/u.test(embed.title ?? ''))).toBe(true);
    expect(answer?.allowed_mentions).toEqual({ parse: [] });
    expect(copy.content).toBe(`Approved by <@${ADA.userId}>.`);
    expect(componentsOf(copy)).toEqual([]);
    expect(questionRow(firstId)).toMatchObject({ status: 'answered', decided_by: ADA.userId });

    // A second question, rejected: Reject opens a modal for the reason; the author is told in a DM.
    const secondQuestion = 'Is the speech about football?';
    const secondId = await queueQuestion(secondQuestion, BEN, threadId);
    const secondCopy = modCopyOf(secondId);
    if (!secondCopy) throw new Error('no moderators’ copy');
    const reject = await press(`m1.r.${secondId}`, ADA, secondCopy).waitForCallback();
    expect(reject.type).toBe(MODAL);
    expect(reject.data?.['custom_id']).toBe(`m1.m.${secondId}`);
    expect(componentsOf(reject.data as { components?: JsonValue[] }).map((input) => input.custom_id)).toEqual([
      'reason',
    ]);
    const threadBeforeReject = postsIn(threadId).length;
    const reason = 'Not about the passage on the table.';
    const submitted = fake().sendInteraction(
      fake().modalSubmit({
        customId: `m1.m.${secondId}`,
        fields: { reason },
        ...ADA,
        channelId: modChannel,
        message: fake().apiMessage(secondCopy),
      }),
    );
    expect(await replyTo(submitted)).toMatchObject({
      flags: EPHEMERAL,
      content: 'Rejected; the author was told privately.',
    });
    const dmOpen = fake().requests.find(
      (request) => request.method === 'POST' && request.path === '/users/@me/channels',
    );
    expect(dmOpen?.body).toEqual({ recipient_id: BEN.userId });
    const [dm, ...moreDms] = postsIn(dmChannelOf(BEN) ?? 'no DM channel');
    expect(moreDms).toEqual([]);
    expect(dm?.content).toContain(`Reason: ${reason}`);
    expect(dm?.content).toContain(secondQuestion);
    expect(dm?.allowed_mentions).toEqual({ parse: [] });
    expect(secondCopy.content).toBe(`Rejected by <@${ADA.userId}>.`);
    expect(embedsOf(secondCopy)[0]?.footer?.text).toContain(`reason: ${reason}`);
    // Only Reopen is left on a rejected question, while the session runs.
    expect(componentsOf(secondCopy).map((button) => button.label)).toEqual(['Reopen']);
    expect(postsIn(threadId)).toHaveLength(threadBeforeReject);
    expect(questionRow(secondId)).toMatchObject({ status: 'rejected', reason });

    // Members talk in the thread: Ben twice, Cy once.
    for (const who of [BEN, CY, BEN])
      fake().dispatch(
        'MESSAGE_CREATE',
        fake().memberMessage({
          ...who,
          channelId: threadId,
          content: 'I think the passage turns on its second sentence.',
        }),
      );

    // Anyone may ask for the status.
    const status = await replyTo(study('status', [], CY, inThread(threadId)));
    expect(status).toMatchObject({
      flags: EPHEMERAL,
      content: `**State Threats** is running, run by <@${ADA.userId}>. On the table: ¶7 (State Threats). 2 passages covered. 0 questions waiting for the moderators.`,
    });

    // The end: a recap in the thread, then the thread locked and archived.
    const requestsBeforeEnd = fake().requests.length;
    const ended = await replyTo(study('end', [], ADA, inThread(threadId)));
    expect(ended.content).toBe('Session ended: the recap is posted and the thread archived and locked.');
    const recap = postsIn(threadId).at(-1);
    const fields = Object.fromEntries((embedsOf(recap)[0]?.fields ?? []).map((field) => [field.name, field.value]));
    expect(embedsOf(recap)[0]?.title).toBe('Recap: State Threats');
    expect(fields).toEqual({
      'Passages covered': '2: ¶6, ¶7',
      Participants: '2',
      Messages: '3',
      Duration: expect.stringMatching(/^\d+ min$/u),
      Questions: '2 asked · 1 approved · 1 rejected · 1 answered',
    });
    const threadCalls = fake()
      .requests.slice(requestsBeforeEnd)
      .filter((request) => request.path.startsWith(`/channels/${threadId}`));
    expect(threadCalls.map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', `/channels/${threadId}/messages`, expect.anything()],
      ['PATCH', `/channels/${threadId}`, { locked: true }],
      ['PATCH', `/channels/${threadId}`, { archived: true, locked: true }],
    ]);
    expect(fake().state.channels.get(threadId)?.channel.thread_metadata).toMatchObject({
      archived: true,
      locked: true,
    });

    // The audit log holds every moderator action, and the refused attempts.
    const sessionId = db.prepare('SELECT id FROM sessions WHERE thread_id = ?').pluck().get(threadId) as number;
    expect(auditSince(auditStart).map((row) => [row.action, row.actor_id, row.session_id])).toEqual([
      ['config', ADA.userId, null],
      ['refused', BEN.userId, null],
      ['start', ADA.userId, sessionId],
      ['advance', ADA.userId, sessionId],
      ['refused', BEN.userId, sessionId],
      ['approve', ADA.userId, sessionId],
      ['reject', ADA.userId, sessionId],
      ['end', ADA.userId, sessionId],
    ]);
    expect(auditSince(auditStart).find((row) => row.action === 'reject')?.detail).toBe(
      `question ${secondId}: ${reason}`,
    );
    // … and a line each in the moderators' channel.
    const lines = postsIn(modChannel)
      .slice(modPostsAtStart)
      .filter((message) => componentsOf(message).length === 0 && (message.embeds ?? []).length === 0)
      .map((message) => message.content);
    expect(lines).toEqual([
      `⚙️ <@${ADA.userId}> changed the study settings: modChannelId, moderated, cooldownSeconds.`,
      `▶️ <@${ADA.userId}> started **State Threats** in <#${threadId}> (¶6).`,
      `⏭️ <@${ADA.userId}> moved **State Threats** to ¶7.`,
      `✅ <@${ADA.userId}> approved question ${firstId} from <@${BEN.userId}> in <#${threadId}>.`,
      `❌ <@${ADA.userId}> rejected question ${secondId} from <@${BEN.userId}> (${reason}).`,
      `⏹️ <@${ADA.userId}> ended **State Threats**.`,
    ]);
    expect(fake().unknownRequests()).toEqual([]);
    expect(fake().errors).toEqual([]);
  });

  it('holds a member’s question while the session is paused, and sends it to the moderators when it resumes', async () => {
    const threadId = await startSession('terrorism');
    const auditStart = lastAuditId();

    expect(await replyTo(study('pause', [], BEN, inThread(threadId)))).toMatchObject({
      content: expect.stringMatching(/^Only moderators can do that/u),
    });
    expect(await replyTo(study('pause', [], ADA, inThread(threadId)))).toMatchObject({
      content: 'The session is paused: questions are held until it resumes.',
      flags: EPHEMERAL,
    });
    expect(postsIn(threadId).at(-1)?.content).toBe('*The session is paused: questions are held until it resumes.*');

    const modPostsBefore = postsIn(modChannel).length;
    const held = await replyTo(ask('How many late-stage attack plots were disrupted?', CY, threadId));
    expect(held).toMatchObject({
      flags: EPHEMERAL,
      content: 'The session is paused: your question is held and goes to the moderators when it resumes (position 1).',
    });
    const heldId = latestQuestionId();
    expect(questionRow(heldId).status).toBe('held');
    // Only the pause's audit line reached the moderators' channel; no copy of the question.
    expect(postsIn(modChannel).length).toBe(modPostsBefore);
    expect(modCopyOf(heldId)).toBeUndefined();
    expect((await replyTo(study('status', [], CY, inThread(threadId)))).content).toMatch(
      /is paused, run by .* 1 question waiting for the moderators\.$/u,
    );

    expect(await replyTo(study('resume', [], ADA, inThread(threadId)))).toMatchObject({
      content: 'The session has resumed.',
    });
    const copy = modCopyOf(heldId);
    expect(embedsOf(copy)[0]).toMatchObject({
      author: { name: 'cy-member asks' },
      footer: { text: `Question ${heldId} · waiting for a moderator` },
    });
    expect(componentsOf(copy).map((button) => button.label)).toEqual(['Approve', 'Reject']);
    expect(questionRow(heldId).status).toBe('pending');
    expect(auditSince(auditStart).map((row) => [row.action, row.actor_id])).toEqual([
      ['refused', BEN.userId],
      ['pause', ADA.userId],
      ['resume', ADA.userId],
    ]);
    expect(
      postsIn(modChannel)
        .map((message) => message.content)
        .filter((content) => /^(⏸️|▶️) .*\*\*Terrorism\*\*\.$/u.test(content ?? '')),
    ).toEqual([`⏸️ <@${ADA.userId}> paused **Terrorism**.`, `▶️ <@${ADA.userId}> resumed **Terrorism**.`]);
  });

  it('keeps the queue clean: blocked terms reject automatically with a reason, three pending questions per member, 300 characters', async () => {
    const settings = await configure([{ name: 'blocked-terms', type: 3, value: 'kompromat, forbidden phrase' }]);
    expect(settings.content).toContain('Blocked terms: `kompromat`, `forbidden phrase`');
    const threadId = await startSession('introduction');
    const auditStart = lastAuditId();
    const modPostsBefore = postsIn(modChannel).length;

    // A blocked term (any case) is rejected at once, with the reason, and never reaches the moderators.
    const blocked = await replyTo(ask('Does he mention KOMPROMAT anywhere?', BEN, threadId));
    expect(blocked).toMatchObject({
      flags: EPHEMERAL,
      content:
        'Your question was not sent to the moderators: It contains a term this server does not allow in questions.',
    });
    const blockedId = latestQuestionId();
    expect(questionRow(blockedId)).toMatchObject({
      status: 'rejected',
      reason: 'It contains a term this server does not allow in questions.',
    });
    expect(postsIn(modChannel).length).toBe(modPostsBefore);
    expect(auditSince(auditStart)).toMatchObject([{ action: 'auto-reject', actor_id: BEN.userId }]);

    // Three questions wait; a fourth from the same member is refused; another member still gets in.
    const positions: string[] = [];
    for (const question of ['What is the first threat?', 'Who is the audience?', 'Why July 2021?']) {
      positions.push(/position (\d+)/u.exec((await replyTo(ask(question, BEN, threadId))).content ?? '')?.[1] ?? '');
    }
    expect(positions).toEqual(['1', '2', '3']);
    const idBeforeFourth = latestQuestionId();
    const fourth = await replyTo(ask('And a fourth one?', BEN, threadId));
    expect(fourth).toMatchObject({
      flags: EPHEMERAL,
      content: 'You already have 3 questions waiting for the moderators; please wait for them to be answered.',
    });
    expect(latestQuestionId()).toBe(idBeforeFourth);
    expect((await replyTo(ask('May I ask one too?', CY, threadId))).content).toMatch(/position 4 in the queue/u);

    // Over 300 characters: refused privately, nothing stored or posted.
    const modPostsBeforeLong = postsIn(modChannel).length;
    const idBeforeLong = latestQuestionId();
    const long = await replyTo(ask(`Why ${'very '.repeat(60)}long?`.slice(0, 301), CY, threadId));
    expect(long).toMatchObject({
      flags: EPHEMERAL,
      content: 'That question is 301 characters long; the limit is 300. Please shorten it.',
    });
    expect(latestQuestionId()).toBe(idBeforeLong);
    expect(postsIn(modChannel).length).toBe(modPostsBeforeLong);
    expect(postsIn(threadId).filter((message) => message.content?.startsWith('**Question from'))).toEqual([]);

    // "none" clears the list for the tests that follow.
    expect((await configure([{ name: 'blocked-terms', type: 3, value: 'none' }])).content).toContain(
      'Blocked terms: none',
    );
  });

  it('makes a member wait the configured cooldown between two questions in a session', async () => {
    await configure([{ name: 'cooldown', type: 4, value: 120 }]);
    try {
      const threadId = await startSession('learning', [{ name: 'title', type: 3, value: 'Cooldown' }]);
      await queueQuestion('What did MI5 learn?', BEN, threadId);
      const idBefore = latestQuestionId();
      const again = await replyTo(ask('And what changed?', BEN, threadId));
      expect(again).toMatchObject({
        flags: EPHEMERAL,
        content: expect.stringMatching(/^You can ask again in 1[12]\d s\.$/u),
      });
      expect(latestQuestionId()).toBe(idBefore);
      // Another member is not held back.
      await queueQuestion('What about adaptation?', CY, threadId);
    } finally {
      await configure([{ name: 'cooldown', type: 4, value: 0 }]);
    }
  });

  it('answers /ask at once, publicly, in the thread of a session that is not moderated, and keeps it for the map', async () => {
    await configure([{ name: 'moderated', type: 5, value: false }]);
    try {
      const threadId = await startSession('encryption', [{ name: 'title', type: 3, value: 'Open questions' }]);
      expect(embedsOf(postsIn(threadId)[0])[0]?.description).toContain(
        'the answer is posted here with the passages that answer it',
      );
      const modPostsBefore = postsIn(modChannel).length;
      const idBefore = latestQuestionId();
      const answer = await replyTo(ask('What did he say about encryption?', BEN, threadId));
      expect(answer.flags ?? 0).toBe(0);
      expect(embedsOf(answer).length).toBeGreaterThan(0);
      // Kept as answered, never queued: it lands on the map and the transcript credits it.
      // Kept once the answer is sent, so it may land a moment after the reply.
      await vi.waitFor(() => expect(latestQuestionId()).toBe(idBefore + 1));
      expect(questionRow(idBefore + 1)).toMatchObject({ status: 'answered', author_name: BEN.username });
      expect(questionRow(idBefore + 1).landed_on).toEqual(expect.any(Number));
      const privately = await replyTo(
        ask('What did he say about encryption?', DEE, threadId, [{ name: 'private', type: 5, value: true }]),
      );
      expect(privately.flags).toBe(EPHEMERAL);
      expect(latestQuestionId()).toBe(idBefore + 1);
      expect(postsIn(modChannel).length).toBe(modPostsBefore);
      const map = await replyTo(study('map', [], DEE, inThread(threadId)));
      expect(map.content).toMatch(/^\*\*Paragraph map\*\* · Most questions: ¶\d+ \(1\)\./u);
      expect((await replyTo(study('status', [], BEN, inThread(threadId)))).content).toMatch(
        /Questions are answered at once\.$/u,
      );
    } finally {
      await configure([{ name: 'moderated', type: 5, value: true }]);
    }
  });

  it('of two moderators pressing Approve on the same question at the same moment, exactly one wins; the other is told', async () => {
    const threadId = await startSession('encryption');
    const questionId = await queueQuestion('What does he want from technology companies?', CY, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    const auditStart = lastAuditId();

    // Both sent before either is answered.
    const presses = [press(`m1.a.${questionId}`, ADA, copy), press(`m1.a.${questionId}`, GRACE, copy)];
    const replies = await Promise.all(presses.map((sent) => replyTo(sent)));
    const contents = replies.map((reply) => reply.content ?? '');
    const winners = contents.filter((content) => content.startsWith('Approved:'));
    const losers = contents.filter((content) => !content.startsWith('Approved:'));
    expect(winners).toEqual([`Approved: the question and its answer are posted in <#${threadId}>.`]);
    const winner = contents[0]?.startsWith('Approved:') ? ADA : GRACE;
    // (How the winner is named is checked on its own below: the mention arrives escaped.)
    expect(losers).toEqual([
      expect.stringMatching(new RegExp(`^This question was already approved by \\\\?<@${winner.userId}>\\.$`, 'u')),
    ]);
    expect(replies.every((reply) => reply.flags === EPHEMERAL)).toBe(true);
    expect(questionMessagesIn(threadId)).toHaveLength(1);
    expect(auditSince(auditStart).filter((row) => row.action === 'approve')).toMatchObject([
      { actor_id: winner.userId, detail: `question ${questionId}` },
    ]);

    // Decided is decided: a late Reject opens no modal.
    const lateReject = await replyTo(press(`m1.r.${questionId}`, GRACE, copy));
    expect(lateReject).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^This question was already approved by /u),
    });
    expect(
      fake()
        .interaction(lateReject.interactionId ?? '')
        .callbacks.map((callback) => callback.type),
    ).not.toContain(MODAL);
  });

  it('of an Approve and a Reject submitted at the same moment, exactly one decides the question', async () => {
    const threadId = await startSession('encryption', [{ name: 'title', type: 3, value: 'Approve or reject' }]);
    const questionId = await queueQuestion('Is end-to-end encryption the problem?', BEN, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    const auditStart = lastAuditId();
    const approve = press(`m1.a.${questionId}`, ADA, copy);
    const reject = fake().sendInteraction(
      fake().modalSubmit({
        customId: `m1.m.${questionId}`,
        fields: { reason: 'Asked before.' },
        ...GRACE,
        channelId: modChannel,
        message: fake().apiMessage(copy),
      }),
    );
    const [approved, rejected] = await Promise.all([replyTo(approve), replyTo(reject)]);
    const decided = auditSince(auditStart).filter((row) => row.action === 'approve' || row.action === 'reject');
    expect(decided).toHaveLength(1);
    const status = questionRow(questionId).status;
    if (decided[0]?.action === 'approve') {
      expect(approved.content).toMatch(/^Approved:/u);
      expect(rejected.content).toMatch(
        new RegExp(`^This question was already approved by \\\\?<@${ADA.userId}>\\.$`, 'u'),
      );
      expect(status).toBe('answered');
      expect(questionMessagesIn(threadId)).toHaveLength(1);
    } else {
      expect(rejected.content).toMatch(/^Rejected/u);
      expect(approved.content).toMatch(
        new RegExp(`^This question was already rejected by \\\\?<@${GRACE.userId}>\\.$`, 'u'),
      );
      expect(status).toBe('rejected');
      expect(questionMessagesIn(threadId)).toHaveLength(0);
    }
  });

  it('checks the moderator rule on every action: a member’s Reject opens no modal, and a member’s own modal submission is refused', async () => {
    const threadId = await startSession('conclusion');
    const questionId = await queueQuestion('What is the conclusion?', BEN, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    const auditStart = lastAuditId();
    const memberReject = await replyTo(press(`m1.r.${questionId}`, CY, copy));
    expect(memberReject).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Only moderators can do that/u),
    });
    const forged = fake().sendInteraction(
      fake().modalSubmit({ customId: `m1.m.${questionId}`, fields: { reason: 'mine' }, ...CY, channelId: modChannel }),
    );
    expect(await replyTo(forged)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Only moderators can do that/u),
    });
    expect(questionRow(questionId).status).toBe('pending');
    expect(copy.editedAt).toBeNull();
    expect(
      dmChannelOf(BEN) === undefined ||
        postsIn(dmChannelOf(BEN) ?? '').every((dm) => !dm.content?.includes('What is the conclusion?')),
    ).toBe(true);
    expect(auditSince(auditStart).map((row) => [row.action, row.actor_id, row.detail])).toEqual([
      ['refused', CY.userId, 'reject: not a moderator'],
      ['refused', CY.userId, 'reject: not a moderator'],
    ]);
  });

  it('counts members’ messages in the session’s thread for the recap, not the bot’s nor those elsewhere', async () => {
    const threadId = await startSession('learning');
    const elsewhere = fake().world.channelId;
    const messages = [
      fake().memberMessage({ ...BEN, channelId: threadId, content: 'First thought.' }),
      fake().memberMessage({ ...CY, channelId: threadId, content: 'A reply.' }),
      fake().memberMessage({ ...CY, channelId: threadId, content: 'And another.' }),
      fake().memberMessage({ ...GRACE, channelId: threadId, content: 'A moderator speaks too.' }),
      fake().memberMessage({
        userId: '1000000000000000999',
        username: 'other-bot',
        bot: true,
        channelId: threadId,
        content: 'beep',
      }),
      fake().memberMessage({ ...BEN, channelId: elsewhere, content: 'Not in the thread.' }),
    ];
    for (const message of messages) fake().dispatch('MESSAGE_CREATE', message);
    await replyTo(study('end', [], ADA, inThread(threadId)));
    const fields = Object.fromEntries(
      (embedsOf(postsIn(threadId).at(-1))[0]?.fields ?? []).map((field) => [field.name, field.value]),
    );
    expect(fields).toMatchObject({ Participants: '3', Messages: '4' });
    // After the end, the thread's messages no longer count.
    const sessionId = db.prepare('SELECT id FROM sessions WHERE thread_id = ?').pluck().get(threadId) as number;
    fake().dispatch('MESSAGE_CREATE', fake().memberMessage({ ...BEN, channelId: threadId, content: 'Late.' }));
    await replyTo(study('status', [], BEN, inThread(threadId)));
    expect(db.prepare('SELECT SUM(messages) FROM session_activity WHERE session_id = ?').pluck().get(sessionId)).toBe(
      4,
    );
  });

  it('moves through passages with previous and goto, refuses the speech’s edges, and allows one session per thread', async () => {
    const threadId = await startSession('state', [
      { name: 'from', type: 4, value: 8 },
      { name: 'title', type: 3, value: 'Evening reading' },
      { name: 'prompt', type: 3, value: 'What is *new* here?' },
    ]);
    expect(fake().state.channels.get(threadId)?.channel.name).toMatch(
      /^Evening reading \(State Threats\) · \d{4}-\d{2}-\d{2}$/u,
    );
    expect(postsIn(threadId).at(-1)?.content).toBe(
      '**Passage ¶8** · State Threats\n**Discussion:** What is \\*new\\* here?',
    );
    expect((await replyTo(study('previous', [], ADA, inThread(threadId)))).content).toBe('Posted ¶7.');
    expect(
      (await replyTo(study('goto', [{ name: 'paragraph', type: 4, value: 1 }], ADA, inThread(threadId)))).content,
    ).toBe('Posted ¶1.');
    expect((await replyTo(study('previous', [], ADA, inThread(threadId)))).content).toBe(
      'This is the first paragraph of the speech.',
    );
    expect(
      (await replyTo(study('goto', [{ name: 'paragraph', type: 4, value: 31 }], ADA, inThread(threadId)))).content,
    ).toBe('Posted ¶31.');
    expect((await replyTo(study('next', [], ADA, inThread(threadId)))).content).toBe(
      'This is the last paragraph of the speech.',
    );
    expect(
      postsIn(threadId)
        .map((message) => /^\*\*Passage ¶(\d+)\*\*/u.exec(message.content ?? '')?.[1])
        .filter(Boolean),
    ).toEqual(['8', '7', '1', '31']);
    const status = await replyTo(study('status', [], BEN, inThread(threadId)));
    expect(status.content).toContain('On the table: ¶31 (Conclusion). 4 passages covered.');
    // A session thread is not a place to start another; outside any session thread there is no session.
    expect(
      (await replyTo(study('start', [{ name: 'section', type: 3, value: 'state' }], ADA, inThread(threadId)))).content,
    ).toBe('Start a study session from a text channel; the bot opens a thread there.');
    expect((await replyTo(study('next', [], ADA))).content).toMatch(/^There is no study session in this thread\./u);
  });

  it('lets the configured moderator role, Manage Server and Administrator act as moderators, and shows the settings unchanged without options', async () => {
    const role = fake().addRole('Study leads');
    await configure([{ name: 'moderator-role', type: 8, value: role }]);
    const auditStart = lastAuditId();
    const withRole: Who = { userId: '1000000000000000801', username: 'role-holder' };
    const manageServer: Who = {
      userId: '1000000000000000802',
      username: 'server-manager',
      permissions: (BigInt(MEMBER_PERMISSIONS) | (1n << 5n)).toString(),
    };
    const administrator: Who = {
      userId: '1000000000000000803',
      username: 'admin',
      permissions: (BigInt(MEMBER_PERMISSIONS) | (1n << 3n)).toString(),
    };
    for (const [who, roles] of [
      [withRole, [role]],
      [manageServer, []],
      [administrator, []],
    ] as const) {
      const shown = await replyTo(
        fake().sendInteraction(
          fake().chatInput({ name: 'study', options: [{ name: 'config', type: 1, options: [] }], ...who, roles }),
        ),
      );
      expect(shown.content).toMatch(/^\*\*Study settings\*\*\n/u);
      expect(shown.content).toContain(`Moderator role: <@&${role}>`);
    }
    const plain = await replyTo(
      fake().sendInteraction(
        fake().chatInput({
          name: 'study',
          options: [{ name: 'config', type: 1, options: [] }],
          ...CY,
          roles: ['1000000000000000899'],
        }),
      ),
    );
    expect(plain.content).toMatch(/^Only moderators can do that/u);
    // Showing changes nothing: no config line, only the member's refusal.
    expect(auditSince(auditStart).map((row) => row.action)).toEqual(['refused']);
  });

  it('forgets the moderator role or the moderators’ channel with clear, telling the old channel, and refuses to set and clear one at once', async () => {
    const role = fake().addRole('Temporary leads');
    await configure([{ name: 'moderator-role', type: 8, value: role }]);
    const settingsRow = () =>
      db
        .prepare('SELECT moderator_role_id, mod_channel_id FROM guild_settings WHERE guild_id = ?')
        .get(fake().world.guildId);
    const both = await replyTo(
      study(
        'config',
        [
          { name: 'moderator-role', type: 8, value: role },
          { name: 'clear', type: 3, value: 'moderator-role' },
        ],
        ADA,
      ),
    );
    expect(both).toMatchObject({ flags: EPHEMERAL, content: 'Set or clear moderator-role, not both at once.' });
    expect(settingsRow()).toEqual({ moderator_role_id: role, mod_channel_id: modChannel });

    const withoutRole = await replyTo(study('config', [{ name: 'clear', type: 3, value: 'moderator-role' }], ADA));
    expect(withoutRole.content).toContain('Moderator role: none (Manage Threads, Manage Server or Administrator)');
    expect(settingsRow()).toEqual({ moderator_role_id: null, mod_channel_id: modChannel });

    const modPosts = postsIn(modChannel).length;
    const withoutChannel = await replyTo(study('config', [{ name: 'clear', type: 3, value: 'mod-channel' }], ADA));
    expect(withoutChannel.content).toContain('Moderators’ channel: none');
    expect(settingsRow()).toEqual({ moderator_role_id: null, mod_channel_id: null });
    expect(
      postsIn(modChannel)
        .slice(modPosts)
        .map((message) => message.content),
    ).toEqual([`⚙️ <@${ADA.userId}> changed the study settings: modChannelId.`]);
    // A choice this version does not offer is a stale command, not a change.
    const unknown = await replyTo(study('config', [{ name: 'clear', type: 3, value: 'everything' }], ADA));
    expect(unknown.content).toBe('This command has just been updated. Please run it again.');
    await configure(baseline());
  });

  it('a moderator who lost the race is told who decided, as a mention that shows the moderator’s name', async () => {
    const threadId = await startSession('encryption', [{ name: 'title', type: 3, value: 'Who decided' }]);
    const questionId = await queueQuestion('Who decided this?', CY, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    expect((await replyTo(press(`m1.a.${questionId}`, ADA, copy))).content).toMatch(/^Approved:/u);
    expect((await replyTo(press(`m1.a.${questionId}`, GRACE, copy))).content).toBe(
      `This question was already approved by <@${ADA.userId}>.`,
    );
  });

  it('takes the buttons off questions still waiting when a session ends, and refuses a late Approve plainly, deciding nothing', async () => {
    const threadId = await startSession('terrorism', [{ name: 'title', type: 3, value: 'Ends with a question open' }]);
    const questionId = await queueQuestion('Still waiting at the end?', BEN, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    expect(componentsOf(copy).map((button) => button.label)).toEqual(['Approve', 'Reject']);
    await replyTo(study('end', [], ADA, inThread(threadId)));
    expect(copy.content).toBe('Not taken up: **Ends with a question open** ended first.');
    expect(componentsOf(copy)).toEqual([]);
    expect(embedsOf(copy)[0]?.footer?.text).toBe(
      `Question ${questionId} · not taken up: the session ended before a decision`,
    );
    expect(questionRow(questionId).status).toBe('pending');
    // A client that still shows the old buttons (or a replayed press) is refused.
    const auditStart = lastAuditId();
    const late = await replyTo(press(`m1.a.${questionId}`, ADA, copy));
    expect(late).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/session has ended/u) });
    expect(questionRow(questionId).status).not.toBe('approved');
    expect(auditSince(auditStart).map((row) => row.action)).not.toContain('approve');
  });

  it('a Discord error while posting an approved answer leaves the question answerable, not stuck as approved', async () => {
    const threadId = await startSession('encryption', [{ name: 'title', type: 3, value: 'Flaky Discord' }]);
    const questionId = await queueQuestion('What about a flaky Discord?', BEN, threadId);
    const copy = modCopyOf(questionId);
    if (!copy) throw new Error('no moderators’ copy');
    fake().failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${threadId}/messages$`, 'u'),
      status: 500,
      times: 4,
    });
    const first = await replyTo(press(`m1.a.${questionId}`, ADA, copy));
    expect(first.content).toMatch(/^Something went wrong/u);
    const again = await replyTo(press(`m1.a.${questionId}`, ADA, copy));
    expect(again.content).toMatch(/^Approved:/u);
    expect(questionMessagesIn(threadId)).toHaveLength(1);
  });

  it('a thread that could not be archived at the end is archived and locked by a second /study end', async () => {
    const threadId = await startSession('introduction', [{ name: 'title', type: 3, value: 'Unclosed' }]);
    fake().failNext({ method: 'PATCH', path: new RegExp(`^/channels/${threadId}$`, 'u'), status: 500, times: 4 });
    expect((await replyTo(study('end', [], ADA, inThread(threadId)))).content).toMatch(/^Something went wrong/u);
    expect(fake().state.channels.get(threadId)?.channel.thread_metadata).toMatchObject({
      archived: false,
      locked: false,
    });
    const again = await replyTo(study('end', [], ADA, inThread(threadId)));
    expect(again.content).toBe('This session had already ended; its thread is archived and locked.');
    expect(fake().state.channels.get(threadId)?.channel.thread_metadata).toMatchObject({
      archived: true,
      locked: true,
    });
  });

  it('shares a question: the same one in other words gets Me too and Ask anyway, privately, and counts its askers', async () => {
    const threadId = await startSession('encryption', [{ name: 'title', type: 3, value: 'Shared' }]);
    const id = await queueQuestion('Why is end-to-end encryption a problem for MI5?', BEN, threadId);
    const held = await replyTo(ask('MI5: why a problem, end to end encryption?', CY, threadId));
    expect(held.flags).toBe(EPHEMERAL);
    expect(held.content).toContain('> Why is end-to-end encryption a problem for MI5?');
    expect(componentsOf(held).map((button) => button.label)).toEqual(['Me too', 'Ask anyway']);
    expect(latestQuestionId()).toBe(id);
    const tap = (customId: string, who: Who, message: RecordedMessage) =>
      replyTo(
        fake().sendInteraction(
          fake().button({ customId, ...who, ...inThread(threadId), message: fake().apiMessage(message) }),
        ),
      );
    const meToo = componentsOf(held).find((button) => button.label === 'Me too')?.custom_id ?? '';
    expect(await tap(meToo, CY, held)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Added: 2 members asked/u),
    });
    expect((await tap(meToo, CY, held)).content).toMatch(/^You already said Me too/u);
    expect((await tap(meToo, BEN, held)).content).toMatch(/^You asked this question/u);
    const copy = modCopyOf(id);
    expect(embedsOf(copy)[0]?.footer?.text).toContain('2 members asked');
    const approved = await replyTo(press(`m1.a.${id}`, ADA, copy ?? held));
    expect(approved.content).toMatch(/^Approved/u);
    const [post] = questionMessagesIn(threadId);
    expect(post?.content?.split('\n')[0]).toBe(
      `**Question from ${BEN.username} and ${CY.username}:** Why is end-to-end encryption a problem for MI5?`,
    );
    expect(post?.allowed_mentions).toEqual({ parse: [] });
  });

  it('reopens a rejected question for moderators only, telling the author, and maps the session as a PNG', async () => {
    const threadId = await startSession('state threats', [{ name: 'title', type: 3, value: 'Reopened' }]);
    const id = await queueQuestion('How does Russia interfere in UK politics?', BEN, threadId);
    const copy = modCopyOf(id);
    if (!copy) throw new Error('no moderators’ copy');
    await press(`m1.r.${id}`, ADA, copy).waitForCallback();
    const submitted = fake().sendInteraction(
      fake().modalSubmit({
        customId: `m1.m.${id}`,
        fields: { reason: '' },
        ...ADA,
        channelId: modChannel,
        message: fake().apiMessage(copy),
      }),
    );
    expect((await replyTo(submitted)).content).toMatch(/^Rejected/u);
    expect(componentsOf(copy).map((button) => button.custom_id)).toEqual([`m1.o.${id}`]);
    const auditStart = lastAuditId();
    expect((await replyTo(press(`m1.o.${id}`, BEN, copy))).content).toMatch(/^Only moderators can do that/u);
    expect(questionRow(id).status).toBe('rejected');
    expect((await replyTo(press(`m1.o.${id}`, ADA, copy))).content).toMatch(/^Reopened: the question is back/u);
    expect(questionRow(id)).toMatchObject({ status: 'pending', decided_by: null, reason: null });
    expect(componentsOf(copy).map((button) => button.label)).toEqual(['Approve', 'Reject']);
    expect(postsIn(dmChannelOf(BEN) ?? '').at(-1)?.content).toMatch(/was reopened by the moderators/u);
    expect(auditSince(auditStart).map((entry) => entry.action)).toEqual(['refused', 'reopen']);

    const map = fake().sendInteraction(
      fake().chatInput({
        name: 'study',
        options: [{ name: 'map', type: 1, options: [] }],
        ...CY,
        ...inThread(threadId),
      }),
    );
    const shown = await replyTo(map);
    expect(shown.flags).toBe(EPHEMERAL);
    expect(shown.content).toMatch(/^\*\*Paragraph map\*\* · Most questions: ¶\d+ \(1\)\./u);
    // The map goes out with the first response when drawn within the budget, else in the edit of the deferral.
    const upload = fake().requests.findLast(
      (request) =>
        request.files.length > 0 &&
        ((request.method === 'PATCH' && /\/messages\/(@|%40)original$/u.test(request.path)) ||
          (request.method === 'POST' && request.path.includes(`/interactions/${map.id}/`))),
    );
    expect(upload?.files.map((file) => file.filename)).toEqual(['paragraph-map.png']);
    expect(JSON.stringify(upload?.body)).toContain('Paragraph map of \\"Reopened\\"');
  });
});
