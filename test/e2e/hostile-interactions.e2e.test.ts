import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonState, speechTag } from '../../src/discord/custom-ids.js';
import { hostileNumber, hostileString, internals, SEED } from '../support/abuse-support.js';
import { mutation, snowflake, validState } from '../support/button-arbitraries.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { tokenLeaks } from '../support/fake-token.js';
import {
  MEMBER_PERMISSIONS,
  type InteractionHandle,
  type InteractionPayload,
  type JsonObject,
  type JsonValue,
  type RecordedRequest,
} from '../support/fake-discord/index.js';

// Hostile input through the wire (issue 6): the real discord.js client, logged in to the loopback fake Discord, takes a
// stream of generated interactions from members — every command with hostile options, autocomplete, forged and
// tampered button custom_ids, forged Reject-reason modals, and every /study subcommand — and every request it sends
// back is checked as Discord would receive it. 10,000 cases (a fixed seed), sent in waves of 100, each wave bounded in
// time; it takes about 30 s, most of it round trips.
const CASES = 10_000;
const WAVE = 100;
const WAVE_TIMEOUT_MS = 30_000;

const MANAGE_THREADS = 1n << 34n;
const MODERATOR_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | MANAGE_THREADS).toString();
const ADA = { userId: '1000000000000000601', username: 'ada-mod', permissions: MODERATOR_PERMISSIONS };
const MEMBERS = Array.from({ length: 12 }, (_, index) => String(2_000_000_000_000_000_000n + BigInt(index)));
const PUBLIC_THREAD = 11;

type Option = { name: string; type: number; value: JsonValue; focused?: boolean };
/** An option as the API nests it: a value, or a subcommand with its own options. */
type RawOption = Option | { name: string; type: 1; options: Option[] };
/** One generated interaction, built into a payload once the fake's ids are known. */
type Install = 'guild' | 'user' | 'both';
type Case =
  | { kind: 'command'; name: string; options: RawOption[]; member: number; inThread: boolean; install: Install }
  | { kind: 'message'; name: string; content: string; member: number; inThread: boolean; install: Install }
  | { kind: 'autocomplete'; name: string; options: RawOption[]; member: number; inThread: boolean }
  | { kind: 'button'; customId: string; member: number; inThread: boolean }
  | { kind: 'modal'; customId: string; fields: Record<string, string>; member: number };

const member = fc.nat(MEMBERS.length - 1);
// Mostly the server's own install; sometimes only the member's (no guild key), or both.
const install = fc.constantFrom<Install>('guild', 'guild', 'user', 'both');
/** A target message's text: hostile, huge, empty, mention-laden, right-to-left, or quoting (the speech or not). */
const targetText = fc.oneof(
  hostileString(4000),
  fc.constantFrom('', '   ', '@everyone @here <@123456789012345678> <@&123456789012345678>'),
  fc
    .array(fc.oneof(hostileString(120), fc.constant('We are not on the brink of a new Cold War')), { maxLength: 14 })
    .chain((quotes) =>
      fc
        .constantFrom(['“', '”'], ['"', '"'], ['«', '»'], ['\u202e“', '”\u202c'])
        .map(([open, close]) => quotes.map((quote) => `${open}${quote}${close}`).join(' and ')),
    ),
  hostileString(200).map((text) => `\u202b${text}\u202c \u05e9\u05dc\u05d5\u05dd`),
);
const text = (name: string, max: number) => hostileString(max).map((value): Option => ({ name, type: 3, value }));
const integer = (name: string) => hostileNumber.map((value): Option => ({ name, type: 4, value }));
const boolean = (name: string) => fc.boolean().map((value): Option => ({ name, type: 5, value }));
/** Some of `optional`, in a random order, after the `required` ones. */
const optionsOf = (required: fc.Arbitrary<Option>[], optional: fc.Arbitrary<Option>[]) =>
  fc
    .tuple(fc.tuple(...required), fc.subarray(optional))
    .chain(([fixed, chosen]) => fc.tuple(...chosen).map((rest) => [...fixed, ...rest]));

const STUDY_SUBCOMMANDS = {
  config: [
    fc.oneof(snowflake, hostileString(30)).map((value): Option => ({ name: 'moderator-role', type: 8, value })),
    fc.oneof(snowflake, hostileString(30)).map((value): Option => ({ name: 'mod-channel', type: 7, value })),
    integer('cooldown'),
    text('blocked-terms', 400),
    boolean('moderated'),
    fc
      .constantFrom('moderator-role', 'mod-channel', 'everything')
      .map((value): Option => ({ name: 'clear', type: 3, value })),
  ],
  start: [text('section', 150), integer('from'), text('title', 120), text('prompt', 400)],
  next: [text('prompt', 400)],
  previous: [text('prompt', 400)],
  goto: [integer('paragraph'), text('prompt', 400)],
  pause: [],
  resume: [],
  end: [],
  status: [],
} satisfies Record<string, fc.Arbitrary<Option>[]>;

/** Every interaction a member can send, with hostile values; `customIds` are real ids of this run, to tamper with. */
function hostileCase(customIds: readonly string[], tag: string): fc.Arbitrary<Case> {
  const where = { member, inThread: fc.boolean() };
  const command = (name: string, required: fc.Arbitrary<Option>[], optional: fc.Arbitrary<Option>[]) =>
    fc
      .record({ ...where, install, options: optionsOf(required, optional) })
      .map((rest): Case => ({ kind: 'command', name, ...rest }));
  const study = fc
    .constantFrom(...(Object.keys(STUDY_SUBCOMMANDS) as (keyof typeof STUDY_SUBCOMMANDS)[]))
    .chain((sub) =>
      fc.record({ ...where, install, options: optionsOf([], STUDY_SUBCOMMANDS[sub]) }).map((rest): Case => ({
        ...rest,
        kind: 'command',
        name: 'study',
        options: [{ name: sub, type: 1, options: rest.options }],
      })),
    );
  const ownState = validState.map((state) => encodeButtonState('speech' in state ? { ...state, speech: tag } : state));
  const customId = fc.oneof(
    fc.constantFrom(...customIds),
    fc.constantFrom(...customIds).chain(mutation),
    ownState,
    ownState.chain(mutation),
    validState.map(encodeButtonState),
    fc.string({ maxLength: 120 }),
  );
  return fc.oneof(
    command('ask', [text('question', 400)], [integer('results'), text('section', 150), boolean('private')]),
    command('section', [text('name', 150)], [boolean('private')]),
    command('quote', [integer('paragraph')], [integer('to')]),
    command('about', [], []),
    command('help', [], []),
    fc
      .record({ ...where, install, name: fc.constantFrom('Check quote', 'Ask the speech'), content: targetText })
      .map((rest): Case => ({ kind: 'message', ...rest })),
    study,
    // The focused option sits where Discord puts it: among the command's options, or inside the subcommand's. A
    // section (string) on /ask, /section and /study start; a paragraph (integer, typed as anything) on /quote and
    // /study goto.
    fc
      .oneof(
        fc.record({
          ...where,
          name: fc.constantFrom('ask', 'section', 'study'),
          value: hostileString(150),
          type: fc.constant(3),
        }),
        fc.record({
          ...where,
          name: fc.constantFrom('quote', 'study'),
          value: hostileString(40),
          type: fc.constant(4),
        }),
      )
      .map(({ name, value, type, ...rest }): Case => {
        const option = type === 4 ? 'paragraph' : name === 'section' ? 'name' : 'section';
        const focused = { name: option, type, value, focused: true };
        const subcommand = type === 4 ? 'goto' : 'start';
        return {
          kind: 'autocomplete',
          name,
          options: name === 'study' ? [{ name: subcommand, type: 1, options: [focused] }] : [focused],
          ...rest,
        };
      }),
    { weight: 3, arbitrary: fc.record({ ...where, customId }).map((rest): Case => ({ kind: 'button', ...rest })) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          member,
          customId,
          fields: fc.oneof(
            hostileString(400).map((reason) => ({ reason })),
            fc.dictionary(fc.string({ maxLength: 12 }), hostileString(100), { maxKeys: 3 }),
          ),
        })
        .map((rest): Case => ({ kind: 'modal', ...rest })),
    },
  );
}

/** Texts a reader sees in a message body the bot sent. */
const visibleTexts = (body: JsonObject): string[] => {
  const embeds = (body.embeds ?? []) as Array<{
    title?: string;
    description?: string;
    footer?: { text?: string };
    author?: { name?: string };
    fields?: Array<{ name: string; value: string }>;
  }>;
  return [
    typeof body.content === 'string' ? body.content : '',
    ...embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      embed.author?.name ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
  ];
};

/** The message bodies among the bot's requests: interaction replies and updates, edits, follow-ups and channel posts. */
function messageBodies(requests: readonly RecordedRequest[]): Array<{ where: string; body: JsonObject }> {
  const bodies: Array<{ where: string; body: JsonObject }> = [];
  for (const request of requests) {
    const body = request.body as JsonObject | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
    const where = `${request.method} ${request.path.replace(/\/[\w-]{40,}/u, '/<token>')}`;
    if (/^\/interactions\/\d+\/[^/]+\/callback$/u.test(request.path)) {
      // 4 reply, 7 update a component's message; 5/6 defer, 8 autocomplete choices and 9 a modal carry no message.
      if ((body.type === 4 || body.type === 7) && body.data) bodies.push({ where, body: body.data as JsonObject });
    } else if (
      /^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/u.test(request.path) ||
      /^\/channels\/\d+\/messages(\/\d+)?$/u.test(request.path)
    ) {
      if (request.method === 'POST' || request.method === 'PATCH') bodies.push({ where, body });
    }
  }
  return bodies;
}

describe('hostile interactions through the real client, end to end', () => {
  let harness: BotHarness;
  let db: Database.Database;
  let threadId: string;
  let modChannel: string;
  const customIds: string[] = [];

  beforeAll(async () => {
    harness = await startBotHarness();
    const { fake } = harness;
    modChannel = fake.addTextChannel('mods');
    db = new Database(harness.app.config.studyDatabaseFile, { readonly: true, fileMustExist: true });
    const answered = (sent: InteractionHandle) =>
      sent.waitForResponse((record) => record.original !== null && !record.original.loading);
    const resolved = {
      channels: {
        [modChannel]: { id: modChannel, name: 'mods', type: 0, permissions: MODERATOR_PERMISSIONS, parent_id: null },
      },
    };
    await answered(
      fake.sendInteraction(
        fake.chatInput({
          name: 'study',
          options: [
            {
              name: 'config',
              type: 1,
              options: [
                { name: 'mod-channel', type: 7, value: modChannel },
                { name: 'cooldown', type: 4, value: 0 },
              ],
            },
          ],
          resolved,
          ...ADA,
        }),
      ),
    );
    const started = await answered(
      fake.sendInteraction(
        fake.chatInput({
          name: 'study',
          options: [{ name: 'start', type: 1, options: [{ name: 'section', type: 3, value: 'state' }] }],
          ...ADA,
        }),
      ),
    );
    threadId = /<#(\d+)>/u.exec(started.original?.content ?? '')?.[1] ?? '';
    // A real queued question and a real answer give the stream genuine custom_ids to replay and tamper with.
    const asked = fake.sendInteraction(
      fake.chatInput({
        name: 'ask',
        options: [{ name: 'question', type: 3, value: 'How do hostile states threaten the UK?' }],
        userId: MEMBERS[0] ?? '',
        channelId: threadId,
        channelType: PUBLIC_THREAD,
      }),
    );
    await answered(asked);
    const answer = await answered(
      fake.sendInteraction(
        fake.chatInput({
          name: 'ask',
          options: [
            { name: 'question', type: 3, value: 'encryption' },
            { name: 'results', type: 4, value: 1 },
            { name: 'private', type: 5, value: true },
          ],
          userId: MEMBERS[1] ?? '',
        }),
      ),
    );
    const idsIn = (components: JsonValue[] | undefined) =>
      [...JSON.stringify(components ?? []).matchAll(/"custom_id":"([^"]+)"/gu)].map((match) => match[1] ?? '');
    customIds.push(
      ...fake.channelMessages(modChannel).flatMap((message) => idsIn(message.components)),
      ...idsIn(answer.original?.components),
    );
  });
  afterAll(async () => {
    db?.close();
    await harness?.close();
  });

  it(
    `answers ${CASES} hostile interactions from members exactly once each: empty allowed_mentions, no internals, nothing changed or posted but their own questions`,
    { timeout: 180_000 },
    async () => {
      const { fake } = harness;
      expect(threadId).toMatch(/^\d+$/u);
      expect(customIds.filter((id) => id.startsWith('m1.a.'))).toHaveLength(1);
      expect(customIds.filter((id) => id.startsWith('a3.'))).not.toHaveLength(0);
      expect(customIds.filter((id) => id.startsWith('r1.'))).toHaveLength(2);
      const table = (name: string) => db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all();
      const lastAudit = () => (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
      const before = {
        settings: table('guild_settings'),
        sessions: table('sessions'),
        questions: table('questions'),
        coAskers: table('question_askers'),
        audit: lastAudit(),
      };
      const firstRequest = fake.requests.length;
      const firstLog = harness.logs.length;

      const build = (generated: Case): InteractionPayload => {
        const who = { userId: MEMBERS[generated.member] ?? '', username: 'member', permissions: MEMBER_PERMISSIONS };
        const place =
          generated.kind !== 'modal' && generated.inThread ? { channelId: threadId, channelType: PUBLIC_THREAD } : {};
        switch (generated.kind) {
          case 'command':
            return fake.chatInput({
              name: generated.name,
              options: generated.options,
              install: generated.install,
              ...who,
              ...place,
            });
          case 'message':
            return fake.messageCommand({
              name: generated.name,
              content: generated.content,
              install: generated.install,
              ...who,
              ...place,
            });
          case 'autocomplete':
            return fake.autocomplete({ name: generated.name, options: generated.options, ...who, ...place });
          case 'button':
            return fake.button({ customId: generated.customId, ...who, ...place });
          case 'modal':
            return fake.modalSubmit({
              customId: generated.customId,
              fields: generated.fields,
              ...who,
              channelId: modChannel,
            });
        }
      };
      const cases = fc.sample(hostileCase(customIds, speechTag(harness.index.manifest.source.sha256)), {
        numRuns: CASES,
        seed: SEED,
      });
      const sent: Array<{ generated: Case; handle: InteractionHandle }> = [];
      const started = Date.now();
      for (let first = 0; first < cases.length; first += WAVE) {
        const wave = cases
          .slice(first, first + WAVE)
          .map((generated) => ({ generated, handle: fake.sendInteraction(build(generated)) }));
        sent.push(...wave);
        // Complete: acknowledged, and a deferred reply (type 5) edited or replaced by a follow-up.
        const pending = () =>
          wave.filter(({ handle }) => {
            const record = handle.record;
            const callback = record.callbacks[0];
            return (
              callback === undefined ||
              (callback.type === 5 && record.original?.loading === true && record.followUps.length === 0)
            );
          });
        await fake.state.signal.waitFor(
          () => (pending().length === 0 ? true : undefined),
          WAVE_TIMEOUT_MS,
          () =>
            `wave at ${first}: ${pending().length} not answered, e.g. ${JSON.stringify(pending()[0]?.generated).slice(0, 300)}`,
        );
      }
      // A quiet moment to catch a late second answer.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const elapsedMs = Date.now() - started;

      const problems: string[] = [];
      for (const { generated, handle } of sent) {
        const record = handle.record;
        const label = `${generated.kind} ${JSON.stringify(generated).slice(0, 200)}`;
        if (record.callbacks.length !== 1) problems.push(`${label}: ${record.callbacks.length} callbacks`);
        if (record.rejectedCallbacks.length > 0)
          problems.push(
            `${label}: rejected callbacks ${JSON.stringify(record.rejectedCallbacks.map((entry) => entry.code))}`,
          );
      }
      const bodies = messageBodies(fake.requests.slice(firstRequest));
      for (const { where, body } of bodies) {
        if (JSON.stringify(body.allowed_mentions) !== JSON.stringify({ parse: [] }))
          problems.push(`${where}: allowed_mentions ${JSON.stringify(body.allowed_mentions)}`);
        for (const shown of visibleTexts(body)) {
          for (const found of internals(shown))
            problems.push(`${where}: internals ${found} in ${JSON.stringify(shown.slice(0, 200))}`);
          if (tokenLeaks(shown).length > 0) problems.push(`${where}: the token`);
          // Escaped, "@everyone" reads "@\u200beveryone" or "\@everyone": a literal one is user text echoed raw.
          if (/(?<!\\)@(everyone|here)/u.test(shown))
            problems.push(`${where}: a live @everyone/@here in ${JSON.stringify(shown.slice(0, 200))}`);
        }
      }
      const failed = harness.logs.slice(firstLog).filter((line) => line.level >= 50 || line.outcome === 'failed');
      for (const line of failed) problems.push(`logged: ${JSON.stringify(line).slice(0, 300)}`);
      expect(problems.slice(0, 20)).toEqual([]);
      expect(fake.errors).toEqual([]);
      expect(fake.unknownRequests()).toEqual([]);

      // Members changed no settings, no session and no existing question; they only queued questions of their own, and
      // the audit log gained only refusals and automatic rejections.
      expect(table('guild_settings')).toEqual(before.settings);
      expect(table('sessions')).toEqual(before.sessions);
      const questions = table('questions') as Array<{ id: number; status: string; decided_by: string | null }>;
      expect(questions.slice(0, before.questions.length)).toEqual(before.questions);
      expect(
        questions
          .slice(before.questions.length)
          .filter(
            (question) =>
              !['pending', 'rejected'].includes(question.status) ||
              (question.status === 'rejected' && question.decided_by !== null),
          ),
      ).toEqual([]);
      const added = db
        .prepare('SELECT action, COUNT(*) AS n FROM audit_log WHERE id > ? GROUP BY action')
        .all(before.audit) as Array<{ action: string; n: number }>;
      expect(added.filter(({ action }) => !['refused', 'auto-reject', 'me-too'].includes(action))).toEqual([]);
      // A member may join a waiting question of their own server (Me too, forged id or not): their own act, one
      // co-asker row and one audit line each, and an edit of that question's moderators' copy.
      const meToo = added.find(({ action }) => action === 'me-too')?.n ?? 0;
      const coAskers = table('question_askers') as Array<{ question_id: number; member_id: string }>;
      expect(coAskers.slice(0, before.coAskers.length)).toEqual(before.coAskers);
      expect(coAskers.length - before.coAskers.length).toBe(meToo);
      // Outside their own interactions the bot did that and one more thing for members: post each queued question for
      // the moderators.
      const queued = questions
        .slice(before.questions.length)
        .filter((question) => question.status === 'pending').length;
      const elsewhere = fake.requests
        .slice(firstRequest)
        .filter((request) => !request.path.startsWith('/interactions/') && !request.path.startsWith('/webhooks/'))
        .map((request) => `${request.method} ${request.path}`);
      expect(elsewhere.filter((request) => request.startsWith('POST'))).toEqual(
        Array.from({ length: queued }, () => `POST /channels/${modChannel}/messages`),
      );
      expect(elsewhere.filter((request) => !request.startsWith('POST'))).toHaveLength(meToo);
      expect(
        elsewhere.every(
          (request) =>
            request === `POST /channels/${modChannel}/messages` ||
            request.startsWith(`PATCH /channels/${modChannel}/messages/`),
        ),
      ).toBe(true);

      // Ratings: only of answers that exist, one per member and answer, and a private answer only by its asker.
      const strangers = db
        .prepare(
          `SELECT COUNT(*) FROM ratings JOIN answers ON answers.id = ratings.answer_id
           WHERE answers.private = 1 AND ratings.member_hash != answers.owner_hash`,
        )
        .pluck()
        .get();
      expect(strangers).toBe(0);
      const ratings = db.prepare('SELECT COUNT(*) FROM ratings').pluck().get() as number;
      expect(ratings).toBeGreaterThan(0);

      // The spread of what was sent, so a generator that drifted to one kind would show; and the bot still answers.
      const kinds = new Map<string, number>();
      for (const { generated } of sent) kinds.set(generated.kind, (kinds.get(generated.kind) ?? 0) + 1);
      for (const kind of ['command', 'message', 'autocomplete', 'button', 'modal'])
        expect(kinds.get(kind) ?? 0).toBeGreaterThan(CASES / 20);
      expect(bodies.length).toBeGreaterThan(CASES / 2);
      const after = fake.sendInteraction(
        fake.chatInput({
          name: 'ask',
          options: [{ name: 'question', type: 3, value: 'encryption' }],
          userId: MEMBERS[2] ?? '',
        }),
      );
      await after.waitForResponse((record) => record.original !== null && !record.original.loading);
      console.info(
        `hostile stream: ${CASES} interactions in ${elapsedMs} ms; ${bodies.length} message bodies checked; kinds ${JSON.stringify(Object.fromEntries(kinds))}; audit +${added.map(({ action, n }) => `${n} ${action}`).join(', ')}; ${ratings} ratings; ${questions.length - before.questions.length} questions queued by members`,
      );
    },
  );

  // Discord clients cache command definitions: for a while after an update, members send the old shape. Each of these
  // is a refusal the member can act on, logged as such, never "Something went wrong" and an error in the log.
  it('refuses commands of an older shape, a form without its field and an unreadable autocomplete without an error', async () => {
    const { fake } = harness;
    const firstLog = harness.logs.length;
    const who = { userId: MEMBERS[3] ?? '', permissions: MEMBER_PERMISSIONS };
    const reply = async (payload: InteractionPayload) =>
      (await fake.sendInteraction(payload).waitForResponse((record) => record.callbacks.length > 0)).callbacks[0];
    const stale = [
      fake.chatInput({ name: 'quote', options: [], ...who }),
      fake.chatInput({ name: 'quote', options: [{ name: 'paragraph', type: 3, value: '12' }], ...who }),
      fake.chatInput({
        name: 'ask',
        options: [
          { name: 'question', type: 3, value: 'encryption' },
          { name: 'results', type: 3, value: 'three' },
        ],
        ...who,
      }),
      fake.chatInput({ name: 'study', options: [{ name: 'goto', type: 1, options: [] }], ...who }),
      fake.chatInput({ name: 'study', options: [{ name: 'rewind', type: 1, options: [] }], ...who }),
      fake.chatInput({ name: 'study', options: [], ...who }),
    ];
    for (const payload of stale)
      expect((await reply(payload))?.data).toMatchObject({
        content: 'This command has just been updated. Please run it again.',
        flags: 64,
      });
    const form = await reply(
      fake.modalSubmit({ customId: 'm1.m.1', fields: { note: 'no reason field' }, ...who, channelId: modChannel }),
    );
    expect(form?.data).toMatchObject({ content: 'This form is no longer valid.', flags: 64 });
    // The focused option outside its subcommand: discord.js cannot find it, and the bot answers with no choices.
    const autocomplete = await reply(
      fake.autocomplete({
        name: 'study',
        options: [{ name: 'start', type: 1, options: [] }],
        focused: { name: 'section', value: 'state' },
        ...who,
      }),
    );
    expect(autocomplete).toMatchObject({ type: 8, data: { choices: [] } });
    const lines = harness.logs.slice(firstLog);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines.filter((line) => line.code === 'stale-command')).toHaveLength(stale.length + 1);
  });
});
