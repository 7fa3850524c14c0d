import { describe, expect, it } from 'vitest';
import { endSession, moveTo, pauseSession, resumeSession, startSession } from '../../src/study/session-transitions.js';
import type { StudySession } from '../../src/study/study-types.js';
import type { Outcome } from '../../src/refusal/refusal.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { shownOutcome } from '../support/shown-refusal.js';

const PARAGRAPHS = 31;
const started: StudySession = {
  id: 1,
  ...startSession({
    guildId: 'g',
    channelId: 'c',
    threadId: 't',
    title: 'State Threats',
    sectionId: 'state-threats',
    startedBy: 'mod',
    startedAt: 1000,
    moderated: true,
    from: 6,
  }),
};
const value = <T>(outcome: Outcome<T>): T => {
  if (!outcome.ok) throw new Error(renderRefusal(outcome.refusal));
  return outcome.value;
};

describe('study session transitions', () => {
  it('starts active on the chosen paragraph, which counts as covered', () => {
    expect(started).toMatchObject({
      status: 'active',
      currentParagraph: 6,
      covered: [6],
      endedAt: null,
      promptCursor: 0,
    });
  });

  it('moves forward, back and to any paragraph, recording each once, in order', () => {
    const next = value(moveTo(started, 7, PARAGRAPHS));
    const back = value(moveTo(next, 6, PARAGRAPHS));
    const jump = value(moveTo(back, 3, PARAGRAPHS));
    expect(jump).toMatchObject({ currentParagraph: 3, covered: [3, 6, 7], promptCursor: 3 });
  });

  it('refuses to move past either end of the speech, saying which end', () => {
    const last = value(moveTo(started, PARAGRAPHS, PARAGRAPHS));
    expect(shownOutcome(moveTo(last, PARAGRAPHS + 1, PARAGRAPHS))).toMatchObject({
      ok: false,
      code: 'paragraph-out-of-range',
      message: 'This is the last paragraph of the speech.',
    });
    const first = value(moveTo(started, 1, PARAGRAPHS));
    expect(shownOutcome(moveTo(first, 0, PARAGRAPHS))).toMatchObject({
      ok: false,
      message: 'This is the first paragraph of the speech.',
    });
    expect(shownOutcome(moveTo(started, 99, PARAGRAPHS))).toMatchObject({
      ok: false,
      message: 'Paragraphs are numbered ¶1 to ¶31.',
    });
  });

  it('pauses and resumes, refusing a pause while paused and a resume while running', () => {
    const paused = value(pauseSession(started));
    expect(paused.status).toBe('paused');
    expect(shownOutcome(pauseSession(paused))).toMatchObject({ ok: false, code: 'session-paused' });
    expect(shownOutcome(resumeSession(started))).toMatchObject({ ok: false, code: 'not-paused' });
    expect(value(resumeSession(paused)).status).toBe('active');
  });

  it('still moves through passages while paused', () => {
    expect(value(moveTo(value(pauseSession(started)), 7, PARAGRAPHS))).toMatchObject({
      status: 'paused',
      currentParagraph: 7,
    });
  });

  it('ends once, with its end time, and then refuses everything', () => {
    const ended = value(endSession(started, 5000));
    expect(ended).toMatchObject({ status: 'ended', endedAt: 5000 });
    for (const outcome of [
      endSession(ended, 6000),
      moveTo(ended, 7, PARAGRAPHS),
      pauseSession(ended),
      resumeSession(ended),
    ]) {
      expect(shownOutcome(outcome)).toMatchObject({ ok: false, code: 'session-ended' });
    }
  });
});
