import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  renderAnswerText,
  renderQuotesText,
  renderSectionText,
  TERMINAL_STYLE,
  WEAK_MATCH_NOTE,
} from '../../src/passages/views/render-answer-text.js';
import type { Answer, Passage } from '../../src/search/passage-retriever.js';
import { sectionOf } from '../../src/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Paragraph, Section } from '../../src/speech/speech.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const passage = (number: number, confident: boolean, score: number): Passage => {
  const paragraph = speech.paragraphs[number - 1]!;
  const sentence = paragraph.sentences[0]!;
  return {
    id: paragraph.id,
    section: sectionOf(speech, paragraph),
    paragraph,
    score,
    confident,
    highlight: { start: sentence.start, end: sentence.end, text: sentence.text },
  };
};

describe('an answer as text, for the console and the CLI', () => {
  it('marks each passage that is not a confident match, and only those', () => {
    const answer: Answer = {
      question: 'q',
      mode: 'lexical',
      confident: true,
      passages: [passage(28, true, 1), passage(29, false, 0.5)],
    };
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

const encryption: Section = {
  id: 'encryption',
  heading: 'ENCRYPTION',
  name: 'Encryption',
  number: 5,
  firstParagraph: 28,
  lastParagraph: 29,
};
const conclusion: Section = {
  id: 'conclusion',
  heading: 'CONCLUSION',
  name: 'Conclusion',
  number: 9,
  firstParagraph: 40,
  lastParagraph: 40,
};
const paragraphOf = (section: Section, number: number, text: string): Paragraph => ({
  id: `${section.id}-${number - section.firstParagraph + 1}`,
  number,
  sectionId: section.id,
  numberInSection: number - section.firstParagraph + 1,
  text,
  sentences: [],
});
const p28 = paragraphOf(encryption, 28, 'First sentence. Second sentence. Third sentence.');
const p29 = paragraphOf(encryption, 29, 'Only sentence.');
const p40 = paragraphOf(conclusion, 40, 'Thank you.');
const passageOf = (
  paragraph: Paragraph,
  section: Section,
  score: number,
  confident: boolean,
  start: number,
  end: number,
): Passage => ({
  id: paragraph.id,
  section,
  paragraph,
  score,
  confident,
  highlight: { start, end, text: paragraph.text.slice(start, end) },
});

describe('an answer as text, exactly', () => {
  it('shows the question, the retrieval mode, and each passage cited with its highlight marked, a blank line between', () => {
    const answer: Answer = {
      question: 'What about encryption?',
      mode: 'hybrid',
      confident: true,
      passages: [passageOf(p28, encryption, 1, true, 16, 32), passageOf(p40, conclusion, 0.25, false, 0, 10)],
    };
    expect(renderAnswerText(answer)).toBe(
      [
        'Q: What about encryption?',
        '(hybrid retrieval)',
        '',
        '1. Encryption · ¶28  score 1.00',
        '   “First sentence. **Second sentence.** Third sentence.”',
        '',
        '2. Conclusion · ¶40  score 0.25 (weak match)',
        '   “**Thank you.**”',
      ].join('\n'),
    );
  });

  it('puts the weak-match note, then a blank line, before the passages of an answer that is not confident', () => {
    const answer: Answer = {
      question: 'q',
      mode: 'lexical',
      confident: false,
      passages: [passageOf(p29, encryption, 0.5, false, 0, 14)],
    };
    expect(renderAnswerText(answer, TERMINAL_STYLE)).toBe(
      [
        'Q: q',
        '(lexical retrieval)',
        '',
        WEAK_MATCH_NOTE,
        '',
        '1. Encryption · ¶29  score 0.50 (weak match)',
        '   “\u001b[1mOnly sentence.\u001b[22m”',
      ].join('\n'),
    );
  });

  it('says nothing matches when the answer has no passage, and shows no weak-match note', () => {
    const answer: Answer = { question: 'zebra', mode: 'lexical', confident: false, passages: [] };
    expect(renderAnswerText(answer)).toBe(
      [
        'Q: zebra',
        '(lexical retrieval)',
        '',
        'Nothing in the speech matches this question. Try other words, or /section to read a section.',
      ].join('\n'),
    );
  });
});

describe('a section and quoted paragraphs as text', () => {
  it('heads a section with its name and paragraph range, then each paragraph with its ¶ number, a blank line between', () => {
    expect(renderSectionText(encryption, [p28, p29])).toBe(
      'Encryption (¶28–¶29)\n\n¶28  First sentence. Second sentence. Third sentence.\n\n¶29  Only sentence.',
    );
  });

  it('quotes each paragraph under its citation, a blank line between quotes', () => {
    expect(
      renderQuotesText([
        { section: encryption, paragraph: p29 },
        { section: conclusion, paragraph: p40 },
      ]),
    ).toBe('Encryption · ¶29\n“Only sentence.”\n\nConclusion · ¶40\n“Thank you.”');
  });
});
