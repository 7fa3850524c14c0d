import type { AnswerLog, KeptAnswer } from './answer-log.js';
import { decideRating, type RatingDecision } from './decide-rating.js';
import type { FeedbackRepository } from './feedback-repository.js';
import type { Rating } from './feedback-types.js';

/** How long an answer nobody rated is kept: long enough to rate it later, not long enough to become a question log. */
export const UNRATED_ANSWER_DAYS = 30;

export interface AnswerFeedbackParts {
  readonly repository: FeedbackRepository;
  /** A member's id as the store knows it: a keyed hash, never the id itself. */
  readonly hashMember: (memberId: string) => string;
  readonly now: () => number;
  /** Hears of a store failure that was swallowed so that the answer still went out. */
  readonly onFailure: (error: unknown, what: 'keep' | 'rate') => void;
}

/**
 * Ratings of /ask answers: keeps each answer for its buttons and records one rating per member and answer.
 * Storage failures never reach the member's answer; a rating that cannot be stored is refused in words.
 */
export class AnswerFeedback implements AnswerLog {
  constructor(private readonly parts: AnswerFeedbackParts) {}

  keep(answer: KeptAnswer): number | undefined {
    const { repository, hashMember, now } = this.parts;
    try {
      const at = now();
      return repository.insertAnswer(
        {
          question: answer.question,
          ranking: answer.ranking,
          mode: answer.mode,
          private: answer.private,
          ownerHash: hashMember(answer.owner),
          createdAt: at,
        },
        at - UNRATED_ANSWER_DAYS * 86_400_000,
      );
    } catch (error) {
      this.parts.onFailure(error, 'keep');
      return undefined;
    }
  }

  /** Records `member`'s rating of an answer, or says why not. */
  rate(answerId: number, member: string, rating: Rating): RatingDecision {
    const { repository, hashMember, now } = this.parts;
    try {
      const memberHash = hashMember(member);
      const decision = decideRating(
        repository.answer(answerId),
        memberHash,
        repository.rating(answerId, memberHash),
        rating,
      );
      if (decision.action === 'save') repository.saveRating(answerId, memberHash, rating, now());
      return decision;
    } catch (error) {
      this.parts.onFailure(error, 'rate');
      return { action: 'refuse', refusal: { code: 'rating-unavailable' } };
    }
  }
}
