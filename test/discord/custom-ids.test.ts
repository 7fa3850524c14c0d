import { describe, expect, it } from 'vitest';
import { decodeButtonState, encodeButtonState, speechTag, type ButtonState } from '../../src/discord/custom-ids.js';

const owner = '98765432109876543210';
const answer: ButtonState = {
  kind: 'answer-page',
  owner,
  private: true,
  confidentCount: 3,
  offset: 5,
  perPage: 5,
  speech: 'z9y8',
  ranking: Array.from({ length: 10 }, (_, index) => ({
    paragraph: 31 - index,
    firstSentence: index,
    lastSentence: index + 1,
  })),
};

describe('button custom_ids', () => {
  it('still reads an answer page of version a1 (one confident flag), as all or none of its passages confident', () => {
    const ranking = '0a000b11';
    expect(decodeButtonState(`a1.${owner}.3.1.5.z9y8.${ranking}`)).toMatchObject({
      private: true,
      confidentCount: 2,
      offset: 1,
    });
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

  // A ranking of 15 passages with two-digit counts comes to exactly Discord's limit of 100 characters.
  const fullRanking = Array.from({ length: 15 }, (_, index) => ({
    paragraph: index + 1,
    firstSentence: 0,
    lastSentence: 1,
  }));
  const fullAnswer: ButtonState = {
    kind: 'answer-page',
    owner,
    private: true,
    confidentCount: 12,
    offset: 10,
    perPage: 10,
    speech: 'z9y8',
    ranking: fullRanking,
  };
  const fullId = `a2.${owner}.1.12.10.10.z9y8.${fullRanking.map((_, index) => `${(index + 1).toString(36).padStart(2, '0')}01`).join('')}`;

  it('encodes a state of exactly 100 characters, and decodes it back', () => {
    expect(encodeButtonState(fullAnswer)).toBe(fullId);
    expect(fullId).toHaveLength(100);
    expect(decodeButtonState(fullId)).toEqual(fullAnswer);
  });

  it('refuses to encode a state over 100 characters, naming the length and the id', () => {
    const overlong: ButtonState = {
      ...fullAnswer,
      ranking: [...fullRanking, { paragraph: 16, firstSentence: 0, lastSentence: 1 }],
    };
    const id = `${fullId}0g01`;
    expect(() => encodeButtonState(overlong)).toThrow(RangeError);
    expect(() => encodeButtonState(overlong)).toThrow(`custom_id of 104 characters: ${id}`);
  });

  it('decodes nothing from an id over 100 characters, even one that is otherwise well formed', () => {
    expect(decodeButtonState(`${fullId}0g01`)).toBeUndefined();
  });

  it('reads an answer page of version a1 only with its six fields, not with one more', () => {
    expect(decodeButtonState(`a1.${owner}.3.1.5.z9y8.0a000b11`)).toBeDefined();
    expect(decodeButtonState(`a1.${owner}.3.1.5.z9y8.0a000b11.0c22`)).toBeUndefined();
    expect(decodeButtonState(`a1.${owner}.3.1.5.z9y8`)).toBeUndefined();
  });

  const onePassage = (ranking: string): string => `a2.${owner}.0.0.0.5.z9y8.${ranking}`;

  it('reads a ranking of lowercase base-36 passages exactly', () => {
    expect(decodeButtonState(onePassage('1a23'))).toEqual({
      kind: 'answer-page',
      owner,
      private: false,
      confidentCount: 0,
      offset: 0,
      perPage: 5,
      speech: 'z9y8',
      ranking: [{ paragraph: 46, firstSentence: 2, lastSentence: 3 }],
    });
  });

  it.each([
    ['a capital letter ending a paragraph number', '1A00'],
    ['a capital letter starting a paragraph number', 'A100'],
    ['a plus sign before a paragraph number', '+a00'],
    ['a space before a paragraph number', ' a00'],
    ['paragraph 0', '0001'],
    ['a highlight that ends before it starts', '0a10'],
    ['no passages at all', ''],
  ])('refuses a ranking with %s', (_name, ranking) => {
    expect(decodeButtonState(onePassage(ranking))).toBeUndefined();
  });

  it.each([
    ['whole passages of line ends after a real one', '0a00\n\n\n\n'],
    ['a line end inside a passage', '0a0\n0b11'],
    ['a carriage return inside a passage', '0a0\r0b11'],
    ['a Unicode line separator inside a passage', '0a0\u20280b11'],
  ])('refuses a ranking with %s instead of decoding what is left', (_name, ranking) => {
    expect(decodeButtonState(onePassage(ranking))).toBeUndefined();
  });

  it('tags a speech with four characters even when its hash starts with zeros', () => {
    expect(speechTag('000000ff')).toBe('0000');
    expect(speechTag('000001ff')).toBe('0001');
    expect(speechTag('00ffff')).toBe('1ekf');
    // Six hex digits can need five base-36 characters: the tag keeps the last four.
    expect(speechTag('ffffff')).toBe('zldr');
  });

  it('tags a speech with four stable characters from its hash', () => {
    const tag = speechTag('80c22a911b365b2b5cb0b363857fd1d484c43e47292d1668f0c039ec721eafa5');
    expect(tag).toMatch(/^[0-9a-z]{4}$/u);
    expect(speechTag('80c22a00')).toBe(tag);
    expect(speechTag('00c22a00')).not.toBe(tag);
  });
});
