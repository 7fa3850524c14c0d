/** Codes of the failures a user can cause and fix; each maps to a message fit to show them. */
export type UserFacingErrorCode =
  | 'question-empty'
  | 'question-too-long'
  | 'question-without-words'
  | 'unknown-section'
  | 'ambiguous-section'
  | 'paragraph-out-of-range'
  | 'quote-too-long'
  | 'cooldown'
  | 'button-expired'
  | 'not-yours'
  | 'unknown-command'
  | 'bad-option'
  | 'stale-command'
  | 'not-moderator'
  | 'no-session'
  | 'study-refused'
  | 'results-out-of-range';

/**
 * The one error class whose message may be shown to a user as it is: short, actionable, free of internals.
 * Every other error is a fault, logged in full and shown only as "something went wrong".
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  constructor(
    readonly code: UserFacingErrorCode,
    message: string,
    /** The message quotes what the user typed, so it must be escaped before Discord renders it. */
    readonly quotesUserInput: boolean = false,
  ) {
    super(message);
  }
}
