import { describe, expect, it } from 'vitest';
import { markHighlight, trimSpan } from '../../src/passages/views/mark-highlight.js';

describe('trimSpan', () => {
  it('leaves a span without spaces at its ends as it is', () => {
    expect(trimSpan('ab cd ef', { start: 3, end: 5 })).toEqual({ start: 3, end: 5 });
  });

  it('moves the start past the spaces the span opens with', () => {
    expect(trimSpan('ab   cd ef', { start: 2, end: 7 })).toEqual({ start: 5, end: 7 });
  });

  it('moves the end back before the spaces the span closes with, not before the text after it', () => {
    expect(trimSpan('ab cd  ef', { start: 3, end: 7 })).toEqual({ start: 3, end: 5 });
    expect(trimSpan('ab cd ef', { start: 3, end: 6 })).toEqual({ start: 3, end: 5 });
  });

  it('trims both ends of the same span', () => {
    expect(trimSpan('ab  cd  ef', { start: 2, end: 8 })).toEqual({ start: 4, end: 6 });
  });

  it('shrinks a span of spaces only to an empty span at its end, never past the span', () => {
    expect(trimSpan('a    b', { start: 1, end: 3 })).toEqual({ start: 3, end: 3 });
    expect(trimSpan('a  b', { start: 1, end: 3 })).toEqual({ start: 3, end: 3 });
    expect(trimSpan('a   b', { start: 1, end: 2 })).toEqual({ start: 2, end: 2 });
  });

  it('leaves an empty span empty where it is', () => {
    expect(trimSpan('a  b', { start: 2, end: 2 })).toEqual({ start: 2, end: 2 });
  });
});

describe('markHighlight', () => {
  it('keeps the spaces around a highlight outside the markers', () => {
    expect(markHighlight('one  two  three', { start: 3, end: 10 }, '**')).toBe('one  **two**  three');
  });

  it('keeps a space the span closes with outside the close marker, before the next word', () => {
    expect(markHighlight('one two three', { start: 4, end: 8 }, '[', ']')).toBe('one [two] three');
  });

  it('keeps a space the span opens with outside the open marker', () => {
    expect(markHighlight('one two three', { start: 3, end: 7 }, '[', ']')).toBe('one [two] three');
  });

  it('leaves the text unmarked for an empty span', () => {
    expect(markHighlight('one two', { start: 3, end: 3 }, '**')).toBe('one two');
  });

  it('leaves the text unmarked for a span of spaces only', () => {
    expect(markHighlight('one   two', { start: 3, end: 6 }, '**')).toBe('one   two');
  });
});
