import { describe, expect, it } from 'vitest';
import { normaliseForMatching, TextAnalyzer } from '../../src/search/lexical/analyze-text.js';

const plain = new TextAnalyzer();
const analyzeDocument = (text: string) => plain.analyzeDocument(text);
const analyzeQuestion = (text: string) => plain.analyzeQuestion(text);

describe('text analysis for matching', () => {
  it('treats curly and straight apostrophes and possessives alike', () => {
    expect(analyzeDocument('MI5’s task')).toEqual(analyzeQuestion("MI5's task"));
    expect(analyzeDocument('the states’ agents')).toEqual(analyzeDocument('the states agents'));
  });

  it('matches hyphenated, spaced and joined compounds', () => {
    expect(analyzeDocument('end-to-end encryption')).toEqual(
      expect.arrayContaining(analyzeQuestion('end to end encryption')),
    );
    expect(analyzeDocument('counter-terrorism')).toEqual(expect.arrayContaining(analyzeQuestion('counterterrorism')));
    expect(analyzeDocument('counter–terrorism')).toEqual(analyzeDocument('counter-terrorism'));
  });

  it('stems, lower-cases and drops stopwords', () => {
    expect(analyzeDocument('The Threats were Threatening')).toEqual(['threat', 'threaten']);
  });

  it('drops the words that frame a question about the speech, but only from questions', () => {
    expect(analyzeQuestion('What did the Director General say about encryption?')).toEqual(['encrypt']);
    expect(analyzeDocument('I will say more')).toEqual(['sai']);
  });

  it('keeps the speaker’s name as content when no framing verb makes it the subject', () => {
    expect(analyzeQuestion('What did Ken McCallum say about encryption?')).toEqual(['encrypt']);
    expect(analyzeQuestion('Who was Director General before Ken McCallum?')).toEqual([
      'director',
      'gener',
      'ken',
      'mccallum',
    ]);
  });

  it('ignores Discord mention syntax', () => {
    expect(normaliseForMatching('@everyone <@123> <@&456> <#789> @here spies')).toEqual(['spies']);
  });
});
