import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { MessageView } from '../message-view.js';
import type { AnswerPath, BotContext } from './bot-context.js';
import { toEditPayload, toReplyPayload } from './discord-message.js';

/** What {@link answerInTime} needs of an interaction; discord.js' repliable interactions have it. */
export type InTimeInteraction = Pick<RepliableInteraction, 'createdTimestamp' | 'reply' | 'deferReply' | 'editReply'>;

export interface AnswerTiming {
  /** Milliseconds from the interaction's creation within which a ready answer is sent as the first response. */
  readonly budgetMs: number;
  readonly now: () => number;
}

/** The timing of `context`'s answers, and whether this one is private. */
export function answerTimingOf(
  context: Pick<BotContext, 'answerBudgetMs' | 'now'>,
  isPrivate: boolean,
): AnswerTiming & { readonly private: boolean } {
  return { budgetMs: context.answerBudgetMs, now: context.now, private: isPrivate };
}

type Settled = { readonly ok: true; readonly view: MessageView } | { readonly ok: false; readonly error: unknown };

/**
 * Sends `work`'s answer as the interaction's first response when it is ready within the budget (counted from the
 * interaction's creation, as Discord's three seconds are); otherwise defers at the budget and edits the answer in
 * when it is ready. Exactly one first response whatever the race: the race is decided once, before anything is
 * sent. A failure before the budget is thrown with nothing sent (the caller's catch answers privately); one after the
 * deferral is thrown with the deferral standing. Private answers are ephemeral on both paths.
 */
export async function answerInTime(
  interaction: InTimeInteraction,
  work: Promise<MessageView>,
  options: AnswerTiming & { readonly private: boolean },
): Promise<{ readonly path: AnswerPath; readonly view: MessageView }> {
  const settled: Promise<Settled> = work.then(
    (view) => ({ ok: true, view }),
    (error: unknown) => ({ ok: false, error }),
  );
  // Counted from the interaction's creation (Discord's clock, in its id), but never longer than the budget from now: a
  // host clock behind Discord's would otherwise wait past the 3 s Discord gives.
  const remainingMs = Math.min(interaction.createdTimestamp + options.budgetMs - options.now(), options.budgetMs);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, remainingMs));
  });
  // A spent budget (or a budget of 0) defers at once, however soon the answer would come.
  const first = remainingMs <= 0 ? 'late' : await Promise.race([settled, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    if (!first.ok) throw first.error;
    await interaction.reply(toReplyPayload(first.view, options.private));
    return { path: 'direct', view: first.view };
  }
  await interaction.deferReply(options.private ? { flags: MessageFlags.Ephemeral } : {});
  const result = await settled;
  if (!result.ok) throw result.error;
  await interaction.editReply(toEditPayload(result.view));
  return { path: 'deferred', view: result.view };
}
