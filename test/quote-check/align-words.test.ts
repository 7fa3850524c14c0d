import { describe, expect, it } from 'vitest';
import { alignWords } from '../../src/quote-check/align-words.js';
import { classifyAlignment, similarity } from '../../src/quote-check/classify-alignment.js';

const words = (text: string): string[] => text.split(' ');
const SPEECH = words('x y the quick brown fox jumps over the lazy dog z');

describe('alignWords', () => {
  it('finds an exact run anywhere in the stretch, free at both ends', () => {
    expect(alignWords(words('brown fox jumps'), SPEECH, 0, SPEECH.length)).toMatchObject({
      edits: 0,
      matches: 3,
      start: 4,
      end: 7,
    });
  });

  it('counts a substitution, a removal and an addition as one edit each, in reading order', () => {
    const alignment = alignWords(words('quick red fox over the very lazy dog'), SPEECH, 0, SPEECH.length);
    expect(alignment).toMatchObject({ edits: 3, start: 3, end: 11 });
    expect(alignment.steps.filter((step) => step.kind !== 'match')).toEqual([
      { kind: 'substitute', quote: 1, speech: 4 },
      { kind: 'remove', speech: 6 },
      { kind: 'add', quote: 5, before: 9 },
    ]);
  });

  it('shows a member’s extra words at the edges as additions, not as changed neighbours', () => {
    const alignment = alignWords(words('well brown fox jumps'), SPEECH, 0, SPEECH.length);
    expect(alignment).toMatchObject({ edits: 1, start: 4, end: 7 });
    expect(alignment.steps[0]).toEqual({ kind: 'add', quote: 0, before: 4 });
  });

  it('aligns only within the stretch it is given', () => {
    expect(alignWords(words('the quick brown'), SPEECH, 5, SPEECH.length).matches).toBeLessThan(3);
  });
});

describe('classifyAlignment', () => {
  const of = (edits: number, matches: number, span: number) => ({ edits, matches, start: 0, end: span, steps: [] });

  it('is verbatim with no edits', () => {
    expect(classifyAlignment(of(0, 5, 5), 5)).toBe('verbatim');
  });

  it('is altered from similarity 0.6 with 3 shared words, weak below either', () => {
    expect(similarity(of(4, 6, 10), 10)).toBeCloseTo(0.6);
    expect(classifyAlignment(of(4, 6, 10), 10)).toBe('altered');
    expect(classifyAlignment(of(5, 5, 10), 10)).toBe('weak-match');
    expect(classifyAlignment(of(1, 3, 4), 4)).toBe('altered');
    expect(classifyAlignment(of(1, 2, 3), 3)).toBe('weak-match');
  });

  it('divides by the longer of the quote and its span', () => {
    // 6 quote words in a span of 10 (4 speech words left out): 1 − 4/10.
    expect(similarity(of(4, 6, 10), 6)).toBeCloseTo(0.6);
  });
});
