import type { Retriever } from './passage-retriever.js';

/** A question and the ¶ numbers that answer it. */
export interface JudgedQuestion {
  readonly question: string;
  readonly paragraphs: readonly number[];
}

/** Ranking quality over a question set: hit@1, hit@3 and mean reciprocal rank (over the top 10), each 0…1. */
export interface RetrievalQuality {
  readonly questions: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly mrr: number;
  /** Share of the questions answered confidently. */
  readonly confidentShare: number;
  /** Confident answers, and how many of them have a right top passage. */
  readonly confident: number;
  readonly confidentRight: number;
  /** Questions whose answer was not in the top 3, for reading. */
  readonly misses: ReadonlyArray<{
    readonly question: string;
    readonly expected: readonly number[];
    readonly got: readonly number[];
  }>;
}

/** Asks every question and scores where the first answering paragraph ranks, and how often `confident` is right. */
export async function measureRetrievalQuality(
  retriever: Retriever,
  questions: readonly JudgedQuestion[],
): Promise<RetrievalQuality> {
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocalRanks = 0;
  let confident = 0;
  let confidentRight = 0;
  const misses: Array<RetrievalQuality['misses'][number]> = [];
  for (const { question, paragraphs } of questions) {
    const answer = await retriever.ask(question, { limit: 10 });
    const got = answer.passages.map((passage) => passage.paragraph.number);
    const rank = got.findIndex((number) => paragraphs.includes(number)) + 1;
    if (rank === 1) hitAt1 += 1;
    if (rank >= 1 && rank <= 3) hitAt3 += 1;
    else misses.push({ question, expected: paragraphs, got: got.slice(0, 3) });
    if (rank >= 1) reciprocalRanks += 1 / rank;
    if (answer.confident) {
      confident += 1;
      if (rank === 1) confidentRight += 1;
    }
  }
  const count = Math.max(1, questions.length);
  return {
    questions: questions.length,
    hitAt1: hitAt1 / count,
    hitAt3: hitAt3 / count,
    mrr: reciprocalRanks / count,
    confidentShare: confident / count,
    confident,
    confidentRight,
    misses,
  };
}
