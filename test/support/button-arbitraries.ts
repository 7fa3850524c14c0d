import fc from 'fast-check';
import { encodeButtonState, type ButtonState } from '../../src/discord/custom-ids.js';

// Arbitraries of button custom_ids: valid states, tampered ids and random strings.

export const snowflake = fc.stringMatching(/^[1-9]\d{0,19}$/u);
export const tag = fc.stringMatching(/^[0-9a-z]{4}$/u);
const rankingItem = fc
  .record({
    paragraph: fc.integer({ min: 1, max: 36 * 36 - 1 }),
    firstSentence: fc.integer({ min: 0, max: 35 }),
    extra: fc.integer({ min: 0, max: 35 }),
  })
  .map(({ paragraph, firstSentence, extra }) => ({
    paragraph,
    firstSentence,
    lastSentence: Math.min(35, firstSentence + extra),
  }));

/** Every state the bot itself encodes, within the ranges its renderers use. */
export const validState: fc.Arbitrary<ButtonState> = fc.oneof(
  fc
    .record({
      owner: snowflake,
      private: fc.boolean(),
      confident: fc.nat(),
      perPage: fc.integer({ min: 1, max: 10 }),
      speech: tag,
      ranking: fc.array(rankingItem, { minLength: 1, maxLength: 10 }),
      at: fc.nat(),
      answer: fc.option(fc.integer({ min: 1, max: 999_999_999_999 }), { nil: undefined }),
    })
    .map(({ at, confident, answer, ...rest }) => ({
      kind: 'answer-page' as const,
      ...rest,
      confidentCount: confident % (rest.ranking.length + 1),
      offset: at % rest.ranking.length,
      ...(answer === undefined ? {} : { answer }),
    })),
  fc.record({
    kind: fc.constant('rating' as const),
    answer: fc.integer({ min: 1, max: 999_999_999_999 }),
    rating: fc.constantFrom('up' as const, 'down' as const),
  }),
  fc.record({
    kind: fc.constant('section-page' as const),
    owner: snowflake,
    private: fc.boolean(),
    section: fc.integer({ min: 1, max: 999 }),
    page: fc.integer({ min: 0, max: 999 }),
    speech: tag,
  }),
  fc.record({ kind: fc.constant('section-open' as const), section: fc.integer({ min: 1, max: 999 }), speech: tag }),
  fc.record({ kind: fc.constant('quote' as const), paragraph: fc.integer({ min: 1, max: 999 }), speech: tag }),
  fc.record({
    kind: fc.constant('question' as const),
    action: fc.constantFrom(
      'approve' as const,
      'reject' as const,
      'reject-reason' as const,
      'reopen' as const,
      'me-too' as const,
      'ask-anyway' as const,
    ),
    question: fc.integer({ min: 1, max: 999_999_999_999 }),
  }),
  fc.record({
    kind: fc.constant('session' as const),
    action: fc.constant('export' as const),
    session: fc.integer({ min: 1, max: 999_999_999_999 }),
  }),
);

export const NUMBER_LIKE = [
  '',
  '0',
  '00',
  '007',
  '-1',
  '+1',
  '1e3',
  '0x1',
  '1.5',
  ' 1',
  '1 ',
  '١',
  '９',
  'NaN',
  'Infinity',
  '9999',
  '1000',
  '99999999999999999999999',
  'zz',
  'ZZ',
  '\u0000',
];

/** A valid id tampered with: a character changed, cut, duplicated or dropped, a field swapped for a malformed number, another owner or version. */
export const mutation = (id: string): fc.Arbitrary<string> => {
  const fields = id.split('.');
  return fc.oneof(
    fc
      .tuple(fc.nat(id.length - 1), fc.integer({ min: 1, max: 0xffff }))
      .map(([at, flip]) => id.slice(0, at) + String.fromCharCode(id.charCodeAt(at) ^ flip) + id.slice(at + 1)),
    fc
      .tuple(fc.nat(id.length - 1), fc.integer({ min: 0, max: 6 }))
      .map(([at, bit]) => id.slice(0, at) + String.fromCharCode(id.charCodeAt(at) ^ (1 << bit)) + id.slice(at + 1)),
    fc.nat(id.length).map((length) => id.slice(0, length)),
    fc.nat(id.length).map((at) => id.slice(0, at) + id.slice(at + 1)),
    fc.tuple(fc.nat(id.length), fc.string({ maxLength: 3 })).map(([at, text]) => id.slice(0, at) + text + id.slice(at)),
    fc
      .tuple(
        fc.nat(fields.length - 1),
        fc.oneof(fc.constantFrom(...NUMBER_LIKE), fc.string({ maxLength: 6 }), fc.stringMatching(/^\d{1,25}$/u)),
      )
      .map(([at, text]) => fields.map((field, index) => (index === at ? text : field)).join('.')),
    fc
      .constantFrom('a0', 'a1', 'a3', 'a9', 's0', 's2', 'o2', 'q0', 'q2', 'm0', 'm2', 'A1', 'x1', '')
      .map((prefix) => [prefix, ...fields.slice(1)].join('.')),
    fc.constant(`${id}.`),
    fc.constant(`.${id}`),
    fc.constant(id + id),
    fc.constant(id.toUpperCase()),
  );
};

const ALPHABET = [...'0123456789abcdefghijklmnopqrstuvwxyz'];
const PREFIXES = ['a1', 'a2', 's1', 'o1', 'q1', 'm1'] as const;
/** `id` with field `at` (of its `.`-separated fields) replaced by `text`. */
const withField = (id: string, at: number, text: string): string =>
  id
    .split('.')
    .map((field, index) => (index === at ? text : field))
    .join('.');
/** Indexes of `id`'s fields after the prefix that are whole numbers in decimal (owner, flags, counts, pages, ¶, question). */
const numericFields = (id: string): number[] =>
  id.split('.').flatMap((field, index) => (index > 0 && /^\d+$/u.test(field) ? [index] : []));
/** Positions in `id` of characters that match `pattern`. */
const positions = (id: string, pattern: RegExp): number[] =>
  [...id].flatMap((character, index) => (pattern.test(character) ? [index] : []));
const replaceAt = (id: string, at: number, text: string): string => id.slice(0, at) + text + id.slice(at + 1);
/** One of `items` (or `fallback` when there are none): tampering that needs, say, a digit falls back to another. */
const oneOf = <T>(
  items: readonly T[],
  fallback: fc.Arbitrary<string>,
  then: (item: T) => fc.Arbitrary<string>,
): fc.Arbitrary<string> => (items.length === 0 ? fallback : fc.constantFrom(...items).chain(then));

/**
 * A valid id tampered with while keeping its shape, so that about half still decode (to another state) and the rest are
 * refused by a range or canonical-form check rather than by their shape: a character changed to another of its kind (a
 * digit of a number to another digit, a character of the tag or ranking to another of [0-9a-z]) or to any of [0-9a-z];
 * a number replaced by another canonical number (one either side of it, or any) or given a leading zero; a field
 * lengthened or shortened by one character; a ranking item added or dropped; the prefix swapped for another kind's or
 * version's (an a2 answer page rewritten as its a1 form with any flags, a section button read as a quote's or the
 * reverse); a section page's section and page swapped; a question's action letter changed.
 */
export const plausibleMutation = (id: string): fc.Arbitrary<string> => {
  const fields = id.split('.');
  const numbers = numericFields(id);
  const anyField = fc.integer({ min: 1, max: fields.length - 1 });
  const retype = oneOf(positions(id, /[^.]/u), fc.constant(id), (at) =>
    fc.constantFrom(...ALPHABET).map((character) => replaceAt(id, at, character)),
  );
  // Past the prefix: digits of number fields stay digits, the tag and the ranking stay base 36.
  const body = fields[0]?.length ?? 0;
  const sameKind = oneOf(
    positions(id, /[^.]/u).filter((at) => at > body),
    retype,
    (at) => {
      const field = id.slice(0, at).split('.').length - 1;
      return fc
        .constantFrom(...(numbers.includes(field) ? ALPHABET.slice(0, 10) : ALPHABET))
        .map((character) => replaceAt(id, at, character));
    },
  );
  const ranking = fields[0] === 'a2' ? fields.length - 1 : -1;
  return fc.oneof(
    { weight: 4, arbitrary: sameKind },
    { weight: 1, arbitrary: retype },
    // Another number: one either side of it (the next page, the next ¶), small, up to 1100, or up to 10^12.
    {
      weight: 3,
      arbitrary: oneOf(numbers, retype, (at) =>
        fc
          .oneof(
            {
              weight: 2,
              arbitrary: fc.integer({ min: -3, max: 3 }).map((step) => BigInt(fields[at] ?? '0') + BigInt(step)),
            },
            fc.bigInt({ min: 0n, max: 12n }),
            fc.bigInt({ min: 0n, max: 1100n }),
            fc.bigInt({ min: 0n, max: 10n ** 12n }),
          )
          .filter((value) => value >= 0n)
          .map((value) => withField(id, at, String(value))),
      ),
    },
    // Must never decode: each number has one form, without leading zeros.
    {
      weight: 1,
      arbitrary: oneOf(numbers, retype, (at) =>
        fc.constantFrom('0', '00').map((zeros) => withField(id, at, zeros + (fields[at] ?? ''))),
      ),
    },
    {
      weight: 1,
      arbitrary: anyField.chain((at) =>
        fc
          .constantFrom(...(numbers.includes(at) ? ALPHABET.slice(0, 10) : ALPHABET))
          .map((character) => withField(id, at, (fields[at] ?? '') + character)),
      ),
    },
    { weight: 1, arbitrary: anyField.map((at) => withField(id, at, (fields[at] ?? '').slice(0, -1))) },
    { weight: 1, arbitrary: fc.constantFrom(...PREFIXES).map((prefix) => withField(id, 0, prefix)) },
    {
      weight: 2,
      arbitrary:
        fields[0] === 'm1'
          ? fc.constantFrom('a', 'r', 'm', 'x', 'A', '').map((action) => withField(id, 1, action))
          : fields[0] === 'o1' || fields[0] === 'q1'
            ? // Same fields, another kind: a section's number read as a ¶'s, or the reverse.
              fc.constant(withField(id, 0, fields[0] === 'o1' ? 'q1' : 'o1'))
            : ranking < 0
              ? // A section page with its section and page numbers swapped.
                fc.constant([...fields.slice(0, 3), fields[4], fields[3], ...fields.slice(5)].join('.'))
              : fc.oneof(
                  fc
                    .array(fc.constantFrom(...ALPHABET), { minLength: 4, maxLength: 4 })
                    .map((item) => withField(id, ranking, (fields[ranking] ?? '') + item.join(''))),
                  fc.constant(withField(id, ranking, (fields[ranking] ?? '').slice(0, -4))),
                  // a2.owner.private.confident.offset.perPage.speech.ranking → a1.owner.flags.offset.perPage.speech.ranking
                  fc.nat(3).map((flags) => ['a1', fields[1], flags, ...fields.slice(4)].join('.')),
                ),
    },
  );
};

/** Valid ids tampered with, never left as they were: mostly keeping their shape ({@link plausibleMutation}), else anyhow ({@link mutation}). */
export const tampered = validState.chain((state) => {
  const id = encodeButtonState(state);
  return fc
    .oneof({ weight: 6, arbitrary: plausibleMutation(id) }, { weight: 1, arbitrary: mutation(id) })
    .filter((text) => text !== id);
});

export const anyString = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'a1',
          's1',
          'o1',
          'q1',
          'm1',
          'a',
          'r',
          'm',
          '1',
          '0',
          '01',
          'abcd',
          '0101',
          '111111111111111111',
        ),
        fc.stringMatching(/^[0-9a-z]{0,6}$/u),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join('.')),
  fc.string({ minLength: 95, maxLength: 400 }),
);

/**
 * What a client could send as a custom_id, mostly well formed: valid ids as the bot encodes them (2 in 10), valid ids
 * tampered with (7 in 10) and random strings (1 in 10). More than half decode (the properties that use it assert so),
 * so the checks on decoded states run on most cases, not only on the rare random string that decodes.
 */
export const hostileId = fc.oneof(
  { weight: 2, arbitrary: validState.map(encodeButtonState) },
  { weight: 7, arbitrary: tampered },
  { weight: 1, arbitrary: anyString },
);
