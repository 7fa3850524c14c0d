import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AnswerFeedback } from '../../src/feedback/answer-feedback.js';
import { SqliteFeedbackRepository } from '../../src/feedback/adapters/sqlite-feedback-repository.js';
import { openDatabase } from '../../src/study/adapters/sqlite/open-database.js';
import { temporaryFolder } from '../support/test-index.js';

describe('the feedback store when another connection holds the lock', () => {
  it('gives up a write within a fraction of a second, so the answer goes out unrated, and restores the wait', async () => {
    const temporary = await temporaryFolder('feedback-lock');
    const file = path.join(temporary.folder, 'study.sqlite');
    const database = openDatabase(file);
    const other = new BetterSqlite3(file);
    try {
      const failures: string[] = [];
      const feedback = new AnswerFeedback({
        repository: new SqliteFeedbackRepository(database),
        hashMember: (id) => `hash-${id}`,
        now: () => 1_000,
        onFailure: (_error, what) => failures.push(what),
      });
      const kept = { question: 'q', ranking: [1], mode: 'lexical', private: false, owner: '1' };
      const id = feedback.keep(kept);
      expect(id).toBeDefined();
      other.exec('BEGIN IMMEDIATE');
      const started = performance.now();
      expect(feedback.keep(kept)).toBeUndefined();
      expect(feedback.rate(id ?? 0, '2', 'up')).toEqual({ action: 'refuse', refusal: { code: 'rating-unavailable' } });
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(failures).toEqual(['keep', 'rate']);
      // The study store, on the same connection, still waits as long as it did.
      expect(database.pragma('busy_timeout', { simple: true })).toBe(5_000);
      other.exec('COMMIT');
      expect(feedback.rate(id ?? 0, '2', 'up').action).toBe('save');
    } finally {
      other.close();
      database.close();
      await temporary.remove();
    }
  });
});
