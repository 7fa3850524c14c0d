import { MAX_QUESTION_LENGTH } from '../search/validate-question.js';
import { accept, refuse, type StudyOutcome } from './study-outcome.js';
import type { GuildSettings, QueuedQuestion, StudySession } from './study-types.js';

/** Most questions one member may have waiting in one session. */
export const MAX_PENDING_PER_MEMBER = 3;

/**
 * Where a member's question goes: refused outright (too long, too many waiting), rejected automatically for a
 * blocked term (kept, with the reason, so the audit shows it), or queued, held while the session is paused.
 */
export function admitQuestion(
  text: string,
  session: StudySession,
  settings: GuildSettings,
  waitingFromMember: number,
): StudyOutcome<{ status: 'held' | 'pending' } | { status: 'rejected'; reason: string }> {
  if (session.status === 'ended') return refuse('session-ended', 'This session has ended.');
  if ([...text].length > MAX_QUESTION_LENGTH)
    return refuse('too-long', `Questions are limited to ${MAX_QUESTION_LENGTH} characters.`);
  if (waitingFromMember >= MAX_PENDING_PER_MEMBER) {
    return refuse(
      'too-many-pending',
      `You already have ${waitingFromMember} questions waiting for the moderators; please wait for them to be answered.`,
    );
  }
  const lower = text.toLowerCase();
  const blocked = settings.blockedTerms.find((term) => term.trim() !== '' && lower.includes(term.trim().toLowerCase()));
  if (blocked !== undefined)
    return accept({ status: 'rejected', reason: 'It contains a term this server does not allow in questions.' });
  return accept({ status: session.status === 'paused' ? 'held' : 'pending' });
}

/** A moderator's decision on a question: only a pending (or held) question can be decided, and only once. */
export function decideQuestion(
  question: QueuedQuestion,
  decision: 'approved' | 'rejected',
): StudyOutcome<QuestionDecision> {
  if (question.status !== 'pending' && question.status !== 'held') {
    const by = question.decidedBy === null ? '' : ` by <@${question.decidedBy}>`;
    return refuse(
      'already-decided',
      `This question was already ${question.status === 'answered' ? 'approved' : question.status}${by}.`,
    );
  }
  return accept({ status: decision });
}

export interface QuestionDecision {
  readonly status: 'approved' | 'rejected';
}
