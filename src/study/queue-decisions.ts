import { checkQuestion } from '../search/validate-question.js';
import { accept, refuse, type Outcome } from '../refusal/refusal.js';
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
): Outcome<{ status: 'held' | 'pending' } | { status: 'rejected'; reason: string }> {
  if (session.status === 'ended') return refuse({ code: 'session-ended' });
  const checked = checkQuestion(text);
  if (!checked.ok) return checked;
  if (waitingFromMember >= MAX_PENDING_PER_MEMBER)
    return refuse({ code: 'too-many-pending', waiting: waitingFromMember });
  const lower = text.toLowerCase();
  const blocked = settings.blockedTerms.find((term) => term.trim() !== '' && lower.includes(term.trim().toLowerCase()));
  if (blocked !== undefined)
    return accept({ status: 'rejected', reason: 'It contains a term this server does not allow in questions.' });
  return accept({ status: session.status === 'paused' ? 'held' : 'pending' });
}

/** A moderator's decision on a question: only a pending (or held) question can be decided, and only once. */
export function decideQuestion(question: QueuedQuestion, decision: 'approved' | 'rejected'): Outcome<QuestionDecision> {
  if (question.status !== 'pending' && question.status !== 'held') {
    return refuse({
      code: 'already-decided',
      status: question.status === 'answered' ? 'approved' : question.status,
      by: question.decidedBy,
    });
  }
  return accept({ status: decision });
}

export interface QuestionDecision {
  readonly status: 'approved' | 'rejected';
}
