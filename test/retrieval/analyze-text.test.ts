import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeQuestion, normaliseForMatching } from '../../src/core/retrieval/analyze-text.js';

describe('text analysis for matching', () => {
  it('treats curly and straight apostrophes and possessives alike', () => {
    expect(analyzeDocument('MI5’s task')).toEqual(analyzeQuestion("MI5's task"));
    expect(analyzeDocument('the states’ agents')).toEqual(analyzeDocument("the states agents"));
  });

  it('matches hyphenated, spaced and joined compounds', () => {
    expect(analyzeDocument('end-to-end encryption')).toEqual(expect.arrayContaining(analyzeQuestion('end to end encryption')));
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

  it('ignores Discord mention syntax', () => {
    expect(normaliseForMatching('@everyone <@123> <@&456> <#789> @here spies')).toEqual(['spies']);
  });
});
