import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeButtonState, encodeButtonState, type ButtonState } from '../../src/discord/custom-ids.js';
import { options, RUNS } from '../support/abuse-support.js';
import { anyString, hostileId, tampered, validState } from '../support/button-arbitraries.js';

// Button custom_ids: anything a client sends must decode to a valid state or to nothing, and never throw.

/** Is a decoded state one the bot could have produced (every number in range, a real owner)? */
function inRange(state: ButtonState): boolean {
  switch (state.kind) {
    case 'answer-page':
      return (
        /^\d{1,20}$/u.test(state.owner) &&
        state.confidentCount >= 0 &&
        state.confidentCount <= state.ranking.length &&
        state.offset >= 0 &&
        state.offset < state.ranking.length &&
        state.perPage >= 1 &&
        state.perPage <= 10 &&
        state.ranking.every(
          (item) => item.paragraph >= 1 && item.firstSentence >= 0 && item.lastSentence >= item.firstSentence,
        ) &&
        (state.answer === undefined || (Number.isSafeInteger(state.answer) && state.answer >= 1))
      );
    case 'rating':
      return Number.isSafeInteger(state.answer) && state.answer >= 1 && ['up', 'down'].includes(state.rating);
    case 'section-page':
      return /^\d{1,20}$/u.test(state.owner) && state.section >= 1 && state.page >= 0;
    case 'section-open':
      return state.section >= 1;
    case 'quote':
      return state.paragraph >= 1;
    case 'question':
      return Number.isSafeInteger(state.question) && state.question >= 1;
    case 'session':
      return Number.isSafeInteger(state.session) && state.session >= 1;
  }
}

describe('abuse: button custom_ids', () => {
  it('round-trips every valid state within 100 characters (10,000 cases)', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const id = encodeButtonState(state);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decodeButtonState(id)).toEqual(state);
      }),
      options(),
    );
  });

  // Almost no random string decodes (about 2 in 10,000), so this proves "never throws" and little else: decoded states
  // are checked on valid and tampered ids below, where most cases decode.
  it('never throws on arbitrary strings (10,000 cases)', () => {
    fc.assert(
      fc.property(anyString, (id) => {
        const state = decodeButtonState(id);
        if (state !== undefined) expect(inRange(state)).toBe(true);
      }),
      options(),
    );
  });

  it('never throws on valid, tampered and random ids, and decodes them only to states in range (10,000 cases, most decoding)', () => {
    let decoded = 0;
    fc.assert(
      fc.property(hostileId, (id) => {
        const state = decodeButtonState(id);
        if (state === undefined) return;
        decoded += 1;
        expect(inRange(state)).toBe(true);
      }),
      options(),
    );
    // The check ran on most cases, not only on the rare random string that decodes.
    expect(decoded).toBeGreaterThan(RUNS / 2);
  });

  // The one exception: an answer page of the older version a1 still decodes, and re-encodes as its a2 equivalent.
  const expectCanonical = (id: string): boolean => {
    const state = decodeButtonState(id);
    if (state === undefined) return false;
    if (id.startsWith('a1.')) expect(decodeButtonState(encodeButtonState(state))).toEqual(state);
    else expect(encodeButtonState(state)).toBe(id);
    return true;
  };

  it('accepts a valid, tampered or random id only if it is exactly what encode produces: encode(decode(id)) === id (10,000 cases, most decoding)', () => {
    let decoded = 0;
    fc.assert(
      fc.property(hostileId, (id) => {
        if (expectCanonical(id)) decoded += 1;
      }),
      options(),
    );
    expect(decoded).toBeGreaterThan(RUNS / 2);
  });

  // Guards: an id decodes only in the one form encodeButtonState gives it, so that each state has exactly one id: a
  // number with a leading zero ("m1.a.094264761283", "q1.03.abcd") or any other spelling encode never produces is refused.
  it('accepts a tampered id only if it is exactly what encode produces: encode(decode(id)) === id (10,000 cases, most decoding)', () => {
    let decoded = 0;
    fc.assert(
      fc.property(tampered, (id) => {
        if (expectCanonical(id)) decoded += 1;
      }),
      options(),
    );
    // Every one of these ids differs from the valid id it was made from: those that decode are other states' ids.
    expect(decoded).toBeGreaterThan(RUNS / 2);
  });
});
