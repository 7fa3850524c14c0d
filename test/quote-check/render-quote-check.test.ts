import { describe, expect, it } from 'vitest';
import { renderQuoteCheck } from '../../src/quote-check/views/render-quote-check.js';
import { MARKS_LEGEND } from '../../src/quote-check/views/mark-differences.js';
import { checker, sentenceOf, speech } from '../support/quote-check-fixture.js';

const reply = (message: string): string => renderQuoteCheck(checker.check(message), speech);
const DAY_BY_DAY = sentenceOf(6, 1);
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/u;

describe('renderQuoteCheck', () => {
  it('quotes a verbatim passage with its citation, and no excerpt of a single quote', () => {
    expect(reply(DAY_BY_DAY.toUpperCase())).toBe(`✅ Verbatim: State Threats · ¶6\n> ${DAY_BY_DAY}`);
  });

  it('cites ¶n–m and quotes each paragraph’s sentences apart', () => {
    const quote = `${sentenceOf(1, 1)} ${sentenceOf(2, 0)}`;
    expect(reply(quote)).toBe(`✅ Verbatim: Introduction · ¶1–2\n> ${sentenceOf(1, 1)}\n>\n> ${sentenceOf(2, 0)}`);
  });

  it('marks the words that differ and adds the legend', () => {
    const text = reply(sentenceOf(2, 0).replace('been', 'gone').replace(' utterly', '').replace('year', 'very year'));
    expect(text).toBe(
      [
        '⚠️ Altered: the speech says (Introduction · ¶2):',
        '> Our nation has [-been-] {+gone+} through an [-utterly-] extraordinary {+very+} year.',
        '',
        MARKS_LEGEND,
      ].join('\n'),
    );
  });

  it('gives the closest passage of a weak match, or says none shares its words', () => {
    expect(reply('Monkeys prefer bananas, and ransomware is their favourite jungle encryption')).toMatch(
      /^❌ Not in the speech\. The closest passage, a weak match \([A-Za-z ,]+ · ¶\d+\):\n> [^\n]+$/u,
    );
    expect(reply('Bananas are yellow and monkeys climb trees')).toBe(
      '❌ Not in the speech: no passage shares its words.',
    );
  });

  it('shows an escaped excerpt of each quote when there are several', () => {
    const text = reply(`“${DAY_BY_DAY}” and «our *nation* has been through»`);
    expect(text).toBe(
      [
        '*You quoted:* “The global context described in the Integrated Review…”',
        '✅ Verbatim: State Threats · ¶6',
        `> ${DAY_BY_DAY}`,
        '',
        '*You quoted:* “our \\*nation\\* has been through”',
        '✅ Verbatim: Introduction · ¶2',
        `> ${sentenceOf(2, 0)}`,
      ].join('\n'),
    );
  });

  it('counts quotes beyond 10 as not checked', () => {
    const text = reply(Array.from({ length: 12 }, () => '“Let me start, then”').join(' '));
    expect(text.split('✅ Verbatim').length - 1).toBe(10);
    expect(text.endsWith('\n\n…and 2 more quotes not checked here')).toBe(true);
  });

  it('counts hundreds of quotes in one message', () => {
    const text = reply('"a b c" '.repeat(250));
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text.endsWith('…and 240 more quotes not checked here')).toBe(true);
  });

  it('stops before 2000 characters and counts what it did not show', () => {
    const longest = speech.paragraphs
      .flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text))
      .sort((a, b) => b.length - a.length)
      .slice(0, 10);
    const text = reply(longest.map((sentence) => `“${sentence}”`).join('\n'));
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/\n\n…and \d+ more quotes not checked here$/u);
  });

  it('cuts a single passage too long for one message', () => {
    const quote = speech.paragraphs
      .slice(1, 5)
      .map((paragraph) => paragraph.text)
      .join('\n');
    const text = reply(quote);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^✅ Verbatim: Introduction · ¶2–5\n> /u);
    expect(text.endsWith(' …')).toBe(true);
  });

  it('says when there is nothing to check', () => {
    expect(reply('   ')).toBe('Nothing to check: the message has no text.');
    expect(reply('“covert” and “state threats”')).toBe('Nothing to check: no quotation of 3 words or more.');
    expect(reply('hello there')).toBe('Nothing to check: the message has fewer than 3 words.');
  });
});

describe('renderQuoteCheck: a hostile message', () => {
  const HOSTILE = [
    '@everyone @here <@123> <@&456> <#789> **bold** __under__ ~~strike~~ ||spoiler|| `code` [link](https://x.y)',
    '\u202eReversed\u202c \u2066isolated\u2069 \u200emarked\u200f # heading\n> quoted\n- list',
  ].join(' ');
  const quotes = Array.from(
    { length: 12 },
    (_, index) => `“${HOSTILE.slice(index * 7, index * 7 + 60)} our nation has been through **an** extraordinary year”`,
  );
  const message = `${quotes.join(' ')} ${HOSTILE.repeat(20)}`.slice(0, 2000);
  const text = reply(message);

  it('stays within 2000 characters, without bidi controls', () => {
    expect(message.length).toBe(2000);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).not.toMatch(BIDI);
  });

  it('shows no markdown or mention of the member’s unescaped', () => {
    // Only the reply's own emphasis, "*You quoted:*", may be markdown; the speech has no markdown characters.
    const member = text.replaceAll('*You quoted:*', '');
    expect(member).not.toMatch(/(?<!\\)[*_~`|<]/u);
    expect(member).not.toMatch(/@(everyone|here)/u);
    expect(member).not.toMatch(/^(?!> )(?!>$)[#>-]/mu);
  });
});
