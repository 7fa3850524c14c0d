import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonState } from '../../src/discord/custom-ids.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { MODERATOR_PERMISSIONS } from '../../src/study/is-moderator.js';
import type { QuestionQueue } from '../../src/study/question-queue.js';
import type { StudyActor } from '../../src/study/require-moderator.js';
import type { StudySessions } from '../../src/study/study-sessions.js';
import type { StudySession } from '../../src/study/study-types.js';
import type { Speech } from '../../src/speech/speech.js';
import { RecordingPublisher } from '../support/recording-publisher.js';
import { shownRejection } from '../support/shown-refusal.js';
import { studyTestServices } from '../support/study-test-context.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

const GUILD = 'guild';
const moderator: StudyActor = {
  id: '100',
  name: 'Mod',
  guildId: GUILD,
  permissions: MODERATOR_PERMISSIONS.manageThreads,
  roleIds: [],
};
const member = (id: string, name: string, guildId = GUILD): StudyActor => ({
  id,
  name,
  guildId,
  permissions: 0n,
  roleIds: [],
});
const ana = member('201', 'Ana');
const ben = member('202', 'Ben *the* reader');
const cy = member('203', 'Cy');
const dee = member('204', 'Dee');

/** The custom_id of the button with this label, decoded. */
function button(view: MessageView, label: string) {
  const found = view.buttons.flat().find((candidate) => candidate.label === label);
  const state = found && decodeButtonState(found.customId);
  if (state?.kind !== 'question') throw new Error(`no ${label} button in ${JSON.stringify(view)}`);
  return state;
}

describe('shared questions, Reopen and the paragraph map, on a real SQLite store', () => {
  let remove: () => Promise<void>;
  let repository: SqliteStudyRepository;
  let publisher: RecordingPublisher;
  let sessions: StudySessions;
  let queue: QuestionQueue;
  let session: StudySession;
  let speechOfIndex: Speech;
  const sessionsSpeech = () => speechOfIndex;
  const settings = () => sessions.settings(GUILD);
  const modCopy = (questionId: number) =>
    [...publisher.calls]
      .reverse()
      .find(
        (call) =>
          (call.method === 'post' && call.nonce === `question-${questionId}`) ||
          (call.method === 'edit' && call.messageId === repository.question(questionId)?.modMessageId),
      )?.view;

  beforeAll(async () => {
    const temporary = await temporaryFolder('shared-questions');
    remove = temporary.remove;
    const index = await openTestIndex(temporary.folder, { dense: false });
    speechOfIndex = index.speech;
    repository = SqliteStudyRepository.open(`${temporary.folder}/study.sqlite`);
    publisher = new RecordingPublisher();
    let clock = 1_000_000;
    ({ sessions, queue } = studyTestServices({
      repository,
      publisher,
      index,
      defaults: { moderatorRoleId: null, modChannelId: 'mods', moderated: true, cooldownSeconds: 0, blockedTerms: [] },
      now: () => (clock += 1000),
    }));
    await sessions.start(moderator, { channelId: 'channel', section: 'state threats', title: 'Week 3' });
    const found = repository.sessionByThread(publisher.threads[0] ?? '');
    if (!found) throw new Error('no session');
    session = found;
  });
  afterAll(async () => {
    repository.close();
    await remove();
  });

  it('tells a member their question is already waiting, quoting it, with Me too and Ask anyway, queueing nothing', async () => {
    await queue.ask(session, settings(), ana, 'How does MI5 counter Russia’s threats?');
    const waiting = repository.waiting(session.id);
    expect(waiting).toHaveLength(1);
    const reply = await queue.ask(session, settings(), ben, 'russia: how MI5 counters the threat');
    expect(reply.content).toContain('already waiting');
    expect(reply.content).toContain('> How does MI5 counter Russia’s threats?');
    expect(reply.buttons.flat().map((candidate) => candidate.label)).toEqual(['Me too', 'Ask anyway']);
    expect(repository.waiting(session.id)).toHaveLength(1);
  });

  it('counts Me too once per member, refuses it to the author, and shows the moderators how many asked', async () => {
    const [question] = repository.waiting(session.id);
    if (!question) throw new Error('no question');
    expect(await queue.meToo(ben, question.id)).toMatch(/^Added: 2 members asked/u);
    expect(await shownRejection(() => queue.meToo(ben, question.id))).toMatchObject({ code: 'already-asked' });
    expect(await shownRejection(() => queue.meToo(ana, question.id))).toMatchObject({ code: 'own-question' });
    expect(await queue.meToo(cy, question.id)).toMatch(/^Added: 3 members asked/u);
    expect(modCopy(question.id)?.embeds[0]?.footer).toContain('3 members asked');
    expect(repository.auditLog(GUILD).filter((entry) => entry.action === 'me-too')).toHaveLength(2);
  });

  it('refuses Me too on another server’s question, whatever the id', async () => {
    const [question] = repository.waiting(session.id);
    const stranger = member('299', 'Stranger', 'other-guild');
    expect(await shownRejection(() => queue.meToo(stranger, question?.id ?? 0))).toMatchObject({
      code: 'button-expired',
    });
    expect(repository.question(question?.id ?? 0)?.coAskers).toHaveLength(2);
  });

  it('queues the question anyway for its author only, once, under the usual limits', async () => {
    const reply = await queue.ask(session, settings(), dee, 'How does MI5 counter the threats of Russia?');
    const anyway = button(reply, 'Ask anyway');
    expect(await shownRejection(() => queue.askAnyway(ben, anyway.question))).toMatchObject({ code: 'not-yours' });
    const queued = await queue.askAnyway(dee, anyway.question);
    expect(queued.content).toMatch(/sent to the moderators \(position 2/u);
    expect(await shownRejection(() => queue.askAnyway(dee, anyway.question))).toMatchObject({
      code: 'button-expired',
    });
    // Then Me too from the same reply: Dee's own copy already counts them.
    const [first] = repository.waiting(session.id);
    expect(await shownRejection(() => queue.meToo(dee, first?.id ?? 0))).toMatchObject({ code: 'already-asked' });
    expect(repository.question(first?.id ?? 0)?.coAskers.map((asker) => asker.id)).not.toContain(dee.id);
    // Cy already said Me too to the waiting question: Ask anyway would count them twice.
    const again = await queue.ask(session, settings(), cy, 'How does MI5 counter Russia’s threats?');
    expect(await shownRejection(() => queue.askAnyway(cy, button(again, 'Ask anyway').question))).toMatchObject({
      code: 'already-asked',
    });
    expect(repository.waiting(session.id)).toHaveLength(2);
  });

  it('credits every asker by display name when the shared question is approved, pinging no one', async () => {
    const [question] = repository.waiting(session.id);
    await queue.approve(moderator, question?.id ?? 0);
    const post = publisher.calls.find((call) => call.nonce === `answer-${question?.id}`);
    expect(post?.view?.content).toMatch(/^\*\*Question from Ana, Ben \\\*the\\\* reader and Cy:\*\*/u);
    expect(post?.view?.content).not.toMatch(/<@/u);
  });

  it('reopens a rejected question for moderators only: back in the queue, the author told, audited', async () => {
    const [cys] = repository.waiting(session.id);
    const id = cys?.id ?? 0;
    await queue.reject(moderator, id, 'off topic');
    expect(
      modCopy(id)
        ?.buttons.flat()
        .map((candidate) => candidate.label),
    ).toEqual(['Reopen']);
    expect(await shownRejection(() => queue.reopen(dee, id))).toMatchObject({ code: 'not-moderator' });
    expect(await queue.reopen(moderator, id)).toMatch(/^Reopened/u);
    expect(repository.question(id)).toMatchObject({ status: 'pending', decidedBy: null, reason: null });
    expect(
      modCopy(id)
        ?.buttons.flat()
        .map((candidate) => candidate.label),
    ).toEqual(['Approve', 'Reject']);
    expect(publisher.calls.filter((call) => call.method === 'notify').at(-1)?.text).toMatch(/was reopened/u);
    expect(await shownRejection(() => queue.reopen(moderator, id))).toMatchObject({ code: 'not-rejected' });
    const actions = repository.auditLog(GUILD).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'reopen')).toHaveLength(1);
    expect(actions.filter((action) => action === 'refused')).toHaveLength(1);
  });

  it('resolves two Reopens pressed at once to one reopening', async () => {
    const [question] = repository.waiting(session.id);
    const id = question?.id ?? 0;
    await queue.reject(moderator, id, null);
    const presses = await Promise.allSettled([queue.reopen(moderator, id), queue.reopen(moderator, id)]);
    expect(presses.map((press) => press.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('maps where the questions landed, counting a shared question’s askers, privately unless a moderator asks', async () => {
    const landings = repository.landings(session.id);
    const total = [...landings.values()].reduce((sum, count) => sum + count, 0);
    // Ana's question and its two Me too, plus Dee's own (pending again after its Reopen).
    expect(total).toBe(4);
    const mine = await sessions.map(ana, session.threadId, true);
    expect(mine.public).toBe(false);
    expect(mine.view.content).toMatch(/^\*\*Paragraph map\*\* · Most questions: ¶\d+ \(\d\)/u);
    expect(mine.view.content).toContain('Only moderators can post the map for everyone');
    const posted = await sessions.map(moderator, session.threadId, true);
    expect(posted.public).toBe(true);
    const [file] = posted.view.files ?? [];
    expect(file?.name).toBe('paragraph-map.png');
    expect(file?.description).toMatch(/^Paragraph map of "Week 3"/u);
    const { width, format } = await sharp(file?.data).metadata();
    expect({ width, format }).toEqual({ width: 900, format: 'png' });
  });

  it('stores each passage put on the table, in order, with its prompt', async () => {
    await sessions.move(moderator, session.threadId, 'next', 'What is new here?');
    expect(repository.readings(session.id).map(({ seq, paragraph, prompt }) => ({ seq, paragraph, prompt }))).toEqual([
      { seq: 1, paragraph: session.currentParagraph, prompt: expect.any(String) },
      { seq: 2, paragraph: session.currentParagraph + 1, prompt: 'What is new here?' },
    ]);
  });

  it('exports the annotated transcript for moderators only: passages in reading order, approved questions, counts', async () => {
    expect(await shownRejection(() => sessions.export(ana, session.threadId))).toMatchObject({ code: 'not-moderator' });
    const view = await sessions.export(moderator, session.threadId);
    const files = view.files ?? [];
    expect(files.map((file) => file.name)).toEqual([
      expect.stringMatching(/^week-3.*\.md$/u),
      expect.stringMatching(/^week-3.*\.html$/u),
    ]);
    const markdown = new TextDecoder().decode(files[0]?.data);
    const html = new TextDecoder().decode(files[1]?.data);
    const [first, second] = repository.readings(session.id);
    const paragraphText = (n: number | undefined) => sessionsSpeech().paragraphs[(n ?? 0) - 1]?.text ?? 'missing';
    expect(markdown.indexOf(paragraphText(first?.paragraph).slice(0, 60))).toBeGreaterThan(-1);
    expect(markdown.indexOf(paragraphText(first?.paragraph).slice(0, 60))).toBeLessThan(
      markdown.indexOf(paragraphText(second?.paragraph).slice(0, 60)),
    );
    expect(markdown).toContain('How does MI5 counter Russia’s threats?');
    expect(markdown).toMatch(/Ana, Ben \\\*the\\\* reader, Cy|Ana, Ben \*the\* reader, Cy/u);
    expect(markdown).toContain('Mod');
    expect(html).toContain('How does MI5 counter Russia’s threats?');
    expect(html).not.toMatch(/<script/iu);
    expect(view.content).toMatch(/^Transcript of \*\*Week 3\*\*: 2 passages read, 1 approved question, \d+ rejected/u);
  });

  it('puts the map in the recap that /study end posts, and takes Reopen off rejected copies', async () => {
    const [left] = repository.waiting(session.id);
    await queue.reject(moderator, left?.id ?? 0, null);
    expect(
      modCopy(left?.id ?? 0)
        ?.buttons.flat()
        .map((candidate) => candidate.label),
    ).toEqual(['Reopen']);
    await sessions.end(moderator, session.threadId);
    expect(modCopy(left?.id ?? 0)?.buttons).toEqual([]);
    const recap = publisher.calls.find((call) => call.view?.embeds[0]?.title?.startsWith('Recap'));
    expect(recap?.view?.files?.map((file) => file.name)).toEqual(['paragraph-map.png']);
    const exportId = recap?.view?.buttons.flat().find((candidate) => candidate.label === 'Export transcript')?.customId;
    const state = exportId === undefined ? undefined : decodeButtonState(exportId);
    expect(state).toEqual({ kind: 'session', action: 'export', session: session.id });
    const exported = await sessions.exportById(moderator, session.id);
    expect(exported.files?.map((file) => file.name.split('.').at(-1))).toEqual(['md', 'html']);
    expect(await shownRejection(() => sessions.exportById(ana, session.id))).toMatchObject({ code: 'not-moderator' });
    const elsewhere = { ...moderator, guildId: 'other-guild' };
    expect(await shownRejection(() => sessions.exportById(elsewhere, session.id))).toMatchObject({
      code: 'button-expired',
    });
    expect(recap?.view?.content).toMatch(/Most questions/u);
  });
});
