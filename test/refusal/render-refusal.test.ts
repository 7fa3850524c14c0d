import { describe, expect, it } from 'vitest';
import { classifyFailure, exitCodeOf } from '../../src/refusal/classify-failure.js';
import { ConfigError } from '../../src/refusal/config-error.js';
import type { Refusal, RefusalCode } from '../../src/refusal/refusal.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';

/** One refusal of every code: the record's type makes a new code fail to compile until it has a sample here. */
const SAMPLES: Record<RefusalCode, Refusal> = {
  'question-empty': { code: 'question-empty' },
  'question-too-long': { code: 'question-too-long', length: 301, max: 300 },
  'question-without-words': { code: 'question-without-words' },
  'results-out-of-range': { code: 'results-out-of-range', option: '--k', max: 10 },
  'unknown-section': { code: 'unknown-section', query: 'weather', sections: ['State Threats (¶12–¶19)'] },
  'ambiguous-section': { code: 'ambiguous-section', query: 'c', sections: ['Conclusion (¶30–¶31)'] },
  'paragraph-out-of-range': { code: 'paragraph-out-of-range', last: 31 },
  'quote-too-long': { code: 'quote-too-long', from: 3, max: 5 },
  cooldown: { code: 'cooldown', remainingMs: 4_200 },
  'message-without-text': { code: 'message-without-text' },
  'message-too-long': { code: 'message-too-long', length: 301, max: 300 },
  'not-your-answer': { code: 'not-your-answer' },
  'rating-unavailable': { code: 'rating-unavailable' },
  'server-not-installed': { code: 'server-not-installed' },
  'bad-option': { code: 'bad-option', problem: "Unknown option '--x'", usage: 'npm run ask -- "question"' },
  'section-not-named': { code: 'section-not-named', sections: ['Conclusion (¶30–¶31)'] },
  'button-expired': { code: 'button-expired', what: 'older-index' },
  'not-yours': { code: 'not-yours' },
  'unknown-command': { code: 'unknown-command' },
  'stale-command': { code: 'stale-command' },
  'not-moderator': { code: 'not-moderator' },
  'not-in-server': { code: 'not-in-server' },
  'not-text-channel': { code: 'not-text-channel' },
  'no-session': { code: 'no-session' },
  'session-exists': { code: 'session-exists' },
  'session-ended': { code: 'session-ended', already: true },
  'session-paused': { code: 'session-paused' },
  'not-paused': { code: 'not-paused' },
  'set-and-clear': { code: 'set-and-clear', option: 'mod-channel' },
  'cooldown-out-of-range': { code: 'cooldown-out-of-range', min: 0, max: 3600 },
  'too-many-pending': { code: 'too-many-pending', waiting: 3 },
  'already-decided': { code: 'already-decided', status: 'rejected', by: '42' },
  'decided-meanwhile': { code: 'decided-meanwhile' },
  'not-rejected': { code: 'not-rejected' },
  'own-question': { code: 'own-question' },
  'already-asked': { code: 'already-asked' },
};

describe('the words of a refusal', () => {
  it.each(Object.entries(SAMPLES))('gives %s a short sentence with every value filled in', (_code, refusal) => {
    const shown = renderRefusal(refusal);
    expect(shown).toMatch(/^\S.*[.)"]$/su);
    expect(shown.length).toBeLessThan(300);
    expect(shown).not.toMatch(/undefined|null|NaN|\[object/u);
  });

  it('says what to change, with the numbers the refusal carries', () => {
    expect(renderRefusal(SAMPLES['question-too-long'])).toBe(
      'That question is 301 characters long; the limit is 300. Please shorten it.',
    );
    expect(renderRefusal(SAMPLES['quote-too-long'])).toBe(
      'A quote can show at most 5 paragraphs; ask for ¶3 to ¶7 at most.',
    );
    expect(renderRefusal(SAMPLES.cooldown)).toBe('You can ask again in 5 s.');
    expect(renderRefusal({ code: 'paragraph-out-of-range', last: 31, edge: 'first' })).toBe(
      'This is the first paragraph of the speech.',
    );
    expect(renderRefusal({ code: 'already-decided', status: 'approved', by: null })).toBe(
      'This question was already approved.',
    );
  });

  it('passes what the member typed, and only that, through the quoting the front end chose', () => {
    const quote = (typed: string) => `[${typed}]`;
    expect(renderRefusal({ code: 'unknown-section', query: '**x**', sections: ['A (¶1)'] }, quote)).toBe(
      'No section is called "[**x**]". The sections are: A (¶1).',
    );
    expect(renderRefusal({ code: 'unknown-section', sectionId: 'weather' }, quote)).toBe(
      'No section has the id "[weather]".',
    );
    expect(renderRefusal({ code: 'ambiguous-section', query: 'c', sections: ['C1 (¶1)', 'C2 (¶2)'] }, quote)).toBe(
      '"[c]" matches several sections: C1 (¶1), C2 (¶2).',
    );
  });

  it('quotes back at most 100 characters of a long section name, so the refusal fits one message', () => {
    const shown = renderRefusal({ code: 'unknown-section', query: 'x'.repeat(5_000), sections: [] });
    expect(shown).toContain(`"${'x'.repeat(100)}…"`);
    expect(shown.length).toBeLessThan(200);
  });
});

describe('what a failure means to every front end', () => {
  it('tells a refusal, an operator’s failure and a fault apart, with the exit code each ends a CLI run with', () => {
    const refused = classifyFailure(new UserFacingError({ code: 'not-yours' }));
    expect(refused).toEqual({ kind: 'refusal', refusal: { code: 'not-yours' } });
    const operator = classifyFailure(new ConfigError('LOG_LEVEL is invalid'));
    expect(operator).toEqual({ kind: 'operator', message: 'LOG_LEVEL is invalid' });
    const fault = classifyFailure(new TypeError('boom'));
    expect(fault).toEqual({ kind: 'fault' });
    expect([refused, operator, fault].map(exitCodeOf)).toEqual([2, 2, 1]);
  });

  it('keeps the words out of the error itself: its message names only the code, for logs', () => {
    const error = new UserFacingError({ code: 'unknown-section', query: 'secret plans', sections: [] });
    expect(error.message).toBe('refused: unknown-section');
    expect(error.code).toBe('unknown-section');
  });
});
