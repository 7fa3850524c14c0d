import type { FeedbackReport } from '../feedback-report.js';

/** A member's words on an operator's terminal: one line, no control characters (no escape sequences, no bidi). */
const oneLine = (text: string): string =>
  text
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** Whole minutes in UTC, e.g. `2026-12-03 07:40 UTC`. */
const formatTime = (at: number): string => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The report as text for a terminal: the totals, then each answer rated down with its question, when, how it was
 * answered (mode, the ¶ numbers of its ranking) and its counts. `citation` names a ¶ (`¶12 State Threats`).
 */
export function renderFeedbackReport(report: FeedbackReport, citation: (paragraph: number) => string): string {
  if (report.ratings === 0) return 'No ratings yet: members rate /ask answers with 👍 and 👎.';
  const share = Math.round((report.shareUp ?? 0) * 100);
  const lines = [
    `${report.ratings} rating${report.ratings === 1 ? '' : 's'} of ${report.answers} answer${report.answers === 1 ? '' : 's'}: ${share}% rated up (${report.up} 👍, ${report.down} 👎).`,
  ];
  if (report.ratedDown.length === 0) return [...lines, 'No answer was rated down.'].join('\n');
  lines.push('', `Rated down, most recent first (${report.ratedDown.length}):`);
  for (const answer of report.ratedDown) {
    lines.push(
      '',
      `${formatTime(answer.lastDownAt ?? answer.createdAt)} · ${answer.down} 👎 ${answer.up} 👍 · ${answer.mode}${answer.private ? ' · private' : ''}`,
      `  Q: ${oneLine(answer.question)}`,
      `  Answered with: ${answer.ranking.length === 0 ? 'nothing (no passage matched)' : answer.ranking.slice(0, 5).map(citation).join(', ')}`,
    );
  }
  return lines.join('\n');
}
