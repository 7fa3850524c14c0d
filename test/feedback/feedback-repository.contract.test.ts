import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackRepository, NewAnswer } from '../../src/feedback/feedback-repository.js';
import { SqliteFeedbackRepository } from '../../src/feedback/adapters/sqlite-feedback-repository.js';
import { openDatabase } from '../../src/study/adapters/sqlite/open-database.js';
import { temporaryFolder } from '../support/test-index.js';

/** A store under test and how to end it; `reopen` gives a second store on the same data, as a restart would. */
interface StoreUnderTest {
  readonly store: FeedbackRepository;
  reopen(): FeedbackRepository;
  close(): Promise<void>;
}

const answer = (overrides: Partial<NewAnswer> = {}): NewAnswer => ({
  question: 'What does he say about encryption?',
  ranking: [29, 28, 30],
  mode: 'lexical',
  private: false,
  ownerHash: 'owner-hash',
  createdAt: 1_000_000,
  ...overrides,
});

/** The one contract every feedback store keeps; each implementation runs it below. */
function describeFeedbackRepository(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} (FeedbackRepository contract)`, () => {
    let subject: StoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => subject.close());

    it('keeps an answer as given and finds it by its id; an unknown id finds nothing', () => {
      const id = subject.store.insertAnswer(answer({ private: true }), 0);
      expect(subject.store.answer(id)).toEqual({ id, ...answer({ private: true }) });
      expect(subject.store.answer(id + 1)).toBeUndefined();
    });

    it('holds one rating per member and answer: a second rating replaces the first', () => {
      const id = subject.store.insertAnswer(answer(), 0);
      subject.store.saveRating(id, 'member-a', 'up', 2_000_000);
      subject.store.saveRating(id, 'member-a', 'down', 3_000_000);
      subject.store.saveRating(id, 'member-b', 'up', 2_500_000);
      expect(subject.store.rating(id, 'member-a')).toBe('down');
      expect(subject.store.rating(id, 'member-b')).toBe('up');
      expect(subject.store.rating(id, 'member-c')).toBeUndefined();
      expect(subject.store.ratedAnswers()).toEqual([{ id, ...answer(), up: 1, down: 1, lastDownAt: 3_000_000 }]);
    });

    it('lists only rated answers, and survives a reopening', () => {
      const rated = subject.store.insertAnswer(answer({ question: 'rated' }), 0);
      subject.store.insertAnswer(answer({ question: 'never rated' }), 0);
      subject.store.saveRating(rated, 'member-a', 'up', 2_000_000);
      const again = subject.reopen();
      expect(again.ratedAnswers().map((row) => [row.question, row.up, row.down, row.lastDownAt])).toEqual([
        ['rated', 1, 0, undefined],
      ]);
    });

    it('forgets answers nobody rated once they are older than the cut-off, and keeps rated ones', () => {
      const old = subject.store.insertAnswer(answer({ createdAt: 100 }), 0);
      const oldRated = subject.store.insertAnswer(answer({ createdAt: 100 }), 0);
      subject.store.saveRating(oldRated, 'member-a', 'down', 200);
      const fresh = subject.store.insertAnswer(answer({ createdAt: 5_000 }), 1_000);
      expect(subject.store.answer(old)).toBeUndefined();
      expect(subject.store.answer(oldRated)).toBeDefined();
      expect(subject.store.answer(fresh)).toBeDefined();
    });
  });
}

describeFeedbackRepository('SqliteFeedbackRepository', async () => {
  const temporary = await temporaryFolder('feedback');
  const file = path.join(temporary.folder, 'study.sqlite');
  const databases = [openDatabase(file)];
  return {
    store: new SqliteFeedbackRepository(databases[0]!),
    reopen() {
      const database = openDatabase(file);
      databases.push(database);
      return new SqliteFeedbackRepository(database);
    },
    async close() {
      for (const database of databases) database.close();
      await temporary.remove();
    },
  };
});
