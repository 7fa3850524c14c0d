import { describe, expect, it } from 'vitest';
import { decodeButtonState, encodeButtonState, speechTag, type ButtonState } from '../../src/core/discord/custom-ids.js';

const owner = '98765432109876543210';
const answer: ButtonState = {
  kind: 'answer-page',
  owner,
  private: true,
  confidentCount: 3,
  offset: 5,
  perPage: 5,
  speech: 'z9y8',
  ranking: Array.from({ length: 10 }, (_, index) => ({ paragraph: 31 - index, firstSentence: index, lastSentence: index + 1 })),
};

describe('button custom_ids', () => {
  it('still reads an answer page of version a1 (one confident flag), as all or none of its passages confident', () => {
    const ranking = '0a000b11';
    expect(decodeButtonState(`a1.${owner}.3.1.5.z9y8.${ranking}`)).toMatchObject({ private: true, confidentCount: 2, offset: 1 });
    expect(decodeButtonState(`a1.${owner}.1.1.5.z9y8.${ranking}`)).toMatchObject({ private: true, confidentCount: 0 });
    expect(decodeButtonState(`a2.${owner}.1.3.1.5.z9y8.${ranking}`)).toBeUndefined();
  });

  it.each([
    ['a full answer ranking', answer],
    ['a section page', { kind: 'section-page', owner, private: false, section: 6, page: 2, speech: 'z9y8' } as const],
    ['a quote', { kind: 'quote', paragraph: 31, speech: 'z9y8' } as const],
    ['a whole-section button', { kind: 'section-open', section: 4, speech: 'z9y8' } as const],
  ])('round-trips %s within 100 characters', (_name, state) => {
    const id = encodeButtonState(state);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeButtonState(id)).toEqual(state);
  });

  it.each([
    ['an unknown version', encodeButtonState(answer).replace(/^a2/u, 'a9')],
    ['a malformed number', encodeButtonState({ kind: 'quote', paragraph: 3, speech: 'z9y8' }).replace('.3.', '.3x.')],
    ['a negative page', `s1.${owner}.0.2.-1.z9y8`],
    ['a forged owner', encodeButtonState(answer).replace(owner, 'everyone')],
    ['a truncated ranking', encodeButtonState(answer).slice(0, -1)],
    ['an offset past the ranking', encodeButtonState({ ...answer, offset: 5 }).replace('.5.5.', '.10.5.')],
    ['junk', 'hello'],
    ['an overlong id', 'q1.1.z9y8'.padEnd(101, '0')],
  ])('decodes %s to nothing rather than a guess', (_name, id) => {
    expect(decodeButtonState(id)).toBeUndefined();
  });

  it('tags a speech with four stable characters from its hash', () => {
    const tag = speechTag('80c22a911b365b2b5cb0b363857fd1d484c43e47292d1668f0c039ec721eafa5');
    expect(tag).toMatch(/^[0-9a-z]{4}$/u);
    expect(speechTag('80c22a00')).toBe(tag);
    expect(speechTag('00c22a00')).not.toBe(tag);
  });
});
