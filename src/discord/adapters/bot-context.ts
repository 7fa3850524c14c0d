import type { Logger } from 'pino';
import type { Cooldown } from '../cooldown.js';
import type { PassageCommands } from '../../passages/passage-commands.js';
import type { QuestionQueue } from '../../study/question-queue.js';
import type { StudySessions } from '../../study/study-sessions.js';
import type { AnswerFeedback } from '../../feedback/answer-feedback.js';

/** What every handler may use; built once in app wiring. */
export interface BotContext {
  readonly commands: PassageCommands;
  readonly askCooldown: Cooldown;
  readonly logger: Logger;
  readonly sessions: StudySessions;
  readonly queue: QuestionQueue;
  /** Keeps /ask answers for their 👍/👎 buttons and records the ratings. */
  readonly feedback: AnswerFeedback;
  /** How long after an interaction's creation a ready answer may still be its first response. */
  readonly answerBudgetMs: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number;
}

/** How an answer went out: as the interaction's first response, or deferred first and edited in. */
export type AnswerPath = 'direct' | 'deferred';

/** What a handler reports for the interaction log line. */
export interface HandlerOutcome {
  readonly outcome: 'answered' | 'refused' | 'updated';
  /** Characters sent. */
  readonly size: number;
  /** For answers that can be slow: sent as the first response, or deferred and edited in. */
  readonly path?: AnswerPath;
}
