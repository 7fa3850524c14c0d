/**
 * The ranking an answer's buttons carry: each passage as its ¶ number and the sentences its highlight spans, and back.
 * Highlights are half-open spans [start, end), so one that only touches a sentence at its edge does not include it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRankingItem, toRankingItem } from '../../src/passages/answer-ranking-state.js';
import { sectionOf } from '../../src/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
// ¶5 has three sentences: [0, 73), [74, 171) and [172, 365), one space between each.
const paragraph = speech.paragraphs[4]!;
const section = sectionOf(speech, paragraph);
const passage = (highlight?: { start: number; end: number }) => ({ section, paragraph, highlight });

describe('the ranking carried by an answer’s buttons', () => {
  it('reads the paragraph the tests rely on as three sentences one space apart', () => {
    expect(paragraph.number).toBe(5);
    expect(paragraph.sentences.map(({ start, end }) => [start, end])).toEqual([
      [0, 73],
      [74, 171],
      [172, 365],
    ]);
  });

  it('ranks a passage without a highlight as its first sentence', () => {
    expect(toRankingItem(passage())).toEqual({ paragraph: 5, firstSentence: 0, lastSentence: 0 });
  });

  it('starts at the next sentence when the highlight starts exactly where a sentence ends', () => {
    expect(toRankingItem(passage({ start: 73, end: 171 }))).toEqual({
      paragraph: 5,
      firstSentence: 1,
      lastSentence: 1,
    });
    expect(toRankingItem(passage({ start: 72, end: 171 }))).toEqual({
      paragraph: 5,
      firstSentence: 0,
      lastSentence: 1,
    });
  });

  it('ends at the sentence before when the highlight ends exactly where a sentence starts', () => {
    expect(toRankingItem(passage({ start: 0, end: 74 }))).toEqual({ paragraph: 5, firstSentence: 0, lastSentence: 0 });
    expect(toRankingItem(passage({ start: 0, end: 75 }))).toEqual({ paragraph: 5, firstSentence: 0, lastSentence: 1 });
  });

  it('rebuilds a last sentence past the paragraph’s end as its final sentence', () => {
    const whole = { section, paragraph, highlight: { start: 0, end: 365 } };
    expect(fromRankingItem(speech, { paragraph: 5, firstSentence: 0, lastSentence: 2 })).toEqual(whole);
    expect(fromRankingItem(speech, { paragraph: 5, firstSentence: 0, lastSentence: 3 })).toEqual(whole);
    expect(fromRankingItem(speech, { paragraph: 5, firstSentence: 1, lastSentence: 99 })).toEqual({
      ...whole,
      highlight: { start: 74, end: 365 },
    });
  });

  it('rebuilds nothing from a paragraph or first sentence the speech does not have', () => {
    expect(fromRankingItem(speech, { paragraph: 0, firstSentence: 0, lastSentence: 0 })).toBeUndefined();
    expect(
      fromRankingItem(speech, { paragraph: speech.paragraphs.length + 1, firstSentence: 0, lastSentence: 0 }),
    ).toBeUndefined();
    expect(fromRankingItem(speech, { paragraph: 5, firstSentence: 3, lastSentence: 3 })).toBeUndefined();
  });
});
