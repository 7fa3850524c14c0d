import fc from 'fast-check';
import { encodeButtonState, type ButtonState } from '../../src/core/discord/custom-ids.js';

// Arbitraries of button custom_ids: valid states, tampered ids and random strings.

export const snowflake = fc.stringMatching(/^[1-9]\d{0,19}$/u);
export const tag = fc.stringMatching(/^[0-9a-z]{4}$/u);
const rankingItem = fc
  .record({ paragraph: fc.integer({ min: 1, max: 36 * 36 - 1 }), firstSentence: fc.integer({ min: 0, max: 35 }), extra: fc.integer({ min: 0, max: 35 }) })
  .map(({ paragraph, firstSentence, extra }) => ({ paragraph, firstSentence, lastSentence: Math.min(35, firstSentence + extra) }));

/** Every state the bot itself encodes, within the ranges its renderers use. */
export const validState: fc.Arbitrary<ButtonState> = fc.oneof(
  fc
    .record({ owner: snowflake, private: fc.boolean(), confident: fc.nat(), perPage: fc.integer({ min: 1, max: 10 }), speech: tag, ranking: fc.array(rankingItem, { minLength: 1, maxLength: 10 }), at: fc.nat() })
    .map(({ at, confident, ...rest }) => ({ kind: 'answer-page' as const, ...rest, confidentCount: confident % (rest.ranking.length + 1), offset: at % rest.ranking.length })),
  fc.record({ kind: fc.constant('section-page' as const), owner: snowflake, private: fc.boolean(), section: fc.integer({ min: 1, max: 999 }), page: fc.integer({ min: 0, max: 999 }), speech: tag }),
  fc.record({ kind: fc.constant('section-open' as const), section: fc.integer({ min: 1, max: 999 }), speech: tag }),
  fc.record({ kind: fc.constant('quote' as const), paragraph: fc.integer({ min: 1, max: 999 }), speech: tag }),
  fc.record({ kind: fc.constant('question' as const), action: fc.constantFrom('approve' as const, 'reject' as const, 'reject-reason' as const), question: fc.integer({ min: 1, max: 999_999_999_999 }) }),
);

export const NUMBER_LIKE = ['', '0', '00', '007', '-1', '+1', '1e3', '0x1', '1.5', ' 1', '1 ', '١', '９', 'NaN', 'Infinity', '9999', '1000', '99999999999999999999999', 'zz', 'ZZ', '\u0000'];

/** A valid id tampered with: a character changed, cut, duplicated or dropped, a field swapped for a malformed number, another owner or version. */
export const mutation = (id: string): fc.Arbitrary<string> => {
  const fields = id.split('.');
  return fc.oneof(
    fc.tuple(fc.nat(id.length - 1), fc.integer({ min: 1, max: 0xffff })).map(([at, flip]) => id.slice(0, at) + String.fromCharCode(id.charCodeAt(at) ^ flip) + id.slice(at + 1)),
    fc.tuple(fc.nat(id.length - 1), fc.integer({ min: 0, max: 6 })).map(([at, bit]) => id.slice(0, at) + String.fromCharCode(id.charCodeAt(at) ^ (1 << bit)) + id.slice(at + 1)),
    fc.nat(id.length).map((length) => id.slice(0, length)),
    fc.nat(id.length).map((at) => id.slice(0, at) + id.slice(at + 1)),
    fc.tuple(fc.nat(id.length), fc.string({ maxLength: 3 })).map(([at, text]) => id.slice(0, at) + text + id.slice(at)),
    fc.tuple(fc.nat(fields.length - 1), fc.oneof(fc.constantFrom(...NUMBER_LIKE), fc.string({ maxLength: 6 }), fc.stringMatching(/^\d{1,25}$/u))).map(([at, text]) => fields.map((field, index) => (index === at ? text : field)).join('.')),
    fc.constantFrom('a0', 'a1', 'a3', 'a9', 's0', 's2', 'o2', 'q0', 'q2', 'm0', 'm2', 'A1', 'x1', '').map((prefix) => [prefix, ...fields.slice(1)].join('.')),
    fc.constant(`${id}.`),
    fc.constant(`.${id}`),
    fc.constant(id + id),
    fc.constant(id.toUpperCase()),
  );
};
export const tampered = validState.chain((state) => mutation(encodeButtonState(state)));

export const anyString = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.oneof(fc.constantFrom('a1', 's1', 'o1', 'q1', 'm1', 'a', 'r', 'm', '1', '0', '01', 'abcd', '0101', '111111111111111111'), fc.stringMatching(/^[0-9a-z]{0,6}$/u)), { maxLength: 8 }).map((parts) => parts.join('.')),
  fc.string({ minLength: 95, maxLength: 400 }),
);

