import type { Outcome, Refusal, RefusalCode } from './refusal.js';

/**
 * The one error class for an expected refusal of a member's request, thrown where returning an {@link Outcome} would
 * thread through many callers. It carries the refusal as data; its message is only the code (for logs and stacks):
 * the words a member reads come from `renderRefusal`.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  constructor(readonly refusal: Refusal) {
    super(`refused: ${refusal.code}`);
  }

  get code(): RefusalCode {
    return this.refusal.code;
  }
}

/** The outcome's value, or its refusal thrown as a {@link UserFacingError} when it ends the request. */
export function unwrapOutcome<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new UserFacingError(outcome.refusal);
  return outcome.value;
}
