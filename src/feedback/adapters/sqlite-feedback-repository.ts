import type { Database, Statement } from 'better-sqlite3';
import type { FeedbackRepository, NewAnswer } from '../feedback-repository.js';
import type { RatedAnswer, Rating, StoredAnswer } from '../feedback-types.js';

interface AnswerRow {
  readonly id: number;
  readonly question: string;
  readonly ranking: string;
  readonly mode: string;
  readonly private: number;
  readonly owner_hash: string;
  readonly created_at: number;
}
interface RatedRow extends AnswerRow {
  readonly up: number;
  readonly down: number;
  readonly last_down_at: number | null;
}

const answerFromRow = (row: AnswerRow): StoredAnswer => ({
  id: row.id,
  question: row.question,
  ranking: (JSON.parse(row.ranking) as unknown[]).filter((item): item is number => typeof item === 'number'),
  mode: row.mode,
  private: row.private === 1,
  ownerHash: row.owner_hash,
  createdAt: row.created_at,
});

/**
 * How long a feedback write waits for a lock another connection holds (a backup, the sqlite3 shell). The study store
 * waits seconds; a rating must not: better-sqlite3 waits on the event loop, and every answer in flight would wait
 * with it past Discord's 3 s. A write that cannot have the lock at once fails, and the answer goes out unrated.
 */
export const FEEDBACK_BUSY_TIMEOUT_MS = 50;

/**
 * The feedback store on the bot's SQLite database (migration 5: `answers`, `ratings`). It shares the connection the
 * study store opened, so one file holds everything and one `close` ends it.
 */
export class SqliteFeedbackRepository implements FeedbackRepository {
  private readonly statements: {
    readonly insertAnswer: Statement<Omit<AnswerRow, 'id'>>;
    readonly forgetUnrated: Statement<[number]>;
    readonly answer: Statement<[number], AnswerRow>;
    readonly rating: Statement<[number, string], { rating: Rating }>;
    readonly saveRating: Statement<[number, string, Rating, number]>;
    readonly rated: Statement<[], RatedRow>;
  };

  constructor(private readonly db: Database) {
    this.statements = {
      insertAnswer: db.prepare(
        `INSERT INTO answers (question, ranking, mode, private, owner_hash, created_at)
         VALUES (@question, @ranking, @mode, @private, @owner_hash, @created_at)`,
      ),
      forgetUnrated: db.prepare(
        'DELETE FROM answers WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM ratings WHERE answer_id = answers.id)',
      ),
      answer: db.prepare('SELECT * FROM answers WHERE id = ?'),
      rating: db.prepare('SELECT rating FROM ratings WHERE answer_id = ? AND member_hash = ?'),
      saveRating: db.prepare(
        `INSERT INTO ratings (answer_id, member_hash, rating, rated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, member_hash) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
      ),
      rated: db.prepare(
        `SELECT answers.*,
                SUM(ratings.rating = 'up') AS up,
                SUM(ratings.rating = 'down') AS down,
                MAX(CASE WHEN ratings.rating = 'down' THEN ratings.rated_at END) AS last_down_at
         FROM answers JOIN ratings ON ratings.answer_id = answers.id
         GROUP BY answers.id`,
      ),
    };
  }

  insertAnswer(answer: NewAnswer, forgetBefore: number): number {
    return this.waitingBriefly(() =>
      this.db.transaction(() => {
        this.statements.forgetUnrated.run(forgetBefore);
        const result = this.statements.insertAnswer.run({
          question: answer.question,
          ranking: JSON.stringify(answer.ranking),
          mode: answer.mode,
          private: answer.private ? 1 : 0,
          owner_hash: answer.ownerHash,
          created_at: answer.createdAt,
        });
        return Number(result.lastInsertRowid);
      })(),
    );
  }

  answer(id: number): StoredAnswer | undefined {
    const row = this.statements.answer.get(id);
    return row === undefined ? undefined : answerFromRow(row);
  }

  rating(answerId: number, memberHash: string): Rating | undefined {
    return this.statements.rating.get(answerId, memberHash)?.rating;
  }

  saveRating(answerId: number, memberHash: string, rating: Rating, at: number): void {
    this.waitingBriefly(() => this.statements.saveRating.run(answerId, memberHash, rating, at));
  }

  /** Runs a write with {@link FEEDBACK_BUSY_TIMEOUT_MS} as the connection's busy timeout, then restores it. */
  private waitingBriefly<T>(write: () => T): T {
    const previous = Number(this.db.pragma('busy_timeout', { simple: true }));
    this.db.pragma(`busy_timeout = ${FEEDBACK_BUSY_TIMEOUT_MS}`);
    try {
      return write();
    } finally {
      this.db.pragma(`busy_timeout = ${previous}`);
    }
  }

  ratedAnswers(): RatedAnswer[] {
    return this.statements.rated.all().map((row) => ({
      ...answerFromRow(row),
      up: row.up,
      down: row.down,
      lastDownAt: row.last_down_at ?? undefined,
    }));
  }
}
