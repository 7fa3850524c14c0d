import { UserFacingError } from '../refusal/user-facing-error.js';

/** Longest question accepted, in characters (Discord's option limit for `/ask` is set to the same). */
export const MAX_QUESTION_LENGTH = 300;

/**
 * Checks a question before any search: trims it and refuses empty, overlong, or word-less input (punctuation or
 * emoji only) with a message that says what to change.
 *
 * @throws {UserFacingError}
 */
export function validateQuestion(raw: string): string {
  const question = raw.trim();
  if (question.length === 0) throw new UserFacingError('question-empty', 'Ask a question: the text was empty.');
  const length = [...question].length;
  if (length > MAX_QUESTION_LENGTH) {
    throw new UserFacingError(
      'question-too-long',
      `That question is ${length} characters long; the limit is ${MAX_QUESTION_LENGTH}. Please shorten it.`,
    );
  }
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new UserFacingError('question-without-words', 'Ask a question in words: that text has no letters or digits.');
  }
  return question;
}
