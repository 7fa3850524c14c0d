/** A member's rating of one answer. */
export type Rating = 'up' | 'down';

/** A kept answer as the store holds it: the asker known only by a hash. */
export interface StoredAnswer {
  readonly id: number;
  readonly question: string;
  readonly ranking: readonly number[];
  readonly mode: string;
  readonly private: boolean;
  readonly ownerHash: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** An answer that has ratings, with their counts and the time of the latest. */
export interface RatedAnswer extends StoredAnswer {
  readonly up: number;
  readonly down: number;
  /** When it was last rated down, if it was; milliseconds since the epoch. */
  readonly lastDownAt: number | undefined;
}
