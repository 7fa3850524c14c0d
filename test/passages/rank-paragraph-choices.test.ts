import { beforeAll, describe, expect, it } from 'vitest';
import { readSpeech } from '../../src/app/read-speech.js';
import { rankParagraphChoices } from '../../src/passages/rank-paragraph-choices.js';
import type { Speech } from '../../src/speech/speech.js';

describe('paragraph suggestions', () => {
  let speech: Speech;
  beforeAll(async () => {
    speech = await readSpeech();
  });

  it('offers, for a number, that paragraph and those starting with it, the value staying the number', () => {
    expect(rankParagraphChoices(speech, '2').map((choice) => choice.value)).toEqual([
      2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    ]);
    expect(rankParagraphChoices(speech, '¶ 31').map((choice) => choice.value)).toEqual([31]);
    expect(rankParagraphChoices(speech, '99')).toEqual([]);
  });

  it('labels each as ¶n · Section · the opening words, within 100 characters, and offers 25 at most', () => {
    const all = rankParagraphChoices(speech, '');
    expect(all).toHaveLength(25);
    expect(all[11]?.name).toMatch(/^¶12 · State Threats · \S/u);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('offers, for words, the paragraphs holding most of them first, the last word as a prefix', () => {
    const choices = rankParagraphChoices(speech, 'front do');
    expect(choices[0]?.value).toBe(29);
    expect(rankParagraphChoices(speech, 'ENCRYPTION').every((choice) => choice.value >= 1)).toBe(true);
    expect(rankParagraphChoices(speech, 'zzzqqq')).toEqual([]);
  });
});
