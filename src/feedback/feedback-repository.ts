import type { RatedAnswer, Rating, StoredAnswer } from './feedback-types.js';

/** A new answer to keep, the asker already hashed. */
export type NewAnswer = Omit<StoredAnswer, 'id'>;

/** The feedback store: kept answers and one rating per member and answer. */
export interface FeedbackRepository {
  /** Keeps an answer; answers nobody rated that are older than `forgetBefore` are forgotten in the same step. */
  insertAnswer(answer: NewAnswer, forgetBefore: number): number;
  answer(id: number): StoredAnswer | undefined;
  /** The member's rating of the answer, if any. */
  rating(answerId: number, memberHash: string): Rating | undefined;
  /** Records or replaces the member's rating of the answer. */
  saveRating(answerId: number, memberHash: string, rating: Rating, at: number): void;
  /** Every answer with at least one rating. */
  ratedAnswers(): RatedAnswer[];
}
