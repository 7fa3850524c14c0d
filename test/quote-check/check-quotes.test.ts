import { describe, expect, it } from 'vitest';
import type { QuoteResult } from '../../src/quote-check/quote-check-report.js';
import { checker, passageOf, sentenceOf, speech, speechPieces } from '../support/quote-check-fixture.js';

const only = (message: string): QuoteResult => {
  const report = checker.check(message);
  if (report.kind !== 'checked' || report.results.length !== 1) throw new Error(`expected one result for ${message}`);
  return report.results[0]!;
};
const DAY_BY_DAY = sentenceOf(6, 1); // "The global context … translates, day-by-day, into threats … than we’re used to."
const WORKING = sentenceOf(2, 1); // "The pandemic has … living and working – and accelerated many wider global trends."

describe('QuoteChecker: verbatim', () => {
  it('finds a sentence as published, with its ¶ and sentence', () => {
    expect(only(DAY_BY_DAY)).toEqual({
      kind: 'verbatim',
      quote: DAY_BY_DAY,
      passage: { fromParagraph: 6, toParagraph: 6, sentences: [{ paragraph: 6, sentence: 1 }] },
    });
  });

  it('folds case, quote and dash styles, accents and newlines', () => {
    const typed = DAY_BY_DAY.toUpperCase()
      .replace('DAY-BY-DAY', 'day–by—day')
      .replace('WE’RE', "we're")
      .replace('CONTEXT', 'cóntext')
      .replaceAll(' ', '\n  ');
    expect(only(typed).kind).toBe('verbatim');
    expect(only(WORKING.replace('we’re', 'we‘re').replace(' – ', ' — ')).kind).toBe('verbatim');
  });

  it('finds a part of a sentence and names the whole sentence', () => {
    expect(only('context described in the Integrated Review')).toMatchObject({
      kind: 'verbatim',
      passage: { sentences: [{ paragraph: 6, sentence: 1 }] },
    });
  });

  it('finds a quote spanning two sentences', () => {
    const quote = `${sentenceOf(2, 0).split(' ').slice(-4).join(' ')} ${sentenceOf(2, 1).split(' ').slice(0, 5).join(' ')}`;
    expect(only(quote)).toMatchObject({
      kind: 'verbatim',
      passage: {
        fromParagraph: 2,
        toParagraph: 2,
        sentences: [
          { paragraph: 2, sentence: 0 },
          { paragraph: 2, sentence: 1 },
        ],
      },
    });
  });

  it('finds a quote spanning the end of one paragraph and the start of the next', () => {
    const break6 = speechPieces.findIndex((piece) => piece.paragraph === 7);
    const quote = passageOf(speechPieces.slice(break6 - 6, break6 + 6));
    const result = only(quote);
    expect(result).toMatchObject({ kind: 'verbatim', passage: { fromParagraph: 6, toParagraph: 7 } });
    if (result.kind !== 'verbatim') return;
    const last6 = speech.paragraphs[5]!.sentences.length - 1;
    expect(result.passage.sentences).toEqual([
      { paragraph: 6, sentence: last6 },
      { paragraph: 7, sentence: 0 },
    ]);
  });
});

describe('QuoteChecker: phrases the speech says more than once', () => {
  it('finds the second of two a few words apart', () => {
    // ¶28: "… to find and tackle – and a gift to the child abusers … have to find and tackle. The CEO of WhatsApp …"
    expect(only('«to find and tackle. The»')).toMatchObject({
      kind: 'verbatim',
      passage: {
        sentences: [
          { paragraph: 28, sentence: 2 },
          { paragraph: 28, sentence: 3 },
        ],
      },
    });
  });
});

describe('QuoteChecker: altered', () => {
  it('marks one word changed as removed and added, in place', () => {
    const result = only(DAY_BY_DAY.replace('directly', 'indirectly'));
    expect(result).toMatchObject({ kind: 'altered', passage: { sentences: [{ paragraph: 6, sentence: 1 }] } });
    if (result.kind !== 'altered') return;
    const text = speech.paragraphs[5]!.text;
    const start = text.indexOf('directly');
    expect(result.differences).toEqual([
      { kind: 'removed', paragraph: 6, start, end: start + 'directly'.length },
      { kind: 'added', paragraph: 6, at: start + 'directly'.length, place: 'after-word', word: 'indirectly' },
    ]);
  });

  it('marks a word left out', () => {
    const result = only(DAY_BY_DAY.replace(' directly', ''));
    expect(result.kind).toBe('altered');
    if (result.kind === 'altered') expect(result.differences).toHaveLength(1);
    expect(result).toMatchObject({ differences: [{ kind: 'removed', paragraph: 6 }] });
  });

  it('marks a word added, with the member’s spelling', () => {
    const result = only(DAY_BY_DAY.replace('directly', 'very Directly'));
    expect(result).toMatchObject({
      kind: 'altered',
      differences: [{ kind: 'added', word: 'very', place: 'before-word' }],
    });
  });
});

describe('QuoteChecker: the altered threshold', () => {
  // Ten words of ¶6: "The global context described in the Integrated Review translates, day-by-day,".
  const ten = DAY_BY_DAY.split(' ').slice(0, 10);
  const replaced = (positions: readonly number[]): string =>
    ten.map((word, index) => (positions.includes(index) ? `zorblax${index}` : word)).join(' ');

  it('4 of 10 words changed (similarity 0.6) is altered', () => {
    expect(only(replaced([1, 3, 5, 7]))).toMatchObject({ kind: 'altered', similarity: 0.6 });
  });

  it('5 of 10 words changed (similarity 0.5) is not the speech', () => {
    expect(only(replaced([1, 3, 5, 7, 9])).kind).toBe('weak-match');
  });

  it('needs 3 words in common: 3 of 4 is altered, 2 of 3 is not', () => {
    expect(only('The global context zorblax').kind).toBe('altered');
    expect(only('global zorblax described').kind).toBe('weak-match');
  });
});

describe('QuoteChecker: not in the speech', () => {
  it('gives the closest sentence of an unrelated text that shares words', () => {
    const result = only('Monkeys prefer bananas, and ransomware is their favourite jungle encryption');
    expect(result.kind).toBe('weak-match');
    if (result.kind === 'weak-match') expect(result.passage.sentences).toHaveLength(1);
  });

  it('gives no passage when no content word is the speech’s', () => {
    expect(only('Bananas are yellow and monkeys climb trees')).toEqual({
      kind: 'not-found',
      quote: 'Bananas are yellow and monkeys climb trees',
    });
  });
});

describe('QuoteChecker: messages', () => {
  it('checks each quotation, in order, whatever its marks; short ones are not quotes', () => {
    const report = checker.check(
      `He said “our nation has been through” and «Let me start, then» and "the pandemic has brought massive shifts"; not “covert” though.`,
    );
    expect(report).toMatchObject({ kind: 'checked', notChecked: 0, wholeMessage: false });
    if (report.kind !== 'checked') return;
    expect(report.results.map((result) => [result.kind, result.quote])).toEqual([
      ['verbatim', 'our nation has been through'],
      ['verbatim', 'Let me start, then'],
      ['verbatim', 'the pandemic has brought massive shifts'],
    ]);
  });

  it('checks 10 quotes and counts the rest', () => {
    const report = checker.check(Array.from({ length: 13 }, () => '“Let me start, then”').join(' '));
    expect(report).toMatchObject({ kind: 'checked', notChecked: 3 });
    if (report.kind === 'checked') expect(report.results).toHaveLength(10);
  });

  it('checks a message without quotation marks whole', () => {
    expect(checker.check(DAY_BY_DAY)).toMatchObject({
      kind: 'checked',
      wholeMessage: true,
      results: [{ kind: 'verbatim' }],
    });
  });

  it('reports no text for an empty or blank message', () => {
    expect(checker.check('')).toEqual({ kind: 'no-text' });
    expect(checker.check(' \n\t ')).toEqual({ kind: 'no-text' });
  });
});
