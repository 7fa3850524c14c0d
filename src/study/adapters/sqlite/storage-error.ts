import { OperatorError } from '../../../refusal/operator-error.js';

/**
 * The study database cannot be used: it cannot be opened, created, migrated, or it is corrupted. The message names the
 * file or folder, because the operator fixing it needs to know which one; there is never a fallback to memory, which
 * would lose every session and question on the next restart without anyone noticing.
 */
export class StorageError extends OperatorError {
  override readonly name = 'StorageError';
}

/** The message of whatever was thrown, for appending to a {@link StorageError}'s own. */
export function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
