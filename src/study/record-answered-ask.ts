import { validateQuestion } from '../search/validate-question.js';
import { questionMatchKey } from './question-match-key.js';
import type { StudyContext } from './study-context.js';
import type { Asker } from './study-types.js';

/**
 * Keeps a public `/ask` that was answered at once in a session's thread (an unmoderated session, or a moderated one
 * whose moderators' channel is gone) as an answered question of the session: it lands on the paragraph map and the
 * transcript credits it under the passage on the table, as a moderated session's approved questions are. Runs in the
 * thread's turn, so a question answered while `/study end` counts the recap is either in it or not kept at all. A
 * private ask is the member's own business and is never kept.
 */
export async function recordAnsweredAsk(
  context: StudyContext,
  threadId: string,
  author: Asker,
  rawText: string,
): Promise<void> {
  const { repository, commands, now } = context;
  const seen = repository.sessionByThread(threadId);
  if (!seen || seen.status === 'ended') return;
  const text = validateQuestion(rawText);
  const landedOn = (await commands.topParagraph(text)) ?? null;
  await context.serial.run(threadId, () => {
    const session = repository.sessionById(seen.id);
    if (!session || session.status === 'ended') return Promise.resolve();
    repository.addQuestion({
      sessionId: session.id,
      guildId: session.guildId,
      authorId: author.id,
      authorName: author.name,
      text,
      status: 'answered',
      createdAt: now(),
      reason: null,
      matchKey: questionMatchKey(text),
      landedOn,
    });
    return Promise.resolve();
  });
}
