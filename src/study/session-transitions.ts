import { accept, refuse, type StudyOutcome } from './study-outcome.js';
import type { StudySession } from './study-types.js';

/** The fields a new session starts from; the repository assigns the id. */
export type NewSession = Omit<StudySession, 'id'>;

/** A session that opens on `from` (the section's first paragraph by default). */
export function startSession(
  input: Omit<NewSession, 'status' | 'currentParagraph' | 'covered' | 'endedAt' | 'promptCursor'> & { from: number },
): NewSession {
  const { from, ...rest } = input;
  return { ...rest, status: 'active', currentParagraph: from, covered: [from], endedAt: null, promptCursor: 0 };
}

/**
 * Puts another paragraph on the table (`next`, `previous`, `goto`). Allowed while paused (the reading can go on while
 * questions are held), never after the end; `paragraphs` is the speech's length.
 */
export function moveTo(session: StudySession, paragraph: number, paragraphs: number): StudyOutcome<StudySession> {
  if (session.status === 'ended') return refuse('session-ended', 'This session has ended.');
  if (!Number.isInteger(paragraph) || paragraph < 1 || paragraph > paragraphs) {
    const edge =
      paragraph < 1 ? 'This is the first paragraph of the speech.' : 'This is the last paragraph of the speech.';
    return refuse(
      'out-of-range',
      paragraph === session.currentParagraph + 1 || paragraph === session.currentParagraph - 1
        ? edge
        : `Paragraphs are numbered ¶1 to ¶${paragraphs}.`,
    );
  }
  const covered = [...new Set([...session.covered, paragraph])].sort((a, b) => a - b);
  return accept({ ...session, currentParagraph: paragraph, covered, promptCursor: session.promptCursor + 1 });
}

export function pauseSession(session: StudySession): StudyOutcome<StudySession> {
  if (session.status === 'ended') return refuse('session-ended', 'This session has ended.');
  if (session.status === 'paused') return refuse('session-paused', 'The session is already paused.');
  return accept({ ...session, status: 'paused' });
}

export function resumeSession(session: StudySession): StudyOutcome<StudySession> {
  if (session.status === 'ended') return refuse('session-ended', 'This session has ended.');
  if (session.status !== 'paused') return refuse('not-paused', 'The session is not paused.');
  return accept({ ...session, status: 'active' });
}

export function endSession(session: StudySession, now: number): StudyOutcome<StudySession> {
  if (session.status === 'ended') return refuse('session-ended', 'This session has already ended.');
  return accept({ ...session, status: 'ended', endedAt: now });
}
