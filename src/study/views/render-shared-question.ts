import { encodeButtonState } from '../../discord/custom-ids.js';
import type { MessageView } from '../../discord/message-view.js';
import type { QueuedQuestion } from '../study-types.js';
import { askersOf } from './render-queued-question.js';
import { quoteLines } from './render-study-replies.js';

/**
 * The private reply to a member whose question is already waiting: the waiting one quoted, how many ask it, and two
 * buttons: Me too (join it) and Ask anyway (queue theirs, held back as draft `draftId`, under the usual limits).
 */
export function renderAlreadyWaiting(waiting: QueuedQuestion, draftId: number): MessageView {
  const askers = askersOf(waiting).length;
  return {
    content: [
      `This question is already waiting for the moderators (asked by ${askers === 1 ? 'one member' : `${askers} members`}):`,
      quoteLines(waiting.text),
      'Press **Me too** to be counted among its askers, or **Ask anyway** if yours is a different question.',
    ].join('\n'),
    embeds: [],
    buttons: [
      [
        {
          customId: encodeButtonState({ kind: 'question', action: 'me-too', question: waiting.id }),
          label: 'Me too',
          style: 'primary',
        },
        {
          customId: encodeButtonState({ kind: 'question', action: 'ask-anyway', question: draftId }),
          label: 'Ask anyway',
          style: 'secondary',
        },
      ],
    ],
  };
}
