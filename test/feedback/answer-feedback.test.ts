import { describe, expect, it } from 'vitest';
import { AnswerFeedback, UNRATED_ANSWER_DAYS } from '../../src/feedback/answer-feedback.js';
import type { FeedbackRepository, NewAnswer } from '../../src/feedback/feedback-repository.js';
import type { Rating, StoredAnswer } from '../../src/feedback/feedback-types.js';
import { memberHasher } from '../../src/feedback/adapters/member-hash.js';

/** A store in a Map, recording what it was given, so the service's own decisions can be read off. */
function mapStore(): FeedbackRepository & { readonly answers: Map<number, StoredAnswer>; forgotBefore: number[] } {
  const answers = new Map<number, StoredAnswer>();
  const ratings = new Map<string, Rating>();
  const forgotBefore: number[] = [];
  return {
    answers,
    forgotBefore,
    insertAnswer(answer: NewAnswer, forgetBefore: number) {
      forgotBefore.push(forgetBefore);
      const id = answers.size + 1;
      answers.set(id, { id, ...answer });
      return id;
    },
    answer: (id) => answers.get(id),
    rating: (id, member) => ratings.get(`${id}/${member}`),
    saveRating: (id, member, rating) => void ratings.set(`${id}/${member}`, rating),
    ratedAnswers: () => [],
  };
}

const ASKER = '200000000000000001';
const OTHER = '200000000000000002';

function feedbackOn(store: FeedbackRepository) {
  const failures: string[] = [];
  const feedback = new AnswerFeedback({
    repository: store,
    hashMember: memberHasher('a test secret of sixteen+'),
    now: () => 10 * 86_400_000,
    onFailure: (_error, what) => failures.push(what),
  });
  return { feedback, failures };
}
const kept = { question: 'Why?', ranking: [3, 1], mode: 'hybrid', owner: ASKER };

describe('AnswerFeedback', () => {
  it('keeps the asker only as a keyed hash, and forgets unrated answers older than the retention', () => {
    const store = mapStore();
    const id = feedbackOn(store).feedback.keep({ ...kept, private: false });
    const stored = store.answers.get(id ?? 0);
    expect(stored?.ownerHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(JSON.stringify(stored)).not.toContain(ASKER);
    expect(stored?.ownerHash).not.toBe(memberHasher('another secret of sixteen')(ASKER));
    expect(store.forgotBefore).toEqual([(10 - UNRATED_ANSWER_DAYS) * 86_400_000]);
  });

  it('records a first rating, says "unchanged" for the same press again, and records a change', () => {
    const { feedback } = feedbackOn(mapStore());
    const id = feedback.keep({ ...kept, private: false }) ?? 0;
    expect(feedback.rate(id, OTHER, 'up')).toEqual({ action: 'save', rating: 'up', previous: undefined });
    expect(feedback.rate(id, OTHER, 'up')).toEqual({ action: 'unchanged', rating: 'up' });
    expect(feedback.rate(id, OTHER, 'down')).toEqual({ action: 'save', rating: 'down', previous: 'up' });
    expect(feedback.rate(id, ASKER, 'down')).toEqual({ action: 'save', rating: 'down', previous: undefined });
  });

  it('lets only the asker rate a private answer, and treats an unknown id as an expired button', () => {
    const { feedback } = feedbackOn(mapStore());
    const id = feedback.keep({ ...kept, private: true }) ?? 0;
    expect(feedback.rate(id, OTHER, 'down')).toEqual({ action: 'refuse', refusal: { code: 'not-your-answer' } });
    expect(feedback.rate(id, ASKER, 'down').action).toBe('save');
    expect(feedback.rate(id + 41, ASKER, 'up')).toEqual({
      action: 'refuse',
      refusal: { code: 'button-expired', what: 'button' },
    });
  });

  it('never throws when the store fails: the answer goes out unrated and a rating is refused in words', () => {
    const broken: FeedbackRepository = {
      ...mapStore(),
      insertAnswer: () => {
        throw new Error('disk full');
      },
      answer: () => {
        throw new Error('disk full');
      },
    };
    const { feedback, failures } = feedbackOn(broken);
    expect(feedback.keep({ ...kept, private: false })).toBeUndefined();
    expect(feedback.rate(1, ASKER, 'up')).toEqual({ action: 'refuse', refusal: { code: 'rating-unavailable' } });
    expect(failures).toEqual(['keep', 'rate']);
  });
});
