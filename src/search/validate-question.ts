import { accept, refuse, type Outcome } from '../refusal/refusal.js';
import { unwrapOutcome } from '../refusal/user-facing-error.js';

/** Longest question accepted, in characters (Discord's option limit for `/ask` is set to the same). */
export const MAX_QUESTION_LENGTH = 300;

/**
 * The one rule for a question, wherever it is asked (`/ask`, the study queue, the CLI): trimmed, and refused when
 * empty, overlong, or word-less (punctuation or emoji only).
 */
export function checkQuestion(raw: string): Outcome<string> {
  const question = raw.trim();
  if (question.length === 0) return refuse({ code: 'question-empty' });
  const length = [...question].length;
  if (length > MAX_QUESTION_LENGTH) return refuse({ code: 'question-too-long', length, max: MAX_QUESTION_LENGTH });
  if (!/[\p{L}\p{N}]/u.test(question)) return refuse({ code: 'question-without-words' });
  return accept(question);
}

/**
 * {@link checkQuestion}, for callers that end the request on a refusal.
 *
 * @throws {UserFacingError} `question-empty`, `question-too-long` or `question-without-words`.
 */
export function validateQuestion(raw: string): string {
  return unwrapOutcome(checkQuestion(raw));
}
