import type { RatedAnswer } from './feedback-types.js';

/** What the team reads: how many ratings, the share rated up, and the answers rated down, most recent first. */
export interface FeedbackReport {
  readonly ratings: number;
  readonly answers: number;
  readonly up: number;
  readonly down: number;
  /** Ratings that are 👍, from 0 to 1; `undefined` when there are none. */
  readonly shareUp: number | undefined;
  /** Answers with at least one 👎, the latest 👎 first. */
  readonly ratedDown: readonly RatedAnswer[];
}

/** Sums the rated answers into the report `npm run feedback` prints. */
export function buildFeedbackReport(rated: readonly RatedAnswer[]): FeedbackReport {
  const up = rated.reduce((sum, answer) => sum + answer.up, 0);
  const down = rated.reduce((sum, answer) => sum + answer.down, 0);
  return {
    ratings: up + down,
    answers: rated.length,
    up,
    down,
    shareUp: up + down === 0 ? undefined : up / (up + down),
    ratedDown: rated
      .filter((answer) => answer.down > 0)
      .sort((a, b) => (b.lastDownAt ?? 0) - (a.lastDownAt ?? 0) || b.id - a.id),
  };
}
