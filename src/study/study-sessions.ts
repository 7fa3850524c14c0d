import { findSection } from '../speech/find-section.js';
import { discussionPrompt } from './discussion-prompts.js';
import { renderOpening, renderRecap, renderStatus, renderStudyPassage } from './views/render-study-messages.js';
import { renderModLogLine } from './views/render-mod-log.js';
import { renderParagraphMap } from './views/render-paragraph-map.js';
import { renderMapMessage } from './views/render-map-message.js';
import { threadNameOf } from './views/thread-name.js';
import { Cooldown } from '../discord/cooldown.js';

/** How often one member may draw the paragraph map. */
export const MAP_COOLDOWN_MS = 10_000;
import { buildTranscript } from './build-transcript.js';
import { transcriptFiles, transcriptNote } from './views/split-transcript.js';
import { renderExportMessage } from './views/render-export-message.js';
import { isModerator } from './is-moderator.js';
import type { MessageView } from '../discord/message-view.js';
import {
  renderEndedReply,
  renderMovedReply,
  renderSettingsReply,
  renderStartedReply,
  renderStateChange,
} from './views/render-study-replies.js';
import { endSession, moveTo, pauseSession, resumeSession, startSession } from './session-transitions.js';
import { SessionConflictError } from './study-repository.js';
import type { Outcome } from '../refusal/refusal.js';
import { isParagraphNumber } from '../speech/find-paragraphs.js';
import type { Asker, GuildSettings, StudySession } from './study-types.js';
import { recordAnsweredAsk } from './record-answered-ask.js';
import { UserFacingError, unwrapOutcome as unwrap } from '../refusal/user-facing-error.js';
import { requireModerator, type StudyActor } from './require-moderator.js';
import { announce, type StudyContext } from './study-context.js';
import type { QuestionQueue } from './question-queue.js';
// A stored value outside the range would break the cooldown (and the table's CHECK).
import { STUDY_COOLDOWN_SECONDS } from './study-limits.js';

/** Settings changes from `/study config`; absent fields stay as they are. */
export type SettingsChanges = Partial<Omit<GuildSettings, 'guildId'>>;

/** Settings `/study config clear:` can forget, by the option that sets each. */
export const CLEARABLE_SETTINGS = { 'moderator-role': 'moderatorRoleId', 'mod-channel': 'modChannelId' } as const;
export type ClearableSetting = keyof typeof CLEARABLE_SETTINGS;

/**
 * Study sessions' lifecycle: config, start, moving through passages, pause and resume, end, status. Each moderator
 * action is checked, done on Discord, then committed with its audit line in one transaction, then acknowledged; so
 * what a moderator was told happened is stored, and a crash before the commit at worst repeats a post.
 */
export class StudySessions {
  private readonly mapTurns = new Cooldown(MAP_COOLDOWN_MS);

  constructor(
    private readonly context: StudyContext,
    private readonly queue: QuestionQueue,
  ) {}

  settings(guildId: string): GuildSettings {
    return this.context.repository.settings(guildId, this.context.defaults);
  }

  /** Shows the settings, changed first when `requested` or `clear` has any; `clear` forgets settings. */
  async configure(
    actor: StudyActor,
    requested: SettingsChanges,
    clear: readonly ClearableSetting[] = [],
  ): Promise<string> {
    const current = this.settings(actor.guildId);
    requireModerator(this.context.repository, current, actor, 'config', this.context.now());
    const conflict = clear.find((option) => requested[CLEARABLE_SETTINGS[option]] !== undefined);
    if (conflict) throw new UserFacingError({ code: 'set-and-clear', option: conflict });
    const { cooldownSeconds } = requested;
    if (
      cooldownSeconds !== undefined &&
      !(
        Number.isInteger(cooldownSeconds) &&
        cooldownSeconds >= STUDY_COOLDOWN_SECONDS.min &&
        cooldownSeconds <= STUDY_COOLDOWN_SECONDS.max
      )
    ) {
      throw new UserFacingError({ code: 'cooldown-out-of-range', ...STUDY_COOLDOWN_SECONDS });
    }
    const changes: SettingsChanges = {
      ...requested,
      ...Object.fromEntries(clear.map((option) => [CLEARABLE_SETTINGS[option], null])),
    };
    const updated: GuildSettings = { ...current, ...changes };
    if (Object.keys(changes).length > 0) {
      this.context.repository.saveSettings(updated, {
        guildId: actor.guildId,
        sessionId: null,
        actorId: actor.id,
        action: 'config',
        detail: JSON.stringify(changes),
        at: this.context.now(),
      });
      const line = renderModLogLine({ kind: 'configured', actorId: actor.id, changed: Object.keys(changes) });
      // A channel that stops being the moderators' channel is told so, as the new one is.
      if (current.modChannelId !== null && current.modChannelId !== updated.modChannelId)
        await announce(this.context, current, line);
      await announce(this.context, updated, line);
    }
    return renderSettingsReply(updated, Object.keys(changes).length > 0);
  }

  async start(
    actor: StudyActor,
    input: {
      channelId: string;
      section: string;
      from?: number | undefined;
      title?: string | undefined;
      prompt?: string | undefined;
    },
  ): Promise<string> {
    const { repository, speech, publisher, now } = this.context;
    const settings = this.settings(actor.guildId);
    requireModerator(repository, settings, actor, 'start', now());
    const section = findSection(speech.sections, input.section);
    const from = input.from ?? section.firstParagraph;
    if (!isParagraphNumber(from, speech.paragraphs.length))
      throw new UserFacingError({ code: 'paragraph-out-of-range', last: speech.paragraphs.length });
    const title = input.title?.trim() || section.name;
    const threadName = threadNameOf(title, section.name, now());
    // Without a moderators' channel nobody could see the queue: such a session answers questions at once, and says so.
    const moderated = settings.moderated && settings.modChannelId !== null;
    const threadId = await publisher.createThread(input.channelId, threadName);
    let session: StudySession;
    try {
      // Stored before anything is posted in the thread, so a crash cannot leave a thread no command knows.
      const draft = startSession({
        guildId: actor.guildId,
        channelId: input.channelId,
        threadId,
        title,
        sectionId: section.id,
        startedBy: actor.id,
        startedAt: now(),
        moderated,
        from,
      });
      session = repository.createSession(
        draft,
        {
          guildId: actor.guildId,
          actorId: actor.id,
          action: 'start',
          detail: `${section.name} from ¶${from}`,
          at: now(),
        },
        { paragraph: from, prompt: discussionPrompt(0, input.prompt), at: now() },
      );
    } catch (error) {
      if (error instanceof SessionConflictError) throw new UserFacingError({ code: 'session-exists' });
      throw error;
    }
    const opening = await publisher.post(threadId, renderOpening(session, section));
    await publisher
      .pin(threadId, opening)
      .catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not pin the opening message'));
    await publisher.post(threadId, renderStudyPassage(speech, from, discussionPrompt(0, input.prompt)));
    await announce(
      this.context,
      settings,
      renderModLogLine({ kind: 'started', actorId: actor.id, title, threadId, from }),
    );
    return renderStartedReply(threadId, from, settings.moderated && !moderated);
  }

  /** `/study next`, `previous` and `goto`. */
  move(actor: StudyActor, threadId: string, target: 'next' | 'previous' | number, prompt?: string): Promise<string> {
    return this.context.serial.run(threadId, async () => {
      const { repository, speech, publisher, now } = this.context;
      const session = this.sessionIn(threadId);
      const settings = this.settings(session.guildId);
      requireModerator(repository, settings, actor, 'advance', now(), session.id);
      const paragraph =
        target === 'next'
          ? session.currentParagraph + 1
          : target === 'previous'
            ? session.currentParagraph - 1
            : target;
      const moved = unwrap(moveTo(session, paragraph, speech.paragraphs.length));
      const shownPrompt = discussionPrompt(moved.promptCursor, prompt);
      await publisher.post(threadId, renderStudyPassage(speech, paragraph, shownPrompt));
      repository.updateSession(
        moved,
        {
          guildId: session.guildId,
          sessionId: session.id,
          actorId: actor.id,
          action: 'advance',
          detail: `¶${session.currentParagraph} → ¶${paragraph}`,
          at: now(),
        },
        { paragraph, prompt: shownPrompt, at: now() },
      );
      await announce(
        this.context,
        settings,
        renderModLogLine({ kind: 'moved', actorId: actor.id, title: session.title, paragraph }),
      );
      return renderMovedReply(paragraph);
    });
  }

  pause(actor: StudyActor, threadId: string): Promise<string> {
    return this.changeState(actor, threadId, 'pause', (session) => pauseSession(session));
  }

  resume(actor: StudyActor, threadId: string): Promise<string> {
    return this.changeState(actor, threadId, 'resume', (session) => resumeSession(session));
  }

  end(actor: StudyActor, threadId: string): Promise<string> {
    return this.context.serial.run(threadId, async () => {
      const { repository, publisher, now } = this.context;
      const session = this.sessionIn(threadId);
      const settings = this.settings(session.guildId);
      requireModerator(repository, settings, actor, 'end', now(), session.id);
      if (session.status === 'ended') {
        // Ended, but closing up may have failed (Discord down, a crash): both steps are safe to repeat.
        await publisher.closeThread(threadId);
        await this.queue.closeWaiting(session);
        return renderEndedReply(true);
      }
      const ended = unwrap(endSession(session, now()));
      const recap = renderRecap(ended, repository.stats(session.id), ended.endedAt ?? now());
      // The picture is a courtesy: a session must end even when it cannot be drawn; the words say it anyway.
      const map = await this.mapMessage(ended).catch((error: unknown) => {
        this.context.logger.warn({ err: error, session: session.id }, 'could not draw the paragraph map');
        return this.mapWords(ended);
      });
      await publisher.post(threadId, {
        ...recap,
        content: map.content ?? '',
        ...(map.files ? { files: map.files } : {}),
      });
      repository.updateSession(ended, {
        guildId: session.guildId,
        sessionId: session.id,
        actorId: actor.id,
        action: 'end',
        detail: `${ended.covered.length} passages`,
        at: now(),
      });
      await announce(
        this.context,
        settings,
        renderModLogLine({ kind: 'ended', actorId: actor.id, title: session.title }),
      );
      await publisher.closeThread(threadId);
      await this.queue.closeWaiting(ended);
      return renderEndedReply(false);
    });
  }

  /**
   * `/study map`: where this session's questions landed, as a picture and in words. Anyone in the thread may ask;
   * it is private unless a moderator asks for it `public`.
   */
  async map(actor: StudyActor, threadId: string, wantPublic: boolean): Promise<{ view: MessageView; public: boolean }> {
    const session = this.sessionIn(threadId);
    // Drawing costs tens of milliseconds of CPU: one map per member every few seconds is plenty.
    const wait = this.mapTurns.remainingMs(actor.id, this.context.now());
    if (wait > 0) throw new UserFacingError({ code: 'cooldown', remainingMs: wait });
    this.mapTurns.use(actor.id, this.context.now());
    const moderator = this.isModeratorOf(actor, session.guildId);
    const shownPublic = wantPublic && moderator;
    const note =
      wantPublic && !moderator ? '*Only moderators can post the map for everyone; here it is for you.*' : undefined;
    return { view: await this.mapMessage(session, note), public: shownPublic };
  }

  /**
   * `/study export` (moderators): the session's annotated transcript as Markdown and HTML files, split into parts
   * when one file would pass Discord's attachment limit.
   */
  export(actor: StudyActor, threadId: string): Promise<MessageView> {
    return this.exportSession(actor, this.sessionIn(threadId));
  }

  /** The recap's Export transcript button: the session by id, in the presser's own server only. */
  exportById(actor: StudyActor, sessionId: number): Promise<MessageView> {
    const session = this.context.repository.sessionById(sessionId);
    if (!session || session.guildId !== actor.guildId)
      throw new UserFacingError({ code: 'button-expired', what: 'button' });
    return this.exportSession(actor, session);
  }

  private async exportSession(actor: StudyActor, session: StudySession): Promise<MessageView> {
    const { repository, speech, commands, now } = this.context;
    requireModerator(repository, this.settings(session.guildId), actor, 'export', now(), session.id);
    const questions = repository.sessionQuestions(session.id);
    const approved = questions.filter((question) => question.status === 'approved' || question.status === 'answered');
    const citations = new Map(
      await Promise.all(
        approved.map(async (question) => [question.id, await commands.citations(question.text)] as const),
      ),
    );
    const sectionName = speech.sections.find((section) => section.id === session.sectionId)?.name ?? session.title;
    const transcript = buildTranscript({
      session,
      speech,
      threadName: threadNameOf(session.title, sectionName, session.startedAt),
      readings: repository.readings(session.id),
      questions,
      moderators: repository.sessionModerators(session.id),
      citations,
      map: renderParagraphMap({ speech, counts: repository.landings(session.id), title: session.title }),
    });
    const files = transcriptFiles(transcript);
    return renderExportMessage(transcript, files, transcriptNote(files));
  }

  /** Whether the actor moderates sessions of that server: a check that refuses nothing and audits nothing. */
  isModeratorOf(actor: StudyActor, guildId: string): boolean {
    return actor.guildId === guildId && isModerator(actor, this.settings(guildId).moderatorRoleId);
  }

  private async mapMessage(session: StudySession, note?: string): Promise<MessageView> {
    const map = this.paragraphMap(session);
    return renderMapMessage(map, await this.context.drawMap(map.svg), note);
  }

  private mapWords(session: StudySession): MessageView {
    return { content: `**Paragraph map** · ${this.paragraphMap(session).summary}`, embeds: [], buttons: [] };
  }

  private paragraphMap(session: StudySession) {
    return renderParagraphMap({
      speech: this.context.speech,
      counts: this.context.repository.landings(session.id),
      title: session.title,
    });
  }

  status(threadId: string): string {
    const session = this.sessionIn(threadId);
    return renderStatus(this.context.speech, session, this.context.repository.waitingUpTo(session.id));
  }

  /** Keeps a public question answered at once in a live session's thread: see {@link recordAnsweredAsk}. */
  recordAnswered(threadId: string, author: Asker, text: string): Promise<void> {
    return recordAnsweredAsk(this.context, threadId, author, text);
  }

  /** The live session in a thread, or undefined. */
  liveSession(threadId: string): StudySession | undefined {
    const session = this.context.repository.sessionByThread(threadId);
    return session && session.status !== 'ended' ? session : undefined;
  }

  /** The thread's session, live or ended. @throws {UserFacingError} `no-session` */
  sessionIn(threadId: string): StudySession {
    const session = this.context.repository.sessionByThread(threadId);
    if (!session) throw new UserFacingError({ code: 'no-session' });
    return session;
  }

  private changeState(
    actor: StudyActor,
    threadId: string,
    action: 'pause' | 'resume',
    transition: (session: StudySession) => Outcome<StudySession>,
  ): Promise<string> {
    const done = renderStateChange(action);
    return this.context.serial.run(threadId, async () => {
      const { repository, publisher, now } = this.context;
      const session = this.sessionIn(threadId);
      const settings = this.settings(session.guildId);
      requireModerator(repository, settings, actor, action, now(), session.id);
      const changed = unwrap(transition(session));
      const audit = {
        guildId: session.guildId,
        sessionId: session.id,
        actorId: actor.id,
        action,
        detail: changed.status,
        at: now(),
      };
      const released =
        action === 'resume' ? repository.resumeSession(changed, audit) : (repository.updateSession(changed, audit), []);
      await this.queue.postReleased(released, changed, settings);
      await publisher.post(threadId, { content: `*${done}*`, embeds: [], buttons: [] });
      await announce(
        this.context,
        settings,
        renderModLogLine({ kind: action === 'pause' ? 'paused' : 'resumed', actorId: actor.id, title: session.title }),
      );
      return done;
    });
  }
}
