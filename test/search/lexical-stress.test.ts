import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStopword, normaliseForMatching } from '../../src/search/lexical/analyze-text.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { mulberry32 } from '../support/seeded-random.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

describe('lexical stress: four content words of any sentence', () => {
  let opened: OpenedIndex;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const temporary = await temporaryFolder('stress');
    remove = temporary.remove;
    opened = await openTestIndex(temporary.folder, { dense: false });
  });
  afterAll(async () => remove());

  it('find the sentence’s paragraph first at least 99 % of the time', async () => {
    const random = mulberry32(1407);
    let asked = 0;
    const misses: string[] = [];
    for (const paragraph of opened.speech.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const words = [
          ...new Set(normaliseForMatching(sentence.text).filter((word) => !isStopword(word) && word.length > 2)),
        ];
        if (words.length < 4) continue;
        const picked: string[] = [];
        while (picked.length < 4) picked.push(...words.splice(Math.floor(random() * words.length), 1));
        const query = picked.join(' ');
        asked += 1;
        const top = (await opened.retriever.ask(query, { limit: 1 })).passages[0]?.paragraph.number;
        if (top !== paragraph.number) misses.push(`¶${paragraph.number} "${query}" → ¶${top}`);
      }
    }
    console.info(
      `lexical stress: ${asked - misses.length} of ${asked} sentences found first${misses.length > 0 ? `; misses: ${misses.join('; ')}` : ''}`,
    );
    expect(asked).toBeGreaterThan(100);
    expect((asked - misses.length) / asked).toBeGreaterThanOrEqual(0.99);
  });
});
