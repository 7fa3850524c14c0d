import type { Outcome, RefusalCode } from '../../src/refusal/refusal.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';

/** A refusal as a member meets it: its code and the words the one renderer gives it (unescaped, as the CLI shows). */
export interface ShownRefusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

/** An outcome with its refusal in words, so a test asserts what the member reads. */
export function shownOutcome<T>(outcome: Outcome<T>): { readonly ok: true; readonly value: T } | ShownRefusal {
  return outcome.ok ? outcome : { ok: false, code: outcome.refusal.code, message: renderRefusal(outcome.refusal) };
}

/** What `action` throws, as the member reads it; fails when it throws anything but a refusal, or nothing. */
export function shownThrow(action: () => unknown): ShownRefusal {
  try {
    action();
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, code: error.code, message: renderRefusal(error.refusal) };
    throw error;
  }
  throw new Error('expected a refusal, but nothing was thrown');
}

/** {@link shownThrow} for an async action. */
export async function shownRejection(action: () => Promise<unknown>): Promise<ShownRefusal> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, code: error.code, message: renderRefusal(error.refusal) };
    throw error;
  }
  throw new Error('expected a refusal, but nothing was rejected');
}
