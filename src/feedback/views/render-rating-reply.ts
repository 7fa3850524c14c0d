import type { Rating } from '../feedback-types.js';

const FACE: Readonly<Record<Rating, string>> = { up: '👍', down: '👎' };

/** The private acknowledgement of a rating: what was recorded, changed, or left as it was. */
export function renderRatingReply(rating: Rating, previous: Rating | undefined, saved: boolean): string {
  if (!saved) return `You already rated this answer ${FACE[rating]}; nothing changed.`;
  const thanks =
    rating === 'up'
      ? 'Thanks: the team sees which answers helped.'
      : 'Thanks: the team reviews answers rated down to improve the bot.';
  if (previous === undefined) return `You rated this answer ${FACE[rating]}. ${thanks} Only the team sees ratings.`;
  return `You changed your rating of this answer from ${FACE[previous]} to ${FACE[rating]}. ${thanks}`;
}
