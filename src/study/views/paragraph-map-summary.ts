/** How many of the busiest paragraphs the summary names. */
export const MOST_ASKED_SHOWN = 5;

/**
 * The paragraph map in words: `Most questions: ¶19 (4), ¶12 (3). No questions yet on ¶1–5, ¶14–17.` The busiest
 * paragraphs (at most {@link MOST_ASKED_SHOWN}, ties by ¶ number), then those with no question as ranges; `No questions
 * yet.` when nothing was asked; no second sentence when every paragraph has a question.
 *
 * @param paragraphNumbers the speech's ¶ numbers, ascending.
 * @param countOf questions on a paragraph (0 when none).
 */
export function summarizeParagraphCounts(
  paragraphNumbers: readonly number[],
  countOf: (paragraphNumber: number) => number,
): string {
  const asked = paragraphNumbers
    .map((number) => ({ number, count: countOf(number) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || a.number - b.number);
  if (asked.length === 0) return 'No questions yet.';
  const most = `Most questions: ${asked
    .slice(0, MOST_ASKED_SHOWN)
    .map(({ number, count }) => `¶${number} (${count})`)
    .join(', ')}.`;
  const unasked = paragraphNumbers.filter((number) => countOf(number) <= 0);
  return unasked.length === 0 ? most : `${most} No questions yet on ${compressRanges(unasked).join(', ')}.`;
}

/** Ascending ¶ numbers as runs: `[1, 2, 3, 8]` → `['¶1–3', '¶8']` (en dash). */
export function compressRanges(numbers: readonly number[]): string[] {
  const runs: { first: number; last: number }[] = [];
  for (const number of numbers) {
    const run = runs.at(-1);
    if (run && number === run.last + 1) run.last = number;
    else runs.push({ first: number, last: number });
  }
  return runs.map(({ first, last }) => (first === last ? `¶${first}` : `¶${first}–${last}`));
}
