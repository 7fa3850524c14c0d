import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { findStructuralReference } from '../../src/search/structural-reference.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Speech } from '../../src/speech/speech.js';
import { speechSource } from '../support/test-index.js';

const first = (speech: Speech, question: string) => findStructuralReference(question, speech)?.paragraphs[0];

describe('questions about the structure of the MI5 speech', () => {
  let speech: Speech;
  beforeAll(async () => {
    speech = parseSpeech((await speechSource()).text);
  });

  it.each([
    ['What does he finish on?', 31],
    ['Summarise the conclusion', 31],
    ['the last paragraph', 31],
    ['What does he start with?', 1],
    ['Which subjects are on his agenda?', 5],
    ['the part on encryption', 28],
    ['How does the encryption section end?', 30],
    ['the first paragraph of the terrorism part', 17],
    ['What comes after the state threats section?', 17],
  ])('%s → ¶%i first', (question, paragraph) => {
    expect(first(speech, question)).toBe(paragraph);
  });

  it.each([
    'end to end encryption',
    'When did he first work in Northern Ireland?',
    'How many plots in the last four years?',
    'responsible opening up',
    'What did he say about encryption?',
    'How many attacks since the start of the pandemic?',
    'Is this the beginning of a new cold war?',
    'Will they close the loophole?',
    'Which part of the UK is most at risk from terrorism?',
    'What topics do extremists discuss online?',
  ])('leaves the content question %j to the content ranking', (question) => {
    expect(findStructuralReference(question, speech)).toBeUndefined();
  });

  it('takes the opening and the end of the section a question is asked within', () => {
    const terrorism = speech.sections.find((section) => section.id === 'terrorism');
    expect(findStructuralReference('the last paragraph', speech, terrorism)?.paragraphs[0]).toBe(24);
    expect(findStructuralReference('How does it start?', speech, terrorism)?.paragraphs[0]).toBe(17);
  });

  it('names every paragraph of a part as answering it, ordered later by content', () => {
    expect(findStructuralReference('the section about encryption', speech)).toMatchObject({
      paragraphs: [28, 29, 30],
      answering: [28, 29, 30],
      orderByContent: true,
    });
  });
});

describe('the same rules on another speech of the format', () => {
  let speech: Speech;
  beforeAll(async () => {
    speech = parseSpeech(await readFile('test/fixtures/second-page.txt', 'utf8'));
  });

  it('finds its opening, its end, its plan and a part by a word of its heading', () => {
    expect(first(speech, 'How does the speech open?')).toBe(1);
    expect(first(speech, 'What does she close with?')).toBe(speech.paragraphs.length);
    expect(first(speech, 'What themes are on her agenda?')).toBe(3);
    const part = speech.sections.find((section) => section.name.toLowerCase().includes('covid'));
    expect(first(speech, 'the section on covid')).toBe(part?.firstParagraph);
    expect(first(speech, 'the last paragraph of the looking ahead section')).toBe(
      speech.sections.at(-1)?.lastParagraph,
    );
  });
});
