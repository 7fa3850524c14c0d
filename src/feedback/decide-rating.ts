import type { Refusal } from '../refusal/refusal.js';
import type { Rating, StoredAnswer } from './feedback-types.js';

/** What a press of 👍 or 👎 comes to. */
export type RatingDecision =
  | { readonly action: 'save'; readonly rating: Rating; readonly previous: Rating | undefined }
  | { readonly action: 'unchanged'; readonly rating: Rating }
  | { readonly action: 'refuse'; readonly refusal: Refusal };

/**
 * Decides a rating: an answer the store does not hold (forgotten, or a forged id) is an expired button; a private
 * answer is the asker's alone to rate (only they could see it, so anyone else's press is forged); the same rating
 * twice changes nothing, and says so.
 */
export function decideRating(
  answer: StoredAnswer | undefined,
  memberHash: string,
  previous: Rating | undefined,
  rating: Rating,
): RatingDecision {
  if (!answer) return { action: 'refuse', refusal: { code: 'button-expired', what: 'button' } };
  if (answer.private && answer.ownerHash !== memberHash)
    return { action: 'refuse', refusal: { code: 'not-your-answer' } };
  if (previous === rating) return { action: 'unchanged', rating };
  return { action: 'save', rating, previous };
}
