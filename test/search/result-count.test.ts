import { describe, expect, it } from 'vitest';
import { shownThrow } from '../support/shown-refusal.js';
import { checkResultCount, MAX_PASSAGES } from '../../src/search/result-count.js';

describe('the number of passages asked for', () => {
  it.each([1, 3, MAX_PASSAGES])('accepts %i', (count) => {
    expect(checkResultCount(count)).toBe(count);
  });

  it.each([0, -1, MAX_PASSAGES + 1, 2.5, Number.NaN])('refuses %d, saying the range', (count) => {
    expect(shownThrow(() => checkResultCount(count))).toEqual({
      ok: false,
      code: 'results-out-of-range',
      message: 'The number of results must be a whole number from 1 to 10.',
    });
  });

  it('names the option the asker used', () => {
    expect(shownThrow(() => checkResultCount(11, '--k')).message).toBe('--k must be a whole number from 1 to 10.');
  });
});
