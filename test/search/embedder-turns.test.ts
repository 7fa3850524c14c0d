import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../src/search/adapters/transformers-embedder.js';
import { TINY_MODEL_SOURCE } from '../support/tiny-model-location.js';

// A burst of questions queues forward passes; between two passes the event loop must run, or no reply, deferral or
// timer could go out until the whole queue was through (the real transformers.js path, on the generated model).
describe('forward passes under a burst', () => {
  let embedder: TransformersEmbedder;
  beforeAll(async () => {
    embedder = await TransformersEmbedder.load(TINY_MODEL_SOURCE);
  });
  afterAll(async () => embedder?.dispose());

  it('run first come first served and let timers fire between them', async () => {
    const finished: number[] = [];
    let timerFiredAfter: number | undefined;
    setTimeout(() => (timerFiredAfter = finished.length), 0);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        embedder.embed(`question number ${index} about encryption`).then(() => finished.push(index)),
      ),
    );
    expect(finished).toEqual(Array.from({ length: 40 }, (_, index) => index));
    expect(timerFiredAfter).toBeDefined();
    expect(timerFiredAfter).toBeLessThan(40);
  });
});
