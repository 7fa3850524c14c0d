import { describe, expect, it } from 'vitest';
import { validateQuestion } from '../../src/search/validate-question.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';

function refusal(raw: string): UserFacingError {
  try {
    validateQuestion(raw);
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe('validateQuestion', () => {
  it('tells a member who typed only punctuation or emoji to ask in words', () => {
    for (const raw of ['?!… — ***', '🕵️‍♂️🔐💣']) {
      const error = refusal(raw);
      expect({ code: error.code, message: renderRefusal(error.refusal) }).toEqual({
        code: 'question-without-words',
        message: 'Ask a question in words: that text has no letters or digits.',
      });
    }
  });

  it('accepts a question with a single digit or letter among the punctuation, trimmed', () => {
    expect(validateQuestion('  ¶12?  ')).toBe('¶12?');
    expect(validateQuestion('— é —')).toBe('— é —');
  });
});
