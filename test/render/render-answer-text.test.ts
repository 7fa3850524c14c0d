import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAnswerText, WEAK_MATCH_NOTE } from '../../src/core/render/render-answer-text.js';
import type { Answer, Passage } from '../../src/core/retrieval/passage-retriever.js';
import { sectionOf } from '../../src/core/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/core/speech/parse-speech.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const passage = (number: number, confident: boolean, score: number): Passage => {
  const paragraph = speech.paragraphs[number - 1]!;
  const sentence = paragraph.sentences[0]!;
  return { id: paragraph.id, section: sectionOf(speech, paragraph), paragraph, score, confident, highlight: { start: sentence.start, end: sentence.end, text: sentence.text } };
};

describe('an answer as text, for the console and the CLI', () => {
  it('marks each passage that is not a confident match, and only those', () => {
    const answer: Answer = { question: 'q', mode: 'lexical', confident: true, passages: [passage(28, true, 1), passage(29, false, 0.5)] };
    const lines = renderAnswerText(answer).split('\n');
    expect(lines.find((line) => line.startsWith('1. '))).toBe('1. Encryption · ¶28  score 1.00');
    expect(lines.find((line) => line.startsWith('2. '))).toBe('2. Encryption · ¶29  score 0.50 (weak match)');
    expect(lines).not.toContain(WEAK_MATCH_NOTE);
  });

  it('says the speech does not seem to answer when no passage is confident', () => {
    const answer: Answer = { question: 'q', mode: 'lexical', confident: false, passages: [passage(3, false, 1)] };
    expect(renderAnswerText(answer)).toContain(WEAK_MATCH_NOTE);
  });
});
