import fc from 'fast-check';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import { embedLength, type MessageView } from '../../src/discord/message-view.js';
import type { Speech } from '../../src/speech/speech.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';

/**
 * Every abuse property runs this many cases (the issue asks for at least 10,000), from a fixed seed. Mutation testing
 * reruns the properties once per mutant, so its config sets `ABUSE_RUNS` lower; `npm test` always runs 10,000.
 */
export const RUNS = Number(process.env.ABUSE_RUNS ?? 10_000);
export const SEED = 20210714;
export const options = (numRuns: number = RUNS) => ({ numRuns, seed: SEED }) as const;
/**
 * The time one property of {@link RUNS} cases may take. Over real SQLite they take 10–16 s here with the machine to
 * themselves, and more than 30 s (the suite's default) while it is also installing packages: bounded, but not by the
 * default.
 */
export const PROPERTY_TIMEOUT_MS = 120_000;

/** Pieces of hostile text: mentions, markdown, code blocks, control, zero-width and bidi characters, emoji, words of the speech. */
const TOKENS = [
  '@everyone',
  '@here',
  '@EVERYONE',
  '@\u200beveryone',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&987654321098765432>',
  '<#111>',
  '</ask:1>',
  '<t:0:R>',
  '**',
  '*',
  '__',
  '_',
  '~~',
  '~',
  '||',
  '|',
  '`',
  '``',
  '```',
  '```js\nconsole.log(1)\n```',
  '\\',
  '\\*',
  '\\\\',
  '[link](https://example.com)',
  '](',
  ':emoji:',
  '> ',
  '>>> ',
  '# ',
  '## ',
  '-# ',
  '- ',
  '* ',
  '1. ',
  '12. ',
  '+ ',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2069',
  '\u061c',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  'مرحبا بالعالم',
  'שלום',
  '😀',
  '👍🏽',
  '🏳️‍🌈',
  '👨‍👩‍👧‍👦',
  '\ud83d',
  '\ude00',
  'é',
  'e\u0301',
  'ﬁ',
  'İ',
  'ß',
  'Ω',
  '漢字',
  'state threats',
  'State Threats',
  'terrorism',
  'China',
  'Russia',
  'espionage',
  'the',
  'How do hostile states threaten the UK?',
  'cyber',
  'encryption',
  '¶',
  '¶12',
  '0',
  '1',
  '-1',
  '31',
  '32',
  '999',
  '1e309',
  'NaN',
  'Infinity',
  '0x1f',
  '١٢',
  'a',
  'z',
  '.',
  ',',
  '"',
  '“',
  '”',
  "'",
  '%s',
  '${x}',
  '{{x}}',
  'null',
  'undefined',
  '__proto__',
  'constructor',
] as const;

const token = fc.constantFrom(...TOKENS);

/** Hostile strings of every shape, from empty to huge (Discord's 6000-character option limit and beyond). */
export const hostileString = (maxLength = 400): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.array(token, { maxLength: 30 }).map((parts) => parts.join('')) },
      {
        weight: 2,
        arbitrary: fc
          .array(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 20 })
          .map((parts) => parts.join(' ')),
      },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 300) }) },
      // Lone surrogates and every BMP control character.
      {
        weight: 1,
        arbitrary: fc.string({
          unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
          maxLength: 60,
        }),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 80 }) },
      // Huge: a token repeated thousands of times.
      {
        weight: 1,
        arbitrary: fc
          .tuple(token, fc.integer({ min: 50, max: 7000 }))
          .map(([text, times]) => text.repeat(times).slice(0, Math.max(maxLength, 7000))),
      },
    )
    .map((text) => text.slice(0, maxLength));

/** Numbers a forged or buggy option could carry: out of range, negative, zero, huge, fractional, NaN-like. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 40 }),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    1e308,
    2 ** 31,
    2 ** 32,
    0.5,
    1.5,
    31.000001,
  ),
  fc.double(),
);

/** Snowflake-like user ids, and a few that are not. */
export const userId = fc.oneof(
  fc.stringMatching(/^[1-9]\d{16,19}$/u),
  fc.constantFrom('111111111111111111', '222222222222222222', '0', ''),
  fc.string({ maxLength: 25 }),
);

/** What a Discord reader sees: a backslash before ASCII punctuation is dropped, the zero-width space after `@` is invisible. */
export function discordUnescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, '$1').replace(/@\u200b(?=everyone|here)/gu, '@');
}

/**
 * Markup that would format or mention in `echoed` (text that came from a user, as rendered): an unescaped markdown or
 * mention character, or a literal `@everyone`/`@here`. Empty when the text displays as plain text.
 */
export function unescapedMarkup(echoed: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < echoed.length; index += 1) {
    const character = echoed[index] ?? '';
    if (character === '\\') {
      index += 1;
      continue;
    }
    if ('*_~`|<['.includes(character)) found.push(`${character} at ${index}`);
  }
  for (const mention of echoed.matchAll(/@(everyone|here)/gu)) found.push(`${mention[0]} at ${mention.index}`);
  return found;
}

/** Text that betrays internals: a stack frame, a source path, an error class name. */
const INTERNALS = [
  /\n\s+at\s/u,
  /\bat\s+\S+\s+\(/u,
  /\/work\//u,
  /node_modules/u,
  /\bsrc\/\S+\.ts\b/u,
  /file:\/\//u,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|SqliteError)\b/u,
  /SQLITE_/u,
];
export function internals(text: string): string[] {
  return INTERNALS.filter((pattern) => pattern.test(text)).map(String);
}

/** Every way a view breaks Discord's limits or shows internals; empty when it is fine to send. */
export function viewViolations(view: MessageView): string[] {
  const problems: string[] = [];
  const limit = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} > ${max}`);
  };
  limit('content', view.content?.length ?? 0, DISCORD_LIMITS.content);
  limit('embeds', view.embeds.length, DISCORD_LIMITS.embeds);
  let total = 0;
  view.embeds.forEach((embed, index) => {
    limit(`embed ${index} title`, embed.title?.length ?? 0, DISCORD_LIMITS.embedTitle);
    limit(`embed ${index} description`, embed.description?.length ?? 0, DISCORD_LIMITS.embedDescription);
    limit(`embed ${index} footer`, embed.footer?.length ?? 0, DISCORD_LIMITS.embedFooter);
    limit(`embed ${index} author`, embed.author?.length ?? 0, DISCORD_LIMITS.embedAuthor);
    limit(`embed ${index} fields`, embed.fields?.length ?? 0, DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      limit(`embed ${index} field name`, field.name.length, DISCORD_LIMITS.fieldName);
      limit(`embed ${index} field value`, field.value.length, DISCORD_LIMITS.fieldValue);
      if (field.name.trim() === '' || field.value.trim() === '') problems.push(`embed ${index} has an empty field`);
    }
    if (embed.description !== undefined && embed.description.trim() === '')
      problems.push(`embed ${index} has an empty description`);
    total += embedLength(embed);
  });
  limit('embed total', total, DISCORD_LIMITS.embedTotal);
  limit('button rows', view.buttons.length, DISCORD_LIMITS.rows);
  const ids = new Set<string>();
  for (const row of view.buttons) {
    limit('buttons in a row', row.length, DISCORD_LIMITS.buttonsPerRow);
    if (row.length === 0) problems.push('an empty button row');
    for (const button of row) {
      limit(`custom_id ${button.customId}`, button.customId.length, DISCORD_LIMITS.customId);
      limit(`label ${button.label}`, button.label.length, DISCORD_LIMITS.buttonLabel);
      if (button.label.length === 0) problems.push('an empty button label');
      if (ids.has(button.customId)) problems.push(`duplicate custom_id ${button.customId}`);
      ids.add(button.customId);
    }
  }
  const texts = [
    view.content ?? '',
    ...view.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer ?? '',
      embed.author ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...view.buttons.flat().map((button) => button.label),
  ];
  for (const text of texts) problems.push(...internals(text));
  return problems;
}

/**
 * Quotes that are not verbatim: each embed's description, its bold markers removed and its escapes undone as Discord
 * shows them, must be a contiguous part of the paragraph its title cites.
 */
export function quoteViolations(speech: Speech, view: MessageView): string[] {
  const problems: string[] = [];
  for (const embed of view.embeds) {
    const number = Number(/¶(\d+)/u.exec(embed.title ?? '')?.[1]);
    const paragraph = speech.paragraphs[number - 1];
    if (!paragraph) {
      problems.push(`embed "${embed.title}" cites no paragraph`);
      continue;
    }
    const shown = discordUnescape((embed.description ?? '').replace(/(?<!\\)\*\*/gu, ''));
    if (shown.length === 0 || !paragraph.text.includes(shown))
      problems.push(`embed "${embed.title}" is not verbatim: ${JSON.stringify(shown.slice(0, 120))}`);
  }
  return problems;
}

/** Runs `action`; a `UserFacingError` is an expected refusal and is returned, anything else is rethrown. */
export async function refusalOr<T>(action: () => T | Promise<T>): Promise<{ value: T } | { refusal: UserFacingError }> {
  try {
    return { value: await action() };
  } catch (error) {
    if (error instanceof UserFacingError) return { refusal: error };
    throw error;
  }
}

export function refusalOrSync<T>(action: () => T): { value: T } | { refusal: UserFacingError } {
  try {
    return { value: action() };
  } catch (error) {
    if (error instanceof UserFacingError) return { refusal: error };
    throw error;
  }
}

/**
 * A refusal fit to show: short enough for one message once escaped as the handler escapes it, free of internals, and
 * echoing the user's text only through the renderer's `quote` (which the handler points at Markdown escaping).
 */
export function refusalViolations(
  error: UserFacingError,
  userTexts: readonly string[],
  escape: (text: string) => string,
): string[] {
  const problems: string[] = [];
  const shown = renderRefusal(error.refusal, escape);
  if (shown.length > DISCORD_LIMITS.content)
    problems.push(`refusal ${error.code} is ${shown.length} characters once escaped`);
  problems.push(...internals(shown));
  // Whatever the renderer quotes is cut out: what is left must not hold the user's text, unless the speech's own
  // section labels, which a refusal lists, happen to hold it ("State Threats" typed as a question).
  const unquoted = renderRefusal(error.refusal, () => '\u0000');
  const listed = 'sections' in error.refusal ? error.refusal.sections.join('\n') : '';
  for (const text of userTexts)
    if (text.trim().length >= 12 && unquoted.includes(text) && !listed.includes(text))
      problems.push(`refusal ${error.code} echoes user text without quoting it`);
  return problems;
}
