import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeButtonState } from '../../src/core/discord/custom-ids.js';
import { DISCORD_LIMITS } from '../../src/core/discord/discord-limits.js';
import { embedLength, type MessageView } from '../../src/core/discord/message-view.js';
import { renderAnswerPage } from '../../src/core/discord/render-answer-page.js';
import { quotedDescription, renderPassageEmbeds, type ShownPassage } from '../../src/core/discord/render-passage-embeds.js';
import { renderQuoteMessages } from '../../src/core/discord/render-quote-messages.js';
import { renderSectionPage } from '../../src/core/discord/render-section-page.js';
import { sectionOf } from '../../src/core/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/core/speech/parse-speech.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const byLength = [...speech.paragraphs].sort((a, b) => b.text.length - a.text.length);
const shown = (paragraph = byLength[0]!, sentence = 0): ShownPassage => {
  const highlight = paragraph.sentences[sentence]!;
  return { section: sectionOf(speech, paragraph), paragraph, highlight: { start: highlight.start, end: highlight.end } };
};
const page = (passages: ShownPassage[], overrides: Partial<Parameters<typeof renderAnswerPage>[0]> = {}) =>
  renderAnswerPage({ speech, speechTag: 'ab12', owner: '123456789012345678', private: false, confidentCount: 10, passages, offset: 0, perPage: 5, question: 'q', ...overrides });

function expectWithinLimits(view: MessageView): void {
  expect((view.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(view.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(view.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
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
    const three = page(byLength.slice(0, 3).map((paragraph) => shown(paragraph)), { perPage: 3 });
    expect(three.embeds).toHaveLength(3);
    expectWithinLimits(three);
    const five = page(byLength.slice(0, 5).map((paragraph) => shown(paragraph)), { perPage: 5 });
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
    const short = [...speech.paragraphs].sort((a, b) => a.text.length - b.text.length).slice(0, 4).map((paragraph) => shown(paragraph));
    const view = page(short, { confidentCount: 1, perPage: 3 });
    expect(view.content).not.toContain('does not seem to answer');
    expect(view.embeds.map((embed) => embed.author)).toEqual([undefined, 'Weak match: the closest passage', 'Weak match: the closest passage']);
    const more = view.buttons.flat().find((button) => button.label === 'More');
    expect(decodeButtonState(more?.customId ?? '')).toMatchObject({ kind: 'answer-page', confidentCount: 1, offset: 3 });
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
      const expected = speech.paragraphs.filter((paragraph) => paragraph.sectionId === section.id).map((paragraph) => `${section.name} · ¶${paragraph.number}`);
      expect(seen).toEqual(expected);
    }
  });

  it('splits a five-paragraph quote of the longest paragraphs into messages that each fit', () => {
    const messages = renderQuoteMessages(speech, byLength.slice(0, 5));
    messages.forEach(expectWithinLimits);
    expect(messages.flatMap((message) => message.embeds.map((embed) => embed.description))).toEqual(byLength.slice(0, 5).map((paragraph) => paragraph.text));
  });

  it('cuts a paragraph longer than one embed between words, without losing a character', () => {
    const text = Array.from({ length: 1500 }, (_, index) => `word${index}`).join(' ');
    const pieces = quotedDescription(text, { start: 4000, end: 5000 });
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(pieces.join(' ').replaceAll('**', '')).toBe(text);
  });
});
