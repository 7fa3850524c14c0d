import type { StructuralReference } from './structural-reference.js';

/** A paragraph's place in one ranking: its ¶ number, the chunk to highlight, and the ranking's score. */
export interface RankedParagraph {
  readonly number: number;
  readonly chunk: number;
  readonly score: number;
}

/** What decides the order of an answer's paragraphs. */
export interface AnswerOrderInput {
  /** The content ranking (lexical, fused with dense in hybrid mode), best first. */
  readonly fused: readonly RankedParagraph[];
  /** A structural question's paragraphs, placed first. */
  readonly structure: StructuralReference | undefined;
  /** Whether a ¶ is in the scope asked (the whole speech or one section). */
  readonly inScope: (number: number) => boolean;
  readonly limit: number;
  readonly paragraphCount: number;
  /** Where the neighbours start from when nothing ranked: the scope's first paragraph. */
  readonly fallbackBest: number;
  /** A paragraph no ranking scored, at its first chunk, with a score. */
  readonly unranked: (number: number, score: number) => RankedParagraph;
}

/**
 * The answer's paragraphs in order: a structural question's paragraphs first (a part named alone ordered by the
 * content ranking), then the content ranking, then, until there are `limit`, the best paragraph and those around it,
 * nearest first. Each paragraph once, all in scope.
 */
export function orderAnswer(input: AnswerOrderInput): RankedParagraph[] {
  const order: RankedParagraph[] = [];
  const placed = new Set<number>();
  const place = (item: RankedParagraph) => {
    if (placed.has(item.number) || !input.inScope(item.number)) return;
    placed.add(item.number);
    order.push(item);
  };
  const { fused, structure } = input;
  if (structure) {
    const byContent = new Map(fused.map((item, rank) => [item.number, rank]));
    const numbers = structure.orderByContent
      ? [...structure.paragraphs].sort((a, b) => (byContent.get(a) ?? Infinity) - (byContent.get(b) ?? Infinity))
      : structure.paragraphs;
    numbers.forEach((number, index) =>
      place(fused.find((item) => item.number === number) ?? input.unranked(number, 1 - index / 100)),
    );
  }
  fused.forEach(place);
  const best = order[0]?.number ?? input.fallbackBest;
  for (let distance = 0; order.length < input.limit && distance <= input.paragraphCount; distance += 1) {
    for (const number of [best - distance, best + distance]) {
      if (number >= 1 && number <= input.paragraphCount) place(input.unranked(number, 0));
    }
  }
  return order;
}
