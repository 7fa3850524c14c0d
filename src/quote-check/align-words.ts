/** One step of an alignment, in reading order; `quote` and `speech` are word indices. */
export type AlignmentStep =
  | { readonly kind: 'match'; readonly quote: number; readonly speech: number }
  | { readonly kind: 'substitute'; readonly quote: number; readonly speech: number }
  /** A speech word the quote leaves out. */
  | { readonly kind: 'remove'; readonly speech: number }
  /** A quote word the speech does not have, standing before speech word `before` (the span's `end` when last). */
  | { readonly kind: 'add'; readonly quote: number; readonly before: number };

/** The best place of a quote in a stretch of the speech's word stream. */
export interface WordAlignment {
  /** Word edits (substitutions, removals, additions) between the quote and the speech span. */
  readonly edits: number;
  /** Words quoted exactly. */
  readonly matches: number;
  /** The span of the speech: stream indices `start` (inclusive) to `end` (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly steps: readonly AlignmentStep[];
}

/**
 * Aligns a quote's words with the speech words `from`…`to` (exclusive) by word edit distance, semi-globally: the
 * whole quote against any span of the stretch, so starting and ending mid-stretch is free. Ties go to the earliest,
 * shortest span.
 */
export function alignWords(
  quote: readonly string[],
  speech: readonly string[],
  from: number,
  to: number,
): WordAlignment {
  const rows = quote.length + 1;
  const columns = to - from + 1;
  // One flat table: cell (i, j) is the cost of quote[0, i) ending just before speech[from + j].
  const cost = new Int32Array(rows * columns);
  for (let i = 1; i < rows; i += 1) {
    cost[i * columns] = i;
    const word = quote[i - 1];
    for (let j = 1; j < columns; j += 1) {
      const diagonal = cost[(i - 1) * columns + j - 1]! + (speech[from + j - 1] === word ? 0 : 1);
      const add = cost[(i - 1) * columns + j]! + 1;
      const remove = cost[i * columns + j - 1]! + 1;
      cost[i * columns + j] = Math.min(diagonal, add, remove);
    }
  }
  const last = (rows - 1) * columns;
  let j = 0;
  for (let candidate = 1; candidate < columns; candidate += 1)
    if (cost[last + candidate]! < cost[last + j]!) j = candidate;
  const edits = cost[last + j]!;
  const end = from + j;

  const steps: AlignmentStep[] = [];
  let matches = 0;
  for (let i = rows - 1; i > 0;) {
    const here = cost[i * columns + j]!;
    const same = j > 0 && speech[from + j - 1] === quote[i - 1];
    // A match first; then an addition before a substitution, so that a member's extra words before or after the
    // passage are shown as theirs rather than as replacing the neighbouring speech words (both cost one edit).
    if (same && here === cost[(i - 1) * columns + j - 1]!) {
      steps.push({ kind: 'match', quote: i - 1, speech: from + j - 1 });
      matches += 1;
      i -= 1;
      j -= 1;
    } else if (here === cost[(i - 1) * columns + j]! + 1) {
      steps.push({ kind: 'add', quote: i - 1, before: from + j });
      i -= 1;
    } else if (j > 0 && here === cost[(i - 1) * columns + j - 1]! + 1) {
      steps.push({ kind: 'substitute', quote: i - 1, speech: from + j - 1 });
      i -= 1;
      j -= 1;
    } else {
      steps.push({ kind: 'remove', speech: from + j - 1 });
      j -= 1;
    }
  }
  return { edits, matches, start: from + j, end, steps: steps.reverse() };
}
