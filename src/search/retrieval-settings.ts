/** How the retriever combines its evidence; fixed in code, overridable to measure what each part adds. */
export interface RetrievalSettings {
  /** Weight of a chunk's or paragraph's WordNet expansion field against its own words. */
  readonly expansionFieldWeight: number;
  /** Weight of the whole-paragraph BM25 score against the best chunk's, both scaled to the best of their ranking. */
  readonly paragraphWeight: number;
  /** Whether questions about the speech's structure (its opening, end, parts, plan) rank those paragraphs first. */
  readonly structure: boolean;
  /** Share of the question's weight a paragraph must cover for a lexical match to count as an answer. */
  readonly minimumCoverage: number;
  /** Share of the strongest lexical evidence any passage has that a confident lexical match must also have. */
  readonly relativeEvidence: number;
}

export const DEFAULT_RETRIEVAL: RetrievalSettings = {
  expansionFieldWeight: 0.3,
  paragraphWeight: 1,
  structure: true,
  minimumCoverage: 0.5,
  relativeEvidence: 0.7,
};
