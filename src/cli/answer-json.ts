import type { Answer } from '../search/passage-retriever.js';

/** One result of `npm run ask -- --json`; the field names are a contract other tools rely on. */
export interface AnswerJsonResult {
  readonly id: string;
  readonly section: string;
  readonly paragraph: number;
  readonly score: number;
  readonly text: string;
  readonly highlight: string;
}

/** One line of `npm run ask -- --json`. `error` appears only when the question was refused. */
export interface AnswerJson {
  readonly question: string;
  readonly mode: 'hybrid' | 'lexical';
  readonly confident: boolean;
  readonly results: readonly AnswerJsonResult[];
  readonly error?: string;
}

/** The answer in the CLI's JSON contract. */
export function toAnswerJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    mode: answer.mode,
    confident: answer.confident,
    results: answer.passages.map((passage) => ({
      id: passage.id,
      section: passage.section.name,
      paragraph: passage.paragraph.number,
      score: Math.round(passage.score * 10_000) / 10_000,
      text: passage.paragraph.text,
      highlight: passage.highlight.text,
    })),
  };
}
