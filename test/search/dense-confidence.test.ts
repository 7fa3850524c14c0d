import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/search/chunking/chunk.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';
import { TINY_MODEL_ID } from '../support/tiny-model-location.js';

// The dense rule makes a passage confident on similarity alone, so an off-topic question (which no lexical rule calls
// confident) shows it bare. The tiny model is not calibrated, so the tests give it a threshold themselves, as the
// product does for all-MiniLM-L6-v2 in DENSE_SIMILARITY_THRESHOLDS.
const OFF_TOPIC = 'How do I bake sourdough bread at home?';

describe('the dense confidence rule, with a threshold the test sets for the tiny model', () => {
  let where: Awaited<ReturnType<typeof temporaryFolder>>;
  const opened: OpenedIndex[] = [];
  /** Each paragraph's similarity to the question: its best chunk's cosine, computed here from the chunks' texts. */
  let similarity: Map<number, number>;

  async function openWithThreshold(threshold: number | undefined): Promise<OpenedIndex> {
    const index = await openTestIndex(where.folder, {
      dense: true,
      ...(threshold === undefined ? {} : { denseThresholds: { [TINY_MODEL_ID]: threshold } }),
    });
    opened.push(index);
    return index;
  }

  beforeAll(async () => {
    where = await temporaryFolder('dense-confidence');
    const index = await openWithThreshold(undefined);
    const embedder = index.embedder;
    if (!embedder) throw new Error('the tiny model did not load: this test needs the hybrid mode');
    const chunks = JSON.parse(await readFile(path.join(where.folder, index.manifest.chunks.file), 'utf8')) as Chunk[];
    const question = await embedder.embed(OFF_TOPIC);
    similarity = new Map();
    for (const chunk of chunks) {
      const vector = await embedder.embed(chunk.text);
      const cosine = vector.reduce((sum, value, i) => sum + value * (question[i] ?? 0), 0);
      similarity.set(chunk.paragraphNumber, Math.max(similarity.get(chunk.paragraphNumber) ?? -1, cosine));
    }
  }, 120_000);

  afterAll(async () => {
    for (const index of opened) await index.embedder?.dispose();
    await where.remove();
  });

  /**
   * A threshold halfway between the n-th and (n+1)-th most similar paragraphs, for the smallest n from 2 where the two
   * are far enough apart that float rounding (hnswlib computes in float32) cannot decide.
   */
  function thresholdAdmittingAFew(): { threshold: number; admitted: number[] } {
    const ranked = [...similarity.entries()].sort((a, b) => b[1] - a[1]);
    for (let n = 2; n <= 5; n += 1) {
      const [above, below] = [ranked[n - 1], ranked[n]];
      if (above && below && above[1] - below[1] >= 1e-4)
        return { threshold: (above[1] + below[1]) / 2, admitted: ranked.slice(0, n).map(([number]) => number) };
    }
    throw new Error('the most similar paragraphs are too close in similarity to separate');
  }

  it('calls no passage of an off-topic question confident when the model has no threshold', async () => {
    const index = opened[0];
    const answer = await index!.retriever.ask(OFF_TOPIC, { limit: 10 });
    expect(answer.mode).toBe('hybrid');
    expect(answer.passages.filter((passage) => passage.confident)).toEqual([]);
  });

  it('calls confident exactly the passages whose similarity reaches the threshold, and puts them first', async () => {
    const { threshold, admitted } = thresholdAdmittingAFew();
    const answer = await (await openWithThreshold(threshold)).retriever.ask(OFF_TOPIC, { limit: 10 });
    const confident = answer.passages.filter((passage) => passage.confident).map((passage) => passage.paragraph.number);
    expect(confident.sort((a, b) => a - b)).toEqual([...admitted].sort((a, b) => a - b));
    expect(answer.passages.slice(0, admitted.length).every((passage) => passage.confident)).toBe(true);
    expect(answer.confident).toBe(true);
  });

  it('calls nothing confident when no similarity reaches the threshold', async () => {
    const highest = Math.max(...similarity.values());
    const answer = await (await openWithThreshold(highest + 0.01)).retriever.ask(OFF_TOPIC, { limit: 10 });
    expect(answer.passages.filter((passage) => passage.confident)).toEqual([]);
    expect(answer.confident).toBe(false);
  });
});
