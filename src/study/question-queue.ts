import { Cooldown } from '../discord/cooldown.js';
import { renderModLogLine } from './views/render-mod-log.js';
import {
  renderApprovedReply,
  renderMeTooReply,
  renderQueuedReply,
  renderReopenedNotice,
  renderReopenedReply,
  textView,
  renderRejectedReply,
  renderRejectionNotice,
} from './views/render-study-replies.js';
import { STUDY_COOLDOWN_SECONDS } from './study-limits.js';
import { validateQuestion } from '../search/validate-question.js';
import { admitQuestion, decideQuestion } from './queue-decisions.js';
import { renderApprovedQuestion, renderQueuedQuestion } from './views/render-queued-question.js';
import { renderAlreadyWaiting } from './views/render-shared-question.js';
import type { Asker, GuildSettings, QueuedQuestion, StudySession } from './study-types.js';
import { questionMatchKey } from './question-match-key.js';
import type { MessageView } from '../discord/message-view.js';
import { APPROVED_ANSWER_PASSAGES } from '../passages/passage-commands.js';
import { UserFacingError, unwrapOutcome as unwrap } from '../refusal/user-facing-error.js';
import { requireModerator, type StudyActor } from './require-moderator.js';
import { announce, type StudyContext } from './study-context.js';

/** How many waiting questions' copies `/study end` closes itself, newest first. */
export const MAX_COPIES_CLOSED_AT_END = 25;
const SESSION_ENDED = () => new UserFacingError({ code: 'session-ended' });

/**
 * The moderated question queue: members' questions in a session thread wait for a moderator's Approve (the bot posts
 * the question, credited, with its answer in the thread) or Reject (the author is told privately, with the reason).
 * A decision is compare-and-set in the store, so of two moderators clicking at once exactly one wins.
 */
export class QuestionQueue {
  // A session's cooldown is its moderators' setting; the longest one they may set bounds what is remembered.
  private readonly turns = new Cooldown(STUDY_COOLDOWN_SECONDS.max * 1000);

  constructor(private readonly context: StudyContext) {}

  /**
   * Queues a member's question; returns what to tell them (privately). The same question already waiting (the
   * shared-question rule) is not queued twice: the member is shown it, with Me too and Ask anyway. Runs in the
   * thread's turn and reads the session afresh, so a pause, resume or end that lands meanwhile is seen.
   */
  async ask(sessionSeen: StudySession, settings: GuildSettings, author: Asker, rawText: string): Promise<MessageView> {
    const text = validateQuestion(rawText);
    // The member's turn first: a search (the model's forward pass, in hybrid mode) is not free to repeat.
    const key = `${sessionSeen.id}:${author.id}`;
    const wait = this.turns.remainingMs(key, this.context.now(), settings.cooldownSeconds * 1000);
    if (wait > 0) throw new UserFacingError({ code: 'cooldown', remainingMs: wait });
    const landedOn = (await this.context.commands.topParagraph(text)) ?? null;
    return this.context.serial.run(sessionSeen.threadId, async () => {
      const session = this.context.repository.sessionById(sessionSeen.id) ?? sessionSeen;
      if (session.status === 'ended') throw SESSION_ENDED();
      const waiting = this.context.repository.waitingMatch(session.id, questionMatchKey(text));
      if (!waiting) return this.queue(session, settings, author, text, landedOn);
      const draft = this.context.repository.saveDraft({
        sessionId: session.id,
        authorId: author.id,
        authorName: author.name,
        text,
        landedOn,
        createdAt: this.context.now(),
      });
      return renderAlreadyWaiting(waiting, draft.id);
    });
  }

  /** Ask anyway: the member's held-back question is queued after all, under the usual limits. */
  askAnyway(actor: StudyActor, draftId: number): Promise<MessageView> {
    const draft = this.context.repository.draft(draftId);
    if (!draft) throw new UserFacingError({ code: 'button-expired', what: 'question' });
    if (draft.authorId !== actor.id) throw new UserFacingError({ code: 'not-yours' });
    const session = this.context.repository.sessionById(draft.sessionId);
    if (!session || session.guildId !== actor.guildId)
      throw new UserFacingError({ code: 'button-expired', what: 'question' });
    return this.context.serial.run(session.threadId, async () => {
      const fresh = this.context.repository.sessionById(session.id) ?? session;
      if (fresh.status === 'ended') throw SESSION_ENDED();
      // Pressed twice: the first press queued it and took the draft.
      if (!this.context.repository.draft(draftId))
        throw new UserFacingError({ code: 'button-expired', what: 'question' });
      // Me too first, then Ask anyway on the same reply: they already ask that question.
      if (this.context.repository.askedAlready(fresh.id, questionMatchKey(draft.text), actor.id))
        throw new UserFacingError({ code: 'already-asked' });
      const settings = this.context.repository.settings(fresh.guildId, this.context.defaults);
      return this.queue(fresh, settings, actor, draft.text, draft.landedOn, draftId);
    });
  }

  /**
   * Me too: the member joins a waiting question as a co-asker instead of queueing a copy; the moderators' copy shows
   * how many asked. Pressed again, or by the question's author, it changes nothing and says so.
   */
  meToo(actor: StudyActor, questionId: number): Promise<string> {
    return this.inTurnOf(questionId, async () => {
      const { question, session } = this.load(questionId);
      // A question of another server's session is not this member's to join, whatever its id.
      if (question.guildId !== actor.guildId) throw new UserFacingError({ code: 'button-expired', what: 'question' });
      if (session.status === 'ended') throw SESSION_ENDED();
      // Who decided is the moderators' business: a member is told only that it was.
      const open = decideQuestion(question, 'approved');
      if (!open.ok)
        throw new UserFacingError(
          open.refusal.code === 'already-decided' ? { ...open.refusal, by: null } : open.refusal,
        );
      if (question.authorId === actor.id) throw new UserFacingError({ code: 'own-question' });
      // Ask anyway first, then Me too on the same reply: their own copy already counts them.
      if (this.context.repository.askedAlready(session.id, questionMatchKey(question.text), actor.id))
        throw new UserFacingError({ code: 'already-asked' });
      const added = this.context.repository.addCoAsker(
        question.id,
        { id: actor.id, name: actor.name },
        this.context.now(),
        {
          guildId: session.guildId,
          sessionId: session.id,
          actorId: actor.id,
          action: 'me-too',
          detail: `question ${question.id}`,
          at: this.context.now(),
        },
      );
      if (!added) throw new UserFacingError({ code: 'already-asked' });
      await this.refreshModMessage(question.id, session);
      return renderMeTooReply(question.coAskers.length + 2);
    });
  }

  private async queue(
    session: StudySession,
    settings: GuildSettings,
    author: Asker,
    text: string,
    landedOn: number | null,
    fromDraft?: number,
  ): Promise<MessageView> {
    const { repository, now } = this.context;
    const key = `${session.id}:${author.id}`;
    const wait = this.turns.remainingMs(key, now(), settings.cooldownSeconds * 1000);
    if (wait > 0) throw new UserFacingError({ code: 'cooldown', remainingMs: wait });
    const admitted = unwrap(admitQuestion(text, session, settings, repository.waitingFrom(session.id, author.id)));
    this.turns.use(key, now());
    const { status } = admitted;
    const reason = admitted.status === 'rejected' ? admitted.reason : null;
    const audit =
      reason === null
        ? undefined
        : {
            guildId: session.guildId,
            sessionId: session.id,
            actorId: author.id,
            action: 'auto-reject' as const,
            detail: reason,
            at: now(),
          };
    const question = repository.addQuestion(
      {
        sessionId: session.id,
        guildId: session.guildId,
        authorId: author.id,
        authorName: author.name,
        text,
        status,
        createdAt: now(),
        reason,
        matchKey: questionMatchKey(text),
        landedOn,
      },
      audit,
      fromDraft,
    );
    if (reason !== null) return textView(renderQueuedReply({ kind: 'auto-rejected', reason }));
    const position = repository.waitingUpTo(session.id, question.id);
    if (status === 'held') return textView(renderQueuedReply({ kind: 'held', position }));
    const posted = await this.postForModerators(question, session, settings);
    return textView(renderQueuedReply({ kind: posted ? 'sent' : 'unposted', position }));
  }

  /**
   * Checks that the actor may decide and the question is still open, before a modal asks for a reason.
   *
   * @throws {UserFacingError}
   */
  checkDecidable(actor: StudyActor, questionId: number): void {
    const { question, session, settings } = this.load(questionId);
    requireModerator(this.context.repository, settings, actor, 'reject', this.context.now(), question.sessionId);
    unwrap(decideQuestion(question, 'rejected'));
    if (session.status === 'ended') {
      // The refusal must answer the press at once (a modal would have to); the copy's buttons go meanwhile.
      void this.refreshModMessage(question.id, session);
      throw SESSION_ENDED();
    }
  }

  approve(actor: StudyActor, questionId: number): Promise<string> {
    return this.inTurnOf(questionId, async () => {
      const { repository, now } = this.context;
      // Approved earlier but its answer never got posted (Discord failed): this Approve posts it, deciding nothing anew.
      const loaded = this.load(questionId);
      const retrying = loaded.question.status === 'approved';
      if (retrying) {
        requireModerator(repository, loaded.settings, actor, 'approve', now(), loaded.session.id);
        if (loaded.session.status === 'ended') throw SESSION_ENDED();
      }
      const { question, session, settings } = retrying
        ? loaded
        : await this.decide(actor, questionId, 'approved', null);
      await this.postAnswer(question, session);
      await this.refreshModMessage(question.id, session);
      await announce(
        this.context,
        settings,
        renderModLogLine({
          kind: 'approved',
          actorId: actor.id,
          questionId: question.id,
          authorId: question.authorId,
          threadId: session.threadId,
        }),
      );
      return renderApprovedReply(session.threadId);
    });
  }

  reject(actor: StudyActor, questionId: number, reason: string | null): Promise<string> {
    return this.inTurnOf(questionId, async () => {
      const { publisher } = this.context;
      const { question, session, settings } = await this.decide(actor, questionId, 'rejected', reason);
      const told = await publisher.notify(
        question.authorId,
        renderRejectionNotice(session.title, question.text, reason),
      );
      await this.refreshModMessage(question.id, session);
      await announce(
        this.context,
        settings,
        renderModLogLine({
          kind: 'rejected',
          actorId: actor.id,
          questionId: question.id,
          authorId: question.authorId,
          reason,
        }),
      );
      return renderRejectedReply(told);
    });
  }

  /**
   * Reopen, after a Reject: the question goes back to the queue with Approve and Reject, its author is told privately,
   * and the audit log and the moderators' channel record it. Compare-and-set, so two presses reopen it once.
   */
  reopen(actor: StudyActor, questionId: number): Promise<string> {
    return this.inTurnOf(questionId, async () => {
      const { repository, publisher, now } = this.context;
      const { question, session, settings } = this.load(questionId);
      requireModerator(repository, settings, actor, 'reopen', now(), session.id);
      await this.refuseIfEnded(question.id, session);
      const audit = {
        guildId: session.guildId,
        sessionId: session.id,
        actorId: actor.id,
        action: 'reopen' as const,
        detail: `question ${question.id}${question.reason ? ` (was rejected: ${question.reason})` : ''}`,
        at: now(),
      };
      if (question.status !== 'rejected' || !repository.reopen(question.id, audit))
        throw new UserFacingError({ code: 'not-rejected' });
      const told = await publisher.notify(question.authorId, renderReopenedNotice(session.title, question.text));
      // A question rejected automatically (a blocked term) never had a copy: it needs one now to be decided.
      const reopened = repository.question(question.id) ?? question;
      if (reopened.modMessageId === null) await this.postForModerators(reopened, session, settings);
      else await this.refreshModMessage(question.id, session);
      await announce(
        this.context,
        settings,
        renderModLogLine({ kind: 'reopened', actorId: actor.id, questionId: question.id, authorId: question.authorId }),
      );
      return renderReopenedReply(told);
    });
  }

  /**
   * Takes Approve and Reject off the moderators' copies of an ended session's newest undecided questions, saying why,
   * and Reopen off its newest rejected ones. At most {@link MAX_COPIES_CLOSED_AT_END} of each: a queue a raid has
   * filled would otherwise hold the end for as many rate-limited edits; an older copy loses its buttons when someone
   * presses one.
   */
  async closeWaiting(session: StudySession): Promise<void> {
    const { repository } = this.context;
    const copies = [
      ...repository.waiting(session.id).slice(-MAX_COPIES_CLOSED_AT_END),
      ...repository.rejectedWithCopies(session.id, MAX_COPIES_CLOSED_AT_END),
    ];
    for (const question of copies) await this.refreshModMessage(question.id, session);
  }

  /** Posts a resumed session's released questions for the moderators. */
  async postReleased(
    questions: readonly QueuedQuestion[],
    session: StudySession,
    settings: GuildSettings,
  ): Promise<void> {
    for (const question of questions) await this.postForModerators(question, session, settings);
  }

  /**
   * After a restart: posts what a crash left unposted (moderators' copies, approved answers) in live sessions. Each in
   * its question's turn and only if still unposted, so a moderator acting meanwhile cannot cause a second post.
   */
  async recover(): Promise<void> {
    const { repository } = this.context;
    for (const { id } of repository.unposted()) {
      await this.inTurnOf(id, async () => {
        const question = repository.question(id);
        const session = question && repository.sessionById(question.sessionId);
        if (question?.status === 'pending' && !question.modMessageId && session && session.status !== 'ended') {
          await this.postForModerators(question, session, repository.settings(session.guildId, this.context.defaults));
        }
      });
    }
    for (const { id } of repository.unanswered()) {
      await this.inTurnOf(id, async () => {
        const question = repository.question(id);
        const session = question && repository.sessionById(question.sessionId);
        if (question?.status === 'approved' && session && session.status !== 'ended')
          await this.postAnswer(question, session);
      });
    }
  }

  /** The approved question, credited, with its answer, in the session's thread; then marked answered. */
  private async postAnswer(question: QueuedQuestion, session: StudySession): Promise<void> {
    const answer = await this.context.commands.ask({
      question: question.text,
      results: APPROVED_ANSWER_PASSAGES,
      private: false,
      user: question.authorId,
    });
    await this.context.publisher.post(
      session.threadId,
      renderApprovedQuestion(question, answer),
      `answer-${question.id}`,
    );
    this.context.repository.markAnswered(question.id);
  }

  /**
   * Runs `task` in the turn of the question's session thread, as the thread's asks, moves, pause and end run: so an
   * Approve cannot post its answer after the session's end has locked the thread or counted the recap.
   */
  private inTurnOf<T>(questionId: number, task: () => Promise<T>): Promise<T> {
    const question = this.context.repository.question(questionId);
    const session = question && this.context.repository.sessionById(question.sessionId);
    return this.context.serial.run(session ? session.threadId : `question:${questionId}`, task);
  }

  private async decide(actor: StudyActor, questionId: number, status: 'approved' | 'rejected', reason: string | null) {
    const { repository, now } = this.context;
    const { question, session, settings } = this.load(questionId);
    requireModerator(repository, settings, actor, status === 'approved' ? 'approve' : 'reject', now(), session.id);
    unwrap(decideQuestion(question, status));
    await this.refuseIfEnded(question.id, session);
    const audit = {
      guildId: session.guildId,
      sessionId: session.id,
      actorId: actor.id,
      action: status === 'approved' ? ('approve' as const) : ('reject' as const),
      detail: `question ${question.id}${reason ? `: ${reason}` : ''}`,
      at: now(),
    };
    if (!repository.decide(question.id, { status, by: actor.id, at: now(), reason }, audit)) {
      const latest = repository.question(question.id) ?? question;
      const refusal = decideQuestion(latest, status);
      throw new UserFacingError(refusal.ok ? { code: 'decided-meanwhile' } : refusal.refusal);
    }
    return { question: repository.question(question.id) ?? question, session, settings };
  }

  /**
   * Deciding or reopening for an ended session would store a decision nobody can act on: its thread is locked. The
   * copy still had buttons (older than those closed at the end, or a crash came first): they go now.
   */
  private async refuseIfEnded(questionId: number, session: StudySession): Promise<void> {
    if (session.status !== 'ended') return;
    await this.refreshModMessage(questionId, session);
    throw SESSION_ENDED();
  }

  private load(questionId: number): { question: QueuedQuestion; session: StudySession; settings: GuildSettings } {
    const { repository } = this.context;
    const question = repository.question(questionId);
    const session = question && repository.sessionById(question.sessionId);
    if (!question || !session) throw new UserFacingError({ code: 'button-expired', what: 'question' });
    return { question, session, settings: repository.settings(session.guildId, this.context.defaults) };
  }

  /** Posts the moderators' copy; false when it could not (left unposted in the store for recovery to post). */
  private async postForModerators(
    question: QueuedQuestion,
    session: StudySession,
    settings: GuildSettings,
  ): Promise<boolean> {
    if (settings.modChannelId === null) return false;
    try {
      const messageId = await this.context.publisher.post(
        settings.modChannelId,
        renderQueuedQuestion(question, session),
        `question-${question.id}`,
      );
      this.context.repository.setModMessage(question.id, settings.modChannelId, messageId);
      return true;
    } catch (error) {
      this.context.logger.warn({ err: error, question: question.id }, 'could not post a question for the moderators');
      return false;
    }
  }

  private async refreshModMessage(questionId: number, session: StudySession): Promise<void> {
    const question = this.context.repository.question(questionId);
    if (!question?.modChannelId || !question.modMessageId) return;
    await this.context.publisher
      .edit(question.modChannelId, question.modMessageId, renderQueuedQuestion(question, session))
      .catch((error: unknown) => {
        this.context.logger.warn(
          { err: error, question: questionId },
          'could not update the moderators’ copy of a question',
        );
      });
  }
}
