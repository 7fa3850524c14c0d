import { describe, expect, it } from 'vitest';
import { buildFeedbackReport } from '../../src/feedback/feedback-report.js';
import type { RatedAnswer } from '../../src/feedback/feedback-types.js';
import { renderFeedbackReport } from '../../src/feedback/views/render-feedback-report.js';

const rated = (
  id: number,
  up: number,
  down: number,
  lastDownAt?: number,
  question = `question ${id}`,
): RatedAnswer => ({
  id,
  question,
  ranking: [id, id + 1],
  mode: 'lexical',
  private: false,
  ownerHash: 'hash',
  createdAt: Date.UTC(2026, 11, 1),
  up,
  down,
  lastDownAt,
});

describe('the feedback report', () => {
  it('gives the share of ratings that are up, and the answers rated down with the latest 👎 first', () => {
    const report = buildFeedbackReport([
      rated(1, 3, 0),
      rated(2, 0, 1, Date.UTC(2026, 11, 2)),
      rated(3, 1, 1, Date.UTC(2026, 11, 3)),
    ]);
    expect(report).toMatchObject({ ratings: 6, answers: 3, up: 4, down: 2 });
    expect(report.shareUp).toBeCloseTo(4 / 6);
    expect(report.ratedDown.map((answer) => answer.id)).toEqual([3, 2]);
    const text = renderFeedbackReport(report, (n) => `¶${n}`);
    expect(text.split('\n')[0]).toBe('6 ratings of 3 answers: 67% rated up (4 👍, 2 👎).');
    expect(text.indexOf('question 3')).toBeLessThan(text.indexOf('question 2'));
    expect(text).toContain('2026-12-03 00:00 UTC · 1 👎 1 👍 · lexical');
    expect(text).toContain('Answered with: ¶3, ¶4');
    expect(text).not.toContain('question 1');
  });

  it('says so when nothing is rated yet, and when nothing was rated down', () => {
    expect(renderFeedbackReport(buildFeedbackReport([]), String)).toBe(
      'No ratings yet: members rate /ask answers with 👍 and 👎.',
    );
    expect(renderFeedbackReport(buildFeedbackReport([rated(1, 2, 0)]), String)).toContain('No answer was rated down.');
  });

  it('prints a member’s question on one line, without terminal escapes or direction overrides', () => {
    const hostile = 'why\u001b[2J\u001b]0;pwned\u0007 and\nthen \u202Eevil';
    const text = renderFeedbackReport(buildFeedbackReport([rated(1, 0, 1, 5, hostile)]), String);
    const line = text.split('\n').find((candidate) => candidate.startsWith('  Q: ')) ?? '';
    expect(line).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(line).toContain('and then');
  });
});
