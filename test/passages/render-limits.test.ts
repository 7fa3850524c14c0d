import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeButtonState } from '../../src/discord/custom-ids.js';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import { COLORS, embedLength, type MessageView } from '../../src/discord/message-view.js';
import { renderAnswerPage } from '../../src/passages/views/render-answer-page.js';
import {
  formatSpeechDate,
  quotedDescription,
  renderPassageEmbeds,
  type ShownPassage,
} from '../../src/passages/views/render-passage-embeds.js';
import { renderQuoteMessages } from '../../src/passages/views/render-quote-messages.js';
import { renderSectionPage } from '../../src/passages/views/render-section-page.js';
import { sectionOf } from '../../src/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Paragraph } from '../../src/speech/speech.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const byLength = [...speech.paragraphs].sort((a, b) => b.text.length - a.text.length);
const shown = (paragraph = byLength[0]!, sentence = 0): ShownPassage => {
  const highlight = paragraph.sentences[sentence]!;
  return {
    section: sectionOf(speech, paragraph),
    paragraph,
    highlight: { start: highlight.start, end: highlight.end },
  };
};
const page = (passages: ShownPassage[], overrides: Partial<Parameters<typeof renderAnswerPage>[0]> = {}) =>
  renderAnswerPage({
    speech,
    speechTag: 'ab12',
    owner: '123456789012345678',
    private: false,
    confidentCount: 10,
    passages,
    offset: 0,
    perPage: 5,
    question: 'q',
    ...overrides,
  });

function expectWithinLimits(view: MessageView): void {
  expect((view.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(view.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(view.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
  for (const embed of view.embeds) {
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(view.buttons.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
  for (const button of view.buttons.flat()) {
    expect(button.customId.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(button.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
  }
}

describe('rendering passages within Discord’s limits', () => {
  it('quotes the longest paragraph whole in one embed, the highlight its only markup', () => {
    const [embed, ...rest] = renderPassageEmbeds(speech, shown());
    expect(rest).toEqual([]);
    expect(embed?.title).toBe(`${sectionOf(speech, byLength[0]!).name} · ¶${byLength[0]!.number}`);
    expect(embed?.description?.replaceAll('**', '')).toBe(byLength[0]!.text);
    expect(embed?.description?.startsWith(`**${byLength[0]!.sentences[0]!.text}**`)).toBe(true);
    expect(embed?.footer).toBe('Director General Ken McCallum gives annual threat update 2021 · 14 July 2021');
  });

  it('fits three paragraphs in one answer, and moves what does not fit to "More"', () => {
    const three = page(
      byLength.slice(0, 3).map((paragraph) => shown(paragraph)),
      { perPage: 3 },
    );
    expect(three.embeds).toHaveLength(3);
    expectWithinLimits(three);
    const five = page(
      byLength.slice(0, 5).map((paragraph) => shown(paragraph)),
      { perPage: 5 },
    );
    expectWithinLimits(five);
    expect(five.embeds.length).toBeLessThan(5);
    expect(five.buttons.flat().map((button) => button.label)).toContain('More');
  });

  it('echoes a long question escaped, within the content limit, with no live mention', () => {
    const question = `**bold** @everyone <@123456789012345678> <@&42> @here ${'x'.repeat(220)}`.slice(0, 300);
    const view = page([shown()], { question });
    expectWithinLimits(view);
    expect(view.content).toContain('\\*\\*bold\\*\\*');
    expect(view.content).not.toMatch(/@everyone|@here|(?<!\\)<@/u);
  });

  it('marks a weak answer plainly, on the message and on each passage', () => {
    const view = page([shown()], { confidentCount: 0 });
    expect(view.content).toContain('does not seem to answer');
    expect(view.embeds[0]?.author).toBe('Weak match: the closest passage');
  });

  it('marks only the passages after the confident ones as weak, and keeps the count on the More button', () => {
    const short = [...speech.paragraphs]
      .sort((a, b) => a.text.length - b.text.length)
      .slice(0, 4)
      .map((paragraph) => shown(paragraph));
    const view = page(short, { confidentCount: 1, perPage: 3 });
    expect(view.content).not.toContain('does not seem to answer');
    expect(view.embeds.map((embed) => embed.author)).toEqual([
      undefined,
      'Weak match: the closest passage',
      'Weak match: the closest passage',
    ]);
    const more = view.buttons.flat().find((button) => button.label === 'More');
    expect(decodeButtonState(more?.customId ?? '')).toMatchObject({
      kind: 'answer-page',
      confidentCount: 1,
      offset: 3,
    });
  });

  it('pages every section, each page within the limits, every paragraph exactly once', () => {
    for (const section of speech.sections) {
      const seen: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const view = renderSectionPage({ speech, speechTag: 'ab12', section, page: index, owner: '1', private: false });
        expectWithinLimits(view);
        seen.push(...view.embeds.map((embed) => embed.title ?? ''));
        if (!view.buttons.flat().some((button) => button.label === 'Next')) break;
      }
      const expected = speech.paragraphs
        .filter((paragraph) => paragraph.sectionId === section.id)
        .map((paragraph) => `${section.name} · ¶${paragraph.number}`);
      expect(seen).toEqual(expected);
    }
  });

  it('splits a five-paragraph quote of the longest paragraphs into messages that each fit', () => {
    const messages = renderQuoteMessages(speech, byLength.slice(0, 5));
    messages.forEach(expectWithinLimits);
    expect(messages.flatMap((message) => message.embeds.map((embed) => embed.description))).toEqual(
      byLength.slice(0, 5).map((paragraph) => paragraph.text),
    );
  });

  it('cuts a paragraph longer than one embed between words, without losing a character', () => {
    const text = Array.from({ length: 1500 }, (_, index) => `word${index}`).join(' ');
    const pieces = quotedDescription(text, { start: 4000, end: 5000 });
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(pieces.join(' ').replaceAll('**', '')).toBe(text);
  });
});

describe('a passage as embeds, at the description limit', () => {
  const LIMIT = DISCORD_LIMITS.embedDescription;
  /** A paragraph of the speech's first section with the given text, longer than any the speech has. */
  const longPassage = (text: string): ShownPassage => {
    const paragraph: Paragraph = {
      id: 'introduction-99',
      number: 99,
      sectionId: speech.sections[0]!.id,
      numberInSection: 99,
      text,
      sentences: [],
    };
    return { section: speech.sections[0]!, paragraph };
  };

  it('keeps a paragraph whose rendering is exactly the description limit, bold markers included, in one piece', () => {
    const text = `${'word '.repeat(818)}ab`;
    expect(text.length + '****'.length).toBe(LIMIT);
    expect(quotedDescription(text, { start: 0, end: 4 })).toEqual([`**word**${text.slice(4)}`]);
    expect(
      renderPassageEmbeds(speech, { ...longPassage(text), highlight: { start: 0, end: 4 } }).map(
        (embed) => embed.description?.length,
      ),
    ).toEqual([LIMIT]);
  });

  it('cuts a paragraph one character over the limit at its last space', () => {
    const text = `${'word '.repeat(818)}abc`;
    expect(quotedDescription(text, { start: 0, end: 4 })).toEqual([`**word**${text.slice(4, 4089)}`, 'abc']);
  });

  it('leaves unbolded a piece that the highlight only touches at its first character', () => {
    // The highlight ends where the second sentence, and so the second piece, starts: nothing of that piece is in it.
    expect(quotedDescription('First one. Second one.', { start: 0, end: 11 }, 16)).toEqual([
      '**First one.**',
      'Second one.',
    ]);
    expect(quotedDescription('First one. Second one.', { start: 0, end: 12 }, 16)).toEqual([
      '**First one.**',
      '**S**econd one.',
    ]);
  });

  it('bolds nothing for an empty highlight', () => {
    expect(quotedDescription('First one. Second one.', { start: 11, end: 11 })).toEqual(['First one. Second one.']);
  });

  it('cuts a word longer than an embed inside the word, a quarter of the limit first, losing no character', () => {
    expect(quotedDescription('x'.repeat(LIMIT + 1), undefined)).toEqual([
      'x'.repeat(LIMIT / 4),
      'x'.repeat(LIMIT + 1 - LIMIT / 4),
    ]);
  });

  it('never gives an empty piece, even for text that starts with a space', () => {
    expect(quotedDescription(` ${'x'.repeat(LIMIT)}`, undefined)).toEqual([
      ` ${'x'.repeat(LIMIT / 4 - 1)}`,
      'x'.repeat(LIMIT + 1 - LIMIT / 4),
    ]);
  });

  it('titles every embed after the first of a long paragraph as continued, and marks only the first as weak', () => {
    const text = Array.from({ length: 1000 }, (_, index) => `word${index}`).join(' ');
    const embeds = renderPassageEmbeds(speech, longPassage(text), { weak: true });
    expect(embeds.map((embed) => embed.title)).toEqual(['Introduction · ¶99', 'Introduction · ¶99 (continued)']);
    expect(embeds.map((embed) => embed.author)).toEqual(['Weak match: the closest passage', undefined]);
    expect(embeds.map((embed) => embed.color)).toEqual([COLORS.weak, COLORS.weak]);
    expect(embeds.map((embed) => embed.footer)).toEqual(
      Array(2).fill('Director General Ken McCallum gives annual threat update 2021 · 14 July 2021'),
    );
    expect(embeds.map((embed) => embed.description).join(' ')).toBe(text);
  });

  it('colours a passage as an answer unless given a colour, and a weak one grey whatever the colour', () => {
    expect(renderPassageEmbeds(speech, shown()).map((embed) => embed.color)).toEqual([COLORS.answer]);
    expect(renderPassageEmbeds(speech, shown(), { color: COLORS.quote }).map((embed) => embed.color)).toEqual([
      COLORS.quote,
    ]);
    expect(
      renderPassageEmbeds(speech, shown(), { weak: true, color: COLORS.quote }).map((embed) => embed.color),
    ).toEqual([COLORS.weak]);
    expect(renderPassageEmbeds(speech, shown(), { weak: false }).map((embed) => embed.author)).toEqual([undefined]);
  });

  it('dates the footer by month name, and names no month for a month number outside 1–12', () => {
    expect(formatSpeechDate('2021-07-14')).toBe('14 July 2021');
    expect(formatSpeechDate('2021-12-01')).toBe('1 December 2021');
    expect(formatSpeechDate('2021-13-14')).toBe('14  2021');
    expect(formatSpeechDate('2021-00-14')).toBe('14  2021');
  });
});
