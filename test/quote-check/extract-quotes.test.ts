import { describe, expect, it } from 'vitest';
import { extractQuotes, MAX_QUOTES_CHECKED } from '../../src/quote-check/extract-quotes.js';

describe('extractQuotes', () => {
  it('takes the passages between curly, straight and angle quotation marks, in order', () => {
    expect(extractQuotes('a “one two three” b "four five six" c «seven eight nine» d')).toEqual({
      quotes: ['one two three', 'four five six', 'seven eight nine'],
      notChecked: 0,
      wholeMessage: false,
    });
  });

  it('keeps other quotation marks inside a quote, and accepts a straight mark closing a curly one', () => {
    expect(extractQuotes('«he said “we will not” be intimidated»').quotes).toEqual([
      'he said “we will not” be intimidated',
    ]);
    expect(extractQuotes('“one two three" and more').quotes).toEqual(['one two three']);
  });

  it('ignores quotes of fewer than 3 words', () => {
    expect(extractQuotes('“covert” and “state threats” but “three words here”').quotes).toEqual(['three words here']);
  });

  it('runs an unclosed quote to the end of the message', () => {
    expect(extractQuotes('see “one two three four').quotes).toEqual(['one two three four']);
  });

  it('checks a message without opening quotation marks whole', () => {
    expect(extractQuotes('one two three” four')).toEqual({
      quotes: ['one two three” four'],
      notChecked: 0,
      wholeMessage: true,
    });
  });

  it(`checks at most ${MAX_QUOTES_CHECKED} and counts the rest`, () => {
    const extracted = extractQuotes(Array.from({ length: 14 }, (_, index) => `"quote number ${index}"`).join(' '));
    expect(extracted.quotes).toHaveLength(MAX_QUOTES_CHECKED);
    expect(extracted.quotes.at(-1)).toBe('quote number 9');
    expect(extracted.notChecked).toBe(4);
  });
});
