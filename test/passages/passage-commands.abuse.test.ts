import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ButtonOutcome, PassageCommands } from '../../src/passages/passage-commands.js';
import { passageCommandsOf } from '../../src/app/compose.js';
import { decodeButtonState, encodeButtonState, speechTag, type ButtonState } from '../../src/discord/custom-ids.js';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import { escapeMarkdown } from '../../src/discord/escape-markdown.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import type { ButtonView, MessageView } from '../../src/discord/message-view.js';
import type { Speech } from '../../src/speech/speech.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';
import {
  hostileNumber,
  hostileString,
  internals,
  options,
  quoteViolations,
  RUNS,
  refusalOr,
  refusalOrSync,
  refusalViolations,
  unescapedMarkup,
  userId,
  viewViolations,
} from '../support/abuse-support.js';
import { anyString, mutation } from '../support/button-arbitraries.js';

// The reference commands (/ask, /section, /quote, /about, autocomplete and their buttons) fed hostile options.

const ALICE = '111111111111111111';
const BOB = '222222222222222222';
const member = fc.oneof(fc.constantFrom(ALICE, BOB), fc.stringMatching(/^[1-9]\d{16,19}$/u));

let commands: PassageCommands;
let speech: Speech;
let tag: string;
let remove: () => Promise<void>;
/** Ids of buttons the bot really rendered, for tampering. */
const realIds: string[] = [];

beforeAll(async () => {
  const temporary = await temporaryFolder('abuse-commands');
  remove = temporary.remove;
  const opened = await openTestIndex(temporary.folder, { dense: false });
  speech = opened.speech;
  tag = speechTag(opened.manifest.source.sha256);
  commands = passageCommandsOf(opened);
  for (const isPrivate of [true, false]) {
    for (const question of [
      'How do hostile states threaten the UK?',
      'terrorism online radicalisation',
      'encryption',
    ]) {
      let view: MessageView | undefined = await commands.ask({ question, results: 2, private: isPrivate, user: ALICE });
      // Follow "More" to the end, so Previous buttons with offsets are harvested too.
      for (let step = 0; view && step < 6; step += 1) {
        realIds.push(...view.buttons.flat().map((button) => button.customId));
        const more: ButtonView | undefined = view.buttons.flat().find((button) => button.label === 'More');
        const next: ButtonOutcome | undefined = more ? commands.button(more.customId, ALICE) : undefined;
        view = next?.action === 'update' ? next.view : undefined;
      }
    }
    for (const section of speech.sections)
      realIds.push(
        ...commands
          .section({ name: section.id, user: ALICE, private: isPrivate })
          .view.buttons.flat()
          .map((button) => button.customId),
      );
  }
  realIds.push(encodeButtonState({ kind: 'question', action: 'approve', question: 1 }));
});
afterAll(async () => remove());

const sectionName = () =>
  fc.oneof(
    hostileString(6000),
    fc.constantFrom(
      ...speech.sections.flatMap((section) => [
        section.name,
        section.id,
        section.heading,
        section.name.toLowerCase().slice(0, 5),
      ]),
    ),
  );

/** The question as the answer echoes it: the first line of the content, after the bot's own "**Q:** ". */
function echoedQuestion(view: MessageView): string {
  const first = (view.content ?? '').split('\n')[0] ?? '';
  expect(first.startsWith('**Q:** ')).toBe(true);
  return first.slice('**Q:** '.length);
}

/** Every button of a view decodes to exactly its own id, and carries `owner` when it is a page. */
function buttonViolations(view: MessageView, owner: string): string[] {
  const problems: string[] = [];
  for (const button of view.buttons.flat()) {
    const state = decodeButtonState(button.customId);
    if (!state) problems.push(`button ${button.label} has an undecodable id ${button.customId}`);
    else if (encodeButtonState(state) !== button.customId) problems.push(`button ${button.label} id is not canonical`);
    else if ((state.kind === 'answer-page' || state.kind === 'section-page') && state.owner !== owner)
      problems.push(`button ${button.label} belongs to ${state.owner}`);
  }
  return problems;
}

function checkOutcome(outcome: ButtonOutcome, state: ButtonState | undefined, user: string): void {
  if (outcome.action === 'refuse') {
    const shown = renderRefusal(outcome.refusal, escapeMarkdown);
    expect(internals(shown)).toEqual([]);
    expect(shown.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    return;
  }
  // Only the bot's own ids open anything, and a private answer's pages only for their owner.
  expect(state).toBeDefined();
  if (!state) return;
  expect(state.kind).not.toBe('question');
  if (state.kind === 'answer-page' || state.kind === 'section-page') {
    if (state.private) expect(state.owner).toBe(user);
    if (outcome.action === 'update') expect(state.owner).toBe(user);
    else expect(outcome.private).toBe(true);
  }
  expect(viewViolations(outcome.view)).toEqual([]);
  expect(quoteViolations(speech, outcome.view)).toEqual([]);
  // Discord user ids are snowflakes; a page's buttons carry the presser, so only then can they decode.
  if (/^\d{1,20}$/u.test(user)) expect(buttonViolations(outcome.view, user)).toEqual([]);
}

describe('abuse: the reference commands', () => {
  it('/ask with any question, section and privacy: a refusal or a view within limits, verbatim, echo escaped, buttons working (10,000 cases)', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          question: hostileString(400),
          results: fc.integer({ min: 1, max: 5 }),
          section: fc.option(fc.oneof(hostileString(100), sectionName()), { nil: undefined }),
          private: fc.boolean(),
          user: member,
        }),
        async (input) => {
          // The section option has no max_length on Discord; its longest values are tested on their own below.
          const section = input.section?.slice(0, 100);
          const result = await refusalOr(() => commands.ask({ ...input, section }));
          if ('refusal' in result) {
            expect(refusalViolations(result.refusal, [input.question, section ?? ''], escapeMarkdown)).toEqual([]);
            return;
          }
          const view = result.value;
          answered += 1;
          expect(viewViolations(view)).toEqual([]);
          expect(quoteViolations(speech, view)).toEqual([]);
          expect(unescapedMarkup(echoedQuestion(view))).toEqual([]);
          expect(buttonViolations(view, input.user)).toEqual([]);
          for (const button of view.buttons.flat())
            expect(commands.button(button.customId, input.user).action).not.toBe('refuse');
        },
      ),
      options(),
    );
    // The generators must reach the rendering, not only the refusals.
    expect(answered).toBeGreaterThan(RUNS / 5);
  });

  // Guards: an unknown or ambiguous section name, which the `section` option lets a member make up to 6000 characters
  // long, is quoted cut in the refusal, so the refusal still fits one message (2000 characters) once escaped.
  it('/ask and /study start with a section name of any length (up to 6000): the refusal fits one message (10,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          question: fc.constantFrom('How do hostile states threaten the UK?', 'encryption'),
          section: hostileString(6000),
        }),
        async (input) => {
          const result = await refusalOr(() => commands.ask({ ...input, results: 3, private: false, user: ALICE }));
          if ('refusal' in result)
            expect(refusalViolations(result.refusal, [input.section], escapeMarkdown)).toEqual([]);
          else expect(viewViolations(result.value)).toEqual([]);
        },
      ),
      options(),
    );
  });

  // Guards: /ask refuses a number of results that is not a whole number from 1 to 5 (results-out-of-range), so no answer
  // carries "More" or "Previous" buttons with a page size that decodeButtonState refuses (dead buttons).
  it('/ask with an out-of-range number of results: refused, or an answer whose buttons work (10,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          question: fc.constantFrom(
            'How do hostile states threaten the UK?',
            'terrorism online',
            'encryption',
            'China',
          ),
          results: hostileNumber,
          private: fc.boolean(),
          user: member,
        }),
        async (input) => {
          const result = await refusalOr(() => commands.ask(input));
          if ('refusal' in result) {
            expect(result.refusal.code).toBe('results-out-of-range');
            return;
          }
          expect(viewViolations(result.value)).toEqual([]);
          expect(buttonViolations(result.value, input.user)).toEqual([]);
        },
      ),
      options(),
    );
  });

  it('/section with any name (up to 6000 characters): a view within limits, verbatim, an unknown name echoed escaped (10,000 cases)', () => {
    const seen = { found: 0, listed: 0 };
    fc.assert(
      fc.property(fc.record({ name: sectionName(), user: member, private: fc.boolean() }), (input) => {
        const result = refusalOrSync(() => commands.section(input));
        if ('refusal' in result) {
          expect(refusalViolations(result.refusal, [input.name], escapeMarkdown)).toEqual([]);
          return;
        }
        const { view, private: isPrivate } = result.value;
        expect(viewViolations(view)).toEqual([]);
        expect(quoteViolations(speech, view)).toEqual([]);
        expect(buttonViolations(view, input.user)).toEqual([]);
        if (view.embeds.length === 0) {
          // The list of sections: private, and the name as typed, escaped, between the bot's quotes.
          expect(isPrivate).toBe(true);
          const first = (view.content ?? '').split('\n')[0] ?? '';
          const echoed = first.slice(first.indexOf('“') + 1, first.lastIndexOf('”'));
          expect(unescapedMarkup(echoed)).toEqual([]);
          seen.listed += 1;
        } else {
          expect(isPrivate).toBe(input.private);
          seen.found += 1;
        }
      }),
      options(),
    );
    expect(seen.found).toBeGreaterThan(RUNS / 20);
    expect(seen.listed).toBeGreaterThan(RUNS / 20);
  });

  it('/quote with any numbers: a refusal or views within limits, quoting verbatim, at most five paragraphs (10,000 cases)', () => {
    let quoted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1, max: speech.paragraphs.length }) },
          { weight: 2, arbitrary: hostileNumber },
        ),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 6 }), hostileNumber),
        (from, toOrDelta) => {
          // Half the time `to` is near `from` (a real range), otherwise anything.
          const to =
            toOrDelta !== undefined && Number.isInteger(toOrDelta) && toOrDelta >= -1 && toOrDelta <= 6
              ? from + toOrDelta
              : toOrDelta;
          const result = refusalOrSync(() => commands.quote({ from, to }));
          if ('refusal' in result) {
            expect(['paragraph-out-of-range', 'quote-too-long']).toContain(result.refusal.code);
            expect(refusalViolations(result.refusal, [], escapeMarkdown)).toEqual([]);
            return;
          }
          expect(result.value.length).toBeGreaterThan(0);
          quoted += 1;
          const cited = new Set<string>();
          for (const view of result.value) {
            expect(viewViolations(view)).toEqual([]);
            expect(quoteViolations(speech, view)).toEqual([]);
            expect(view.buttons).toEqual([]);
            for (const embed of view.embeds) cited.add(/¶\d+/u.exec(embed.title ?? '')?.[0] ?? '');
          }
          expect(cited.size).toBeLessThanOrEqual(5);
          expect(cited.size).toBe((to ?? from) - from + 1);
        },
      ),
      options(),
    );
    expect(quoted).toBeGreaterThan(RUNS / 10);
  });

  it('/about is within limits', () => {
    expect(viewViolations(commands.about())).toEqual([]);
  });

  it('section autocomplete with anything typed: at most 25 choices, names of 1–100 characters, values that are section ids (10,000 cases)', () => {
    const ids = new Set(speech.sections.map((section) => section.id));
    fc.assert(
      fc.property(hostileString(6000), (typed) => {
        const choices = commands.sectionChoices(typed);
        expect(choices.length).toBeLessThanOrEqual(DISCORD_LIMITS.autocompleteChoices);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
          expect(ids.has(choice.value)).toBe(true);
        }
      }),
      options(),
    );
  });

  it('buttons: real, tampered, forged and random ids pressed by anyone never throw, and never page someone else’s private answer (10,000 cases)', () => {
    const real = fc.constantFrom(...realIds);
    const snowflakeOwner = fc.oneof(fc.constantFrom(ALICE, BOB), fc.stringMatching(/^[1-9]\d{0,19}$/u));
    const ranking = fc.array(
      fc
        .record({
          paragraph: fc.integer({ min: 1, max: speech.paragraphs.length + 2 }),
          firstSentence: fc.integer({ min: 0, max: 12 }),
          lastSentence: fc.integer({ min: 0, max: 35 }),
        })
        .filter((item) => item.lastSentence >= item.firstSentence),
      { minLength: 1, maxLength: 10 },
    );
    const speechTagArb = fc.oneof(
      { weight: 5, arbitrary: fc.constant(tag) },
      { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-z]{4}$/u) },
    );
    // States the bot could have made, for this speech, by Alice, Bob or anyone: forged to page someone else's answer.
    const forged: fc.Arbitrary<ButtonState> = fc.oneof(
      fc
        .record({
          owner: snowflakeOwner,
          private: fc.boolean(),
          confident: fc.nat(),
          perPage: fc.integer({ min: 1, max: 10 }),
          speech: speechTagArb,
          ranking,
          at: fc.nat(),
        })
        .map(({ at, confident, ...rest }) => ({
          kind: 'answer-page' as const,
          ...rest,
          confidentCount: confident % (rest.ranking.length + 1),
          offset: at % rest.ranking.length,
        })),
      fc.record({
        kind: fc.constant('section-page' as const),
        owner: snowflakeOwner,
        private: fc.boolean(),
        section: fc.integer({ min: 1, max: speech.sections.length + 2 }),
        page: fc.integer({ min: 0, max: 999 }),
        speech: speechTagArb,
      }),
      fc.record({
        kind: fc.constant('section-open' as const),
        section: fc.integer({ min: 1, max: 999 }),
        speech: speechTagArb,
      }),
      fc.record({
        kind: fc.constant('quote' as const),
        paragraph: fc.integer({ min: 1, max: 999 }),
        speech: speechTagArb,
      }),
      fc.record({
        kind: fc.constant('question' as const),
        action: fc.constantFrom('approve' as const, 'reject' as const, 'reject-reason' as const),
        question: fc.integer({ min: 1, max: 99 }),
      }),
    );
    const ids = fc.oneof(
      real,
      real.chain(mutation),
      forged.map(encodeButtonState),
      forged.map(encodeButtonState).chain(mutation),
      anyString,
    );
    fc.assert(
      fc.property(ids, fc.oneof(fc.constantFrom(ALICE, BOB), userId), (id, user) => {
        const state = decodeButtonState(id);
        checkOutcome(commands.button(id, user), state, user);
      }),
      options(),
    );
  });

  it('buttons of Alice’s private answers and sections, pressed by anyone else, are refused as not theirs (10,000 cases)', () => {
    const privateIds = realIds.filter((id) => {
      const state = decodeButtonState(id);
      return (state?.kind === 'answer-page' || state?.kind === 'section-page') && state.private;
    });
    expect(privateIds.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.constantFrom(...privateIds),
        userId.filter((user) => user !== ALICE),
        (id, user) => {
          expect(commands.button(id, user)).toEqual({ action: 'refuse', refusal: { code: 'not-yours' } });
        },
      ),
      options(),
    );
  });
});
