import { UserFacingError } from '../refusal/user-facing-error.js';

/** The most passages one answer holds: what the CLI's `--k`, the retriever and the answer's buttons allow. */
export const MAX_PASSAGES = 10;
/** Passages in an answer when the asker names no number. */
export const DEFAULT_PASSAGES = 3;

/**
 * The number of passages asked for, when it is one an answer can hold: a whole number from 1 to {@link MAX_PASSAGES}.
 *
 * @param option - how the asker named the number, for the refusal ("--k", "The number of results").
 * @throws {UserFacingError} `results-out-of-range` otherwise.
 */
export function checkResultCount(count: number, option = 'The number of results'): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PASSAGES)
    throw new UserFacingError({ code: 'results-out-of-range', option, max: MAX_PASSAGES });
  return count;
}
