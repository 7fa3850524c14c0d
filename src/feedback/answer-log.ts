/** An /ask answer as it is kept for its ratings: what was asked, what was answered, how, and for whom. */
export interface KeptAnswer {
  readonly question: string;
  /** ¶ numbers of the ranking, best first. */
  readonly ranking: readonly number[];
  /** The retrieval mode that answered (`hybrid` or `lexical`). */
  readonly mode: string;
  /** Shown only to the asker: then only the asker may rate it. */
  readonly private: boolean;
  /** The asker's Discord id; it is stored only hashed. */
  readonly owner: string;
}

/**
 * Where answers are kept so that members can rate them. `keep` never throws: an answer that cannot be kept is sent
 * without rating buttons, because a broken feedback store must not cost a member their answer.
 */
export interface AnswerLog {
  /** The kept answer's id, or `undefined` when it could not be kept. */
  keep(answer: KeptAnswer): number | undefined;
}
