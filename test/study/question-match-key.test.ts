import { describe, expect, it } from 'vitest';
import { questionMatchKey } from '../../src/study/question-match-key.js';

const same = (a: string, b: string) => questionMatchKey(a) === questionMatchKey(b);

describe('the shared-question rule', () => {
  it.each([
    ['What does MI5 say about Russia?', 'what does mi5 say about russia'],
    ['How does MI5 counter Russia’s threats?', 'Russia: how MI5 counters the threat'],
    ['Why is encryption a problem?', 'Encryption — why a problem??'],
    ['What is it?', 'It is what?'],
    ['Is China the biggest threat?', 'china china, the BIGGEST threat?!'],
    ['Isn’t China a threat?', 'Is China not a threat?'],
    ['Why is end-to-end encryption a problem?', 'Encryption end to end: why a problem?'],
  ])('takes %j and %j as one question', (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ['What about China?', 'What about Russia?'],
    ['What is it?', 'What was it?'],
    ['How many attacks were disrupted?', 'How many attacks were late-stage?'],
    ['Is China a threat?', 'Is China not a threat?'],
    ['Is China not a threat?', 'Is China no longer a threat?'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it('gives a key that names the words it compared, so a duplicate can be found by index', () => {
    expect(questionMatchKey('How does MI5 counter Russia’s threats?')).toBe('counter mi5 russia threat');
  });
});
