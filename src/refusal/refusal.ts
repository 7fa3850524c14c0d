/**
 * Every expected refusal a member can meet, as data: a code and what the wording needs, never the wording itself
 * (that lives in `render-refusal.ts`, the one place a refusal becomes words). Fields marked "typed by the member" are
 * quoted back, so the renderer escapes them.
 */
export type Refusal =
  // What the member typed into /ask, the queue, or a reference command.
  | { readonly code: 'question-empty' }
  | { readonly code: 'question-too-long'; readonly length: number; readonly max: number }
  | { readonly code: 'question-without-words' }
  | { readonly code: 'results-out-of-range'; readonly option: string; readonly max: number }
  /** `query` is typed by the member; `sections` are the speech's labels ("State Threats (¶12–¶19)"). */
  | { readonly code: 'unknown-section'; readonly query: string; readonly sections: readonly string[] }
  | { readonly code: 'ambiguous-section'; readonly query: string; readonly sections: readonly string[] }
  /** A section id the caller passed (the retriever's `sectionId`, not typed by a member). */
  | { readonly code: 'unknown-section'; readonly sectionId: string }
  /** `edge` when a step (next, previous) would leave the speech rather than a number typed out of range. */
  | { readonly code: 'paragraph-out-of-range'; readonly last: number; readonly edge?: 'first' | 'last' }
  | { readonly code: 'quote-too-long'; readonly from: number; readonly max: number }
  | { readonly code: 'cooldown'; readonly remainingMs: number }
  // Message commands: the target message is the member's input.
  | { readonly code: 'message-without-text' }
  | { readonly code: 'message-too-long'; readonly length: number; readonly max: number }
  // Ratings of an /ask answer.
  | { readonly code: 'not-your-answer' }
  | { readonly code: 'rating-unavailable' }
  // The command line: `problem` is Node's own account of the options given.
  | { readonly code: 'bad-option'; readonly problem: string; readonly usage: string }
  | { readonly code: 'section-not-named'; readonly sections: readonly string[] }
  // Buttons, forms and commands that no longer match the bot.
  | { readonly code: 'button-expired'; readonly what: ExpiredThing }
  | { readonly code: 'not-yours' }
  | { readonly code: 'unknown-command' }
  | { readonly code: 'stale-command' }
  // Study sessions.
  | { readonly code: 'not-moderator' }
  | { readonly code: 'not-in-server' }
  /** A member installed the app to their account, but this server has not installed it. */
  | { readonly code: 'server-not-installed' }
  | { readonly code: 'not-text-channel' }
  | { readonly code: 'no-session' }
  | { readonly code: 'session-exists' }
  | { readonly code: 'session-ended'; readonly already?: boolean }
  | { readonly code: 'session-paused' }
  | { readonly code: 'not-paused' }
  | { readonly code: 'set-and-clear'; readonly option: string }
  | { readonly code: 'cooldown-out-of-range'; readonly min: number; readonly max: number }
  | { readonly code: 'too-many-pending'; readonly waiting: number }
  /** `by` is the deciding moderator's user id, when known. */
  | { readonly code: 'already-decided'; readonly status: string; readonly by: string | null }
  | { readonly code: 'decided-meanwhile' }
  | { readonly code: 'not-rejected' }
  | { readonly code: 'own-question' }
  | { readonly code: 'already-asked' };

/** What a stale button or form pointed at. */
export type ExpiredThing = 'button' | 'older-index' | 'section' | 'paragraph' | 'question' | 'form';

export type RefusalCode = Refusal['code'];

/** A decision's result: the value, or the refusal to show. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export const accept = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (refusal: Refusal): { readonly ok: false; readonly refusal: Refusal } => ({
  ok: false,
  refusal,
});
