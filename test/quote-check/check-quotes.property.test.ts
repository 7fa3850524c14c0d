import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoundPassage } from '../../src/quote-check/quote-check-report.js';
import { checker, passageOf, sentenceOf, speechPieces } from '../support/quote-check-fixture.js';

const sentencesOf = (passage: FoundPassage): string =>
  passage.sentences.map(({ paragraph, sentence }) => sentenceOf(paragraph, sentence)).join(' ');
const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

describe('QuoteChecker: any exact slice of the speech', () => {
  it('is verbatim, at the ¶ range it was cut from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: speechPieces.length - 5 }),
        fc.integer({ min: 5, max: 60 }),
        (start, length) => {
          const pieces = speechPieces.slice(start, start + length);
          const worded = pieces.filter((piece) => hasWord(piece.text));
          fc.pre(worded.length >= 5);
          // Guillemets, because the speech's own “…” inside a slice would make it several quotes.
          const passage = passageOf(pieces);
          const report = checker.check(`«${passage}»`);
          expect(report).toMatchObject({ kind: 'checked', results: [{ kind: 'verbatim' }] });
          if (report.kind !== 'checked') return;
          const result = report.results[0];
          if (result?.kind !== 'verbatim') return;
          const cutFrom = [worded[0]?.paragraph, worded.at(-1)?.paragraph];
          const foundAt = [result.passage.fromParagraph, result.passage.toParagraph];
          // The speech says a few phrases twice ("the 29 late-stage attack plots"): the first time is as right.
          if (foundAt.join() !== cutFrom.join())
            expect(sentencesOf(result.passage)).toContain(passage.replaceAll('\n', ' '));
          else expect(foundAt).toEqual(cutFrom);
        },
      ),
      { numRuns: 500 },
    );
  });
});
