import fc from 'fast-check';
import sharp from 'sharp';
import { pino } from 'pino';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { decodeButtonState } from '../../src/discord/custom-ids.js';
import { composeStudy, passageCommandsOf } from '../../src/app/compose.js';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import type { Speech } from '../../src/speech/speech.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { escapeMarkdown } from '../../src/discord/escape-markdown.js';
import type { MessageView } from '../../src/discord/message-view.js';
import type { QuestionQueue } from '../../src/study/question-queue.js';
import type { StudyActor } from '../../src/study/require-moderator.js';
import type { StudySessions, SettingsChanges } from '../../src/study/study-sessions.js';
import { RecordingPublisher } from '../support/recording-publisher.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';
import {
  hostileNumber,
  hostileString,
  internals,
  options,
  PROPERTY_TIMEOUT_MS,
  quoteViolations,
  RUNS,
  unescapedMarkup,
  viewViolations,
} from '../support/abuse-support.js';

// Study sessions on a real SQLite store (a temporary file) with a publisher that records instead of calling Discord.
// Each case reads and writes the database, so its checks read few rows (the newest audit lines, a question by id,
// counts from an index) rather than whole tables: 10,000 cases take about 34 s, where reading the queue and the log on
// every case did not finish in 10 minutes. (snapshot() reads the waiting lists whole: its property runs first, while
// they are short.)

const G1 = '100000000000000001';
const G2 = '200000000000000002';
const MOD_ROLE_1 = '300000000000000003';
const MOD_ROLE_2 = '400000000000000004';
const MOD_CHANNEL_1 = '500000000000000005';
const MOD_CHANNEL_2 = '600000000000000006';
const TEXT_CHANNEL = '700000000000000007';
const MASK =
  MODERATOR_PERMISSIONS.administrator | MODERATOR_PERMISSIONS.manageGuild | MODERATOR_PERMISSIONS.manageThreads;

const moderatorOf = (guildId: string, roleId: string): StudyActor => ({
  id: `9${guildId.slice(1)}`,
  name: 'Mod',
  guildId,
  permissions: 0n,
  roleIds: [roleId],
});
const MOD_1 = moderatorOf(G1, MOD_ROLE_1);
const MOD_2 = moderatorOf(G2, MOD_ROLE_2);

let speech: Speech;
let repository: SqliteStudyRepository;
let publisher: RecordingPublisher;
let sessions: StudySessions;
let queue: QuestionQueue;
let remove: () => Promise<void>;
let clock = 1_700_000_000_000;
let authors = 0;
/** A real PNG, one white pixel. */
const ONE_PIXEL_PNG = await sharp({
  create: { width: 1, height: 1, channels: 3, background: '#ffffff' },
})
  .png()
  .toBuffer();
const threads: string[] = [];
const questions: number[] = [];

/**
 * A member asks in a session's thread; a fresh author and a question of their own each time, so that no per-member
 * limit interferes and the shared-question rule does not hold it back as the same question.
 */
async function memberAsks(threadId: string, text?: string): Promise<number> {
  const session = repository.sessionByThread(threadId);
  if (!session) throw new Error('no session');
  authors += 1;
  text ??= `How do hostile states threaten the UK, case ${authors}?`;
  const first = publisher.calls.length;
  await queue.ask(
    session,
    sessions.settings(session.guildId),
    { id: String(10_000_000_000_000_000n + BigInt(authors)), name: 'Member' },
    text,
  );
  // The question the moderators were shown, by its Approve button (reading the whole queue would grow with every case).
  const shown = publisher.calls
    .slice(first)
    .flatMap((call) => call.view?.buttons.flat() ?? [])
    .map((button) => decodeButtonState(button.customId));
  const asked = shown.find((state) => state?.kind === 'question');
  if (asked?.kind !== 'question') throw new Error('not queued');
  return asked.question;
}

async function startIn(actor: StudyActor): Promise<string> {
  await sessions.start(actor, { channelId: TEXT_CHANNEL, section: 'state threats' });
  const session = repository.auditLog(actor.guildId).find((entry) => entry.action === 'start');
  const started =
    session?.sessionId === null || session === undefined ? undefined : repository.sessionById(session.sessionId);
  if (!started) throw new Error('no session started');
  return started.threadId;
}

beforeAll(async () => {
  const temporary = await temporaryFolder('abuse-study');
  remove = temporary.remove;
  const opened = await openTestIndex(temporary.folder, { dense: false });
  speech = opened.speech;
  const commands = passageCommandsOf(opened);
  repository = SqliteStudyRepository.open(path.join(temporary.folder, 'study.sqlite'));
  publisher = new RecordingPublisher();
  const defaults: Omit<GuildSettings, 'guildId'> = {
    moderatorRoleId: null,
    modChannelId: null,
    moderated: true,
    cooldownSeconds: 0,
    blockedTerms: [],
  };
  ({ queue, sessions } = composeStudy({
    repository,
    publisher,
    speech,
    commands,
    defaults,
    now: () => (clock += 1000),
    logger: pino({ level: 'silent' }),
    // The properties check every post's words and limits over 10,000 sessions; drawing each one's map with sharp
    // would take minutes. The map is drawn for real in shared-questions.test.ts and the rasterizer's own tests.
    drawMap: async () => ONE_PIXEL_PNG,
  }));
  // Two guilds, each with its moderator role, moderators' channel, a live session and a pending question.
  const admin = (guildId: string): StudyActor => ({
    id: '1',
    name: 'Owner',
    guildId,
    permissions: MODERATOR_PERMISSIONS.administrator,
    roleIds: [],
  });
  await sessions.configure(admin(G1), {
    moderatorRoleId: MOD_ROLE_1,
    modChannelId: MOD_CHANNEL_1,
    blockedTerms: ['forbidden'],
  });
  await sessions.configure(admin(G2), { moderatorRoleId: MOD_ROLE_2, modChannelId: MOD_CHANNEL_2 });
  threads.push(await startIn(MOD_1), await startIn(MOD_2));
  for (const thread of threads) questions.push(await memberAsks(thread));
});
afterAll(async () => {
  repository.close();
  await remove();
});

/** Everything a refused action must leave as it was. */
function snapshot(guilds: readonly string[]) {
  return {
    settings: guilds.map((guild) =>
      repository.settings(guild, {
        moderatorRoleId: null,
        modChannelId: null,
        moderated: true,
        cooldownSeconds: 0,
        blockedTerms: [],
      }),
    ),
    sessions: threads.map((thread) => repository.sessionByThread(thread)),
    questions: questions.map((id) => repository.question(id)),
    waiting: threads.map((thread) => repository.waiting(repository.sessionByThread(thread)?.id ?? -1)),
    calls: publisher.calls.length,
  };
}
/** The newest audit row's id in any of `guilds`, 0 when there is none. */
const newestAudit = (guilds: readonly string[]): number =>
  Math.max(0, ...guilds.flatMap((guild) => repository.auditLog(guild, 1).map((row) => row.id)));
/** Audit rows written after `after`: the newest few of each guild, so the check does not grow with the log. */
const auditAfter = (guilds: readonly string[], after: number) =>
  [...new Set(guilds)].flatMap((guild) => repository.auditLog(guild, 5).filter((row) => row.id > after));

const snowflake = fc.stringMatching(/^[1-9]\d{16,19}$/u);
/** A member with no moderator permission bit and no moderator role, from either guild or anywhere. */
const nonModerator: fc.Arbitrary<StudyActor> = fc.record({
  // Discord gives snowflakes for ids; the name is the member's display name, anything.
  id: snowflake,
  name: hostileString(32),
  guildId: fc.oneof(fc.constantFrom(G1, G2), snowflake),
  permissions: fc.bigInt({ min: 0n, max: (1n << 50n) - 1n }).map((bits) => bits & ~MASK),
  roleIds: fc
    .array(fc.oneof(snowflake, hostileString(20)), { maxLength: 5 })
    .map((roles) => roles.filter((role) => role !== MOD_ROLE_1 && role !== MOD_ROLE_2)),
});

const changes: fc.Arbitrary<SettingsChanges> = fc.record(
  {
    moderatorRoleId: fc.option(fc.oneof(snowflake, hostileString(30)), { nil: null }),
    modChannelId: fc.option(fc.oneof(snowflake, hostileString(30)), { nil: null }),
    moderated: fc.boolean(),
    cooldownSeconds: hostileNumber,
    blockedTerms: fc.array(hostileString(60), { maxLength: 8 }),
  },
  { requiredKeys: [] },
);

type Target = 'thread' | 'question' | 'guild';
const threadArb = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...threads) },
    { weight: 1, arbitrary: fc.oneof(snowflake, hostileString(20)) },
  );
const questionArb = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...questions) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), hostileNumber) },
  );

/** Every moderator action, with hostile arguments. */
const moderatorAction = (): fc.Arbitrary<{
  name: string;
  target: Target;
  exists: boolean;
  run: (actor: StudyActor) => Promise<unknown>;
}> =>
  fc.oneof(
    fc.tuple(changes, fc.subarray(['moderator-role', 'mod-channel'] as const)).map(([change, clear]) => ({
      name: `configure ${JSON.stringify(change)} clear ${clear.join()}`,
      target: 'guild' as const,
      exists: true,
      run: (actor: StudyActor) => sessions.configure(actor, change, clear),
    })),
    fc
      .record({
        section: fc.oneof(hostileString(100), fc.constantFrom('state threats', 'terrorism')),
        from: fc.option(hostileNumber, { nil: undefined }),
        title: fc.option(hostileString(80), { nil: undefined }),
        prompt: fc.option(hostileString(300), { nil: undefined }),
      })
      .map((input) => ({
        name: `start ${JSON.stringify(input)}`,
        target: 'guild' as const,
        exists: true,
        run: (actor: StudyActor) => sessions.start(actor, { channelId: TEXT_CHANNEL, ...input }),
      })),
    fc
      .tuple(
        threadArb(),
        fc.oneof(fc.constantFrom('next' as const, 'previous' as const), hostileNumber),
        fc.option(hostileString(300), { nil: undefined }),
      )
      .map(([thread, target, prompt]) => ({
        name: `move ${thread} ${target}`,
        target: 'thread' as const,
        exists: threads.includes(thread),
        run: (actor: StudyActor) => sessions.move(actor, thread, target, prompt),
      })),
    fc
      .tuple(threadArb(), fc.constantFrom('pause' as const, 'resume' as const, 'end' as const))
      .map(([thread, verb]) => ({
        name: `${verb} ${thread}`,
        target: 'thread' as const,
        exists: threads.includes(thread),
        run: (actor: StudyActor) => sessions[verb](actor, thread),
      })),
    fc
      .tuple(
        questionArb(),
        fc.constantFrom('approve' as const, 'reject' as const, 'checkDecidable' as const),
        fc.option(hostileString(300), { nil: null }),
      )
      .map(([id, verb, reason]) => ({
        name: `${verb} question ${id}`,
        target: 'question' as const,
        exists: questions.includes(id),
        run: async (actor: StudyActor) =>
          verb === 'approve'
            ? queue.approve(actor, id)
            : verb === 'reject'
              ? queue.reject(actor, id, reason)
              : queue.checkDecidable(actor, id),
      })),
  );

async function refusal(run: () => Promise<unknown>): Promise<UserFacingError | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
}

describe('abuse: study permissions and options', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it(`refuses every moderator action by a non-moderator, leaving only an audit "refused" row (${RUNS} cases, SQLite)`, async () => {
    let refusedAsModerator = 0;
    await fc.assert(
      fc.asyncProperty(nonModerator, moderatorAction(), async (actor, action) => {
        const guilds = [G1, G2, actor.guildId];
        const before = snapshot(guilds);
        const newest = newestAudit(guilds);
        const error = await refusal(() => action.run(actor));
        expect(error, action.name).toBeInstanceOf(UserFacingError);
        const added = auditAfter(guilds, newest);
        expect(snapshot(guilds)).toEqual(before);
        if (action.exists) {
          expect(error?.code).toBe('not-moderator');
        } else {
          // An unknown thread or question is refused before anything is looked up for the actor.
          expect(['not-moderator', 'no-session', 'button-expired']).toContain(error?.code);
        }
        if (error?.code === 'not-moderator') {
          refusedAsModerator += 1;
          expect(added).toHaveLength(1);
          expect(added[0]).toMatchObject({ action: 'refused', actorId: actor.id, guildId: actor.guildId });
        } else {
          expect(added).toEqual([]);
        }
        expect(internals(error?.message ?? '')).toEqual([]);
      }),
      options(),
    );
    expect(refusedAsModerator).toBeGreaterThan(RUNS / 2);
  });

  // Guards: a moderator's permissions count only in their own server. Approve/Reject buttons carry only the question id
  // ("m1.a.<id>"), so an administrator of another server who forges or replays one is refused as not a moderator, and
  // the question is left as it was.
  it(`refuses a moderator of another guild on this guild's questions (${RUNS} cases, SQLite)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          id: snowflake,
          permissions: fc.constantFrom(
            MODERATOR_PERMISSIONS.administrator,
            MODERATOR_PERMISSIONS.manageGuild,
            MODERATOR_PERMISSIONS.manageThreads,
          ),
        }),
        fc.constantFrom('approve' as const, 'reject' as const, 'checkDecidable' as const),
        async ({ id, permissions }, verb) => {
          const question = await memberAsks(threads[0] ?? '');
          const outsider: StudyActor = { id, name: 'Other admin', guildId: G2, permissions, roleIds: [MOD_ROLE_2] };
          const before = repository.question(question);
          const error = await refusal(() =>
            verb === 'approve'
              ? queue.approve(outsider, question)
              : verb === 'reject'
                ? queue.reject(outsider, question, null)
                : Promise.resolve(queue.checkDecidable(outsider, question)),
          );
          expect(error?.code).toBe('not-moderator');
          expect(repository.question(question)).toEqual(before);
        },
      ),
      options(),
    );
  });

  it(`a moderator running a session with any title, section, start, prompts and reject reason: every post within limits and verbatim (${RUNS} cases, SQLite)`, async () => {
    const seen = { started: 0 };
    await fc.assert(
      fc.asyncProperty(
        // Discord's Integer options only ever carry whole numbers (range checks are the bot's own, so any integer).
        fc.record({
          section: fc.oneof(hostileString(100), fc.constantFrom('state threats', 'terrorism', 'cyber')),
          from: fc.option(fc.oneof(fc.integer({ min: -2, max: 40 }), fc.integer()), { nil: undefined }),
          title: fc.option(hostileString(80), { nil: undefined }),
          prompt: fc.option(hostileString(300), { nil: undefined }),
        }),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('next' as const, 'previous' as const),
              fc.integer({ min: -2, max: 40 }),
              fc.integer(),
            ),
            fc.option(hostileString(300), { nil: undefined }),
          ),
          { maxLength: 3 },
        ),
        fc.option(hostileString(300), { nil: null }),
        async (input, moves, reason) => {
          const first = publisher.calls.length;
          const started = await refusal(() => sessions.start(MOD_1, { channelId: TEXT_CHANNEL, ...input }));
          const thread = publisher.calls.slice(first).find((call) => call.method === 'createThread');
          const threadId = thread ? repository.auditLog(G1, 1)[0]?.sessionId : undefined;
          const session = threadId === undefined || threadId === null ? undefined : repository.sessionById(threadId);
          if (started)
            expect(['unknown-section', 'ambiguous-section', 'paragraph-out-of-range', 'study-refused']).toContain(
              started.code,
            );
          if (session) {
            for (const [target, prompt] of moves) {
              const moved = await refusal(() => sessions.move(MOD_1, session.threadId, target, prompt));
              if (moved) expect(['study-refused', 'paragraph-out-of-range']).toContain(moved.code);
            }
            // The Reject modal's reason field: anything up to its max_length of 300.
            const question = await memberAsks(session.threadId);
            const rejected = await queue.reject(MOD_1, question, reason === null ? null : reason.trim() || null);
            expect(rejected.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
            await sessions.end(MOD_1, session.threadId);
            seen.started += 1;
          }
          for (const call of publisher.calls.slice(first)) {
            if (call.view) {
              expect(viewViolations(call.view)).toEqual([]);
              // Passages put on the table are quoted verbatim (the opening's embed is the bot's own text).
              if (call.view.content?.startsWith('**Passage ¶')) expect(quoteViolations(speech, call.view)).toEqual([]);
            }
            if (call.method === 'createThread') expect((call.text ?? '').length).toBeLessThanOrEqual(100);
            if (call.method === 'notify') expect((call.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
          }
        },
      ),
      options(),
    );
    expect(seen.started).toBeGreaterThan(RUNS / 200);
  });

  // Guards: /study start refuses a starting paragraph that is not a whole number (NaN, 1.5) with paragraph-out-of-range
  // before anything is created: no thread, no session row, no post.
  it(`a moderator starting at a paragraph that is not a whole number is refused with a UserFacingError, nothing created (${RUNS} cases, SQLite)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(Number.NaN, 1.5, 30.5, 0.999),
          fc.double({ min: 1, max: 31, noNaN: true }).filter((value) => !Number.isInteger(value)),
        ),
        async (from) => {
          const first = publisher.calls.length;
          const error = await refusal(() =>
            sessions.start(MOD_1, { channelId: TEXT_CHANNEL, section: 'state threats', from }),
          );
          expect(error?.code).toBe('paragraph-out-of-range');
          expect(publisher.calls.slice(first)).toEqual([]);
        },
      ),
      options(),
    );
  });

  it(`members asking anything in a moderated session: the reply is short, never echoes the question, and the moderators’ copy is within limits (${RUNS} cases, SQLite)`, async () => {
    const thread = threads[0] ?? '';
    await fc.assert(
      fc.asyncProperty(hostileString(400), async (text) => {
        const session = repository.sessionByThread(thread);
        if (!session) throw new Error('no session');
        const first = publisher.calls.length;
        authors += 1;
        let reply: MessageView = { embeds: [], buttons: [] };
        const error = await refusal(async () => {
          reply = await queue.ask(
            session,
            sessions.settings(G1),
            { id: String(20_000_000_000_000_000n + BigInt(authors)), name: 'Member' },
            text,
          );
        });
        const shown = error ? renderRefusal(error.refusal, escapeMarkdown) : (reply.content ?? '');
        expect(shown.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(internals(shown)).toEqual([]);
        // Only a question already waiting is quoted back (so the member sees it is theirs), escaped as a quote.
        const waitingQuoted = reply.buttons.flat().some((button) => button.label === 'Me too');
        if (waitingQuoted) expect(viewViolations(reply)).toEqual([]);
        else if (text.trim().length >= 12) expect(shown.includes(text.trim())).toBe(false);
        for (const call of publisher.calls.slice(first)) if (call.view) expect(viewViolations(call.view)).toEqual([]);
      }),
      options(),
    );
  });

  // Guards: the session title and the moderator's reject reason show as typed, escaped, wherever they are echoed: in
  // the moderators' channel announcements and in the notice (a DM) that tells the author their question was rejected.
  it(`a moderator’s title and reject reason are echoed escaped in announcements and notices (${RUNS} cases, SQLite)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileString(80)
          .map((text) => text.trim())
          .filter((text) => text !== ''),
        hostileString(300)
          .map((text) => text.trim())
          .filter((text) => text !== ''),
        async (title, reason) => {
          const first = publisher.calls.length;
          await sessions.start(MOD_1, { channelId: TEXT_CHANNEL, section: 'state threats', title });
          const session = repository.sessionById(repository.auditLog(G1, 1)[0]?.sessionId ?? -1);
          if (!session) throw new Error('no session');
          const question = await memberAsks(session.threadId);
          await queue.reject(MOD_1, question, reason);
          await sessions.end(MOD_1, session.threadId);
          // Thread names show no markdown and cannot mention, so only messages and notices count.
          for (const call of publisher.calls.slice(first).filter((made) => made.method !== 'createThread')) {
            const content = call.text ?? call.view?.content ?? '';
            // Text that would format (or read as a mention) must not appear as typed: escaped, it differs. Escape pairs
            // (`\|`) are blanked out before looking, since an escaped character is shown, not interpreted; texts of one or
            // two characters are not looked for, as they cannot be told from the message's own bold markers (`**`).
            const live = content.replace(/\\./gsu, '\u0000');
            for (const typed of [title, reason])
              if (typed.length > 2 && unescapedMarkup(typed).length > 0)
                expect(live, `${call.method} to ${call.channel}: ${content}`).not.toContain(typed);
          }
        },
      ),
      options(),
    );
  });
});
