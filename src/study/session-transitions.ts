import { accept, refuse, type Outcome } from '../refusal/refusal.js';
import { isParagraphNumber } from '../speech/find-paragraphs.js';
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
export function moveTo(session: StudySession, paragraph: number, paragraphs: number): Outcome<StudySession> {
  if (session.status === 'ended') return refuse({ code: 'session-ended' });
  if (!isParagraphNumber(paragraph, paragraphs)) {
    const stepped = paragraph === session.currentParagraph + 1 || paragraph === session.currentParagraph - 1;
    return refuse({
      code: 'paragraph-out-of-range',
      last: paragraphs,
      ...(stepped ? { edge: paragraph < 1 ? ('first' as const) : ('last' as const) } : {}),
    });
  }
  const covered = [...new Set([...session.covered, paragraph])].sort((a, b) => a - b);
  return accept({ ...session, currentParagraph: paragraph, covered, promptCursor: session.promptCursor + 1 });
}

export function pauseSession(session: StudySession): Outcome<StudySession> {
  if (session.status === 'ended') return refuse({ code: 'session-ended' });
  if (session.status === 'paused') return refuse({ code: 'session-paused' });
  return accept({ ...session, status: 'paused' });
}

export function resumeSession(session: StudySession): Outcome<StudySession> {
  if (session.status === 'ended') return refuse({ code: 'session-ended' });
  if (session.status !== 'paused') return refuse({ code: 'not-paused' });
  return accept({ ...session, status: 'active' });
}

export function endSession(session: StudySession, now: number): Outcome<StudySession> {
  if (session.status === 'ended') return refuse({ code: 'session-ended', already: true });
  return accept({ ...session, status: 'ended', endedAt: now });
}
