import { OperatorError } from './operator-error.js';
import type { Refusal } from './refusal.js';
import { UserFacingError } from './user-facing-error.js';

/**
 * What a thrown value means, for every front end alike: a member's request refused (answered privately with its
 * words), a failure the operator fixes (its one-line message), or a fault (logged in full, never shown to a member).
 */
export type Failure =
  | { readonly kind: 'refusal'; readonly refusal: Refusal }
  | { readonly kind: 'operator'; readonly message: string }
  | { readonly kind: 'fault' };

/** Classifies a thrown value; anything that is not one of the expected error classes is a fault. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof UserFacingError) return { kind: 'refusal', refusal: error.refusal };
  if (error instanceof OperatorError) return { kind: 'operator', message: error.message };
  return { kind: 'fault' };
}

/** A command-line run's exit code: 2 for what the person running it can fix, 1 for a fault. */
export function exitCodeOf(failure: Failure): 1 | 2 {
  return failure.kind === 'fault' ? 1 : 2;
}
