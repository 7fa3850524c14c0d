import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankSectionChoices } from '../../src/passages/rank-section-choices.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';

const { sections } = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const values = (typed: string) => rankSectionChoices(sections, typed).map((choice) => choice.value);

describe('section autocomplete', () => {
  it('offers every section in speech order before anything is typed', () => {
    expect(values('')).toEqual(sections.map((section) => section.id));
    expect(rankSectionChoices(sections, '')[1]?.name).toBe('State Threats (¶6–¶16)');
  });

  it('ranks a name prefix above a word prefix above a substring above letters in order', () => {
    expect(values('enc')).toEqual(['encryption']);
    expect(values('threat')[0]).toBe('state-threats');
    expect(values('adapt')).toEqual(['constant-learning-adaptation-improvement']);
    expect(values('cla')[0]).toBe('constant-learning-adaptation-improvement');
    expect(values('TERROR')).toEqual(['terrorism']);
  });

  it('offers nothing for text that matches no section, and never more than 25', () => {
    expect(values('zzz')).toEqual([]);
    expect(rankSectionChoices(sections, 'e').length).toBeLessThanOrEqual(25);
  });
});
