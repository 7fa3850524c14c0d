import { encodeButtonState } from '../../discord/custom-ids.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import { COLORS, type ButtonView, type MessageView } from '../../discord/message-view.js';
import type { QueuedQuestion, StudySession } from '../study-types.js';

/** Everyone who asks a question, the author first, by display name. */
export const askersOf = (question: QueuedQuestion): string[] => [
  question.authorName,
  ...question.coAskers.map((asker) => asker.name),
];

/** Most askers named in a credit; the rest are counted, so a popular question's post stays within Discord's limits. */
export const NAMED_ASKERS = 5;

/**
 * "Ana", "Ana and Ben", "Ana, Ben and Cy", "Ana, Ben, Cy, Dee, Eve and 3 others": display names on one line (a credit
 * starts the post, before the question), never mentions; `escape` for Markdown (the thread post), or not (an embed's
 * author line, which Discord shows as plain text).
 */
export function listNames(names: readonly string[], escape: (text: string) => string = escapeMarkdown): string {
  const shown = names.slice(0, NAMED_ASKERS).map((name) => escape(name.replace(/\s+/gu, ' ').slice(0, 32)));
  const others = names.length - shown.length;
  if (others > 0) return `${shown.join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/**
 * A queued question in the moderators' channel, with Approve and Reject and how many members asked it; once decided,
 * how it was decided (a rejected one keeps a Reopen button while its session runs); and once its session ended
 * undecided, that it was not taken up (its thread is locked, so nothing can be decided any more).
 */
export function renderQueuedQuestion(question: QueuedQuestion, session: StudySession): MessageView {
  const decided = question.status !== 'pending' && question.status !== 'held';
  const closed = decided || session.status === 'ended';
  const verdict = question.status === 'rejected' ? 'Rejected' : 'Approved';
  const askers = 1 + question.coAskers.length;
  const asked = askers > 1 ? ` · ${askers} members asked` : '';
  const footer = decided
    ? `${verdict}${question.decidedBy ? ` by a moderator` : ''}${question.reason ? ` · reason: ${question.reason}` : ''}${asked}`
    : closed
      ? `Question ${question.id} · not taken up: the session ended before a decision${asked}`
      : `Question ${question.id} · ${question.status === 'held' ? 'held while the session is paused' : 'waiting for a moderator'}${asked}`;
  const content =
    decided && question.decidedBy
      ? `${verdict} by <@${question.decidedBy}>.`
      : closed && !decided
        ? `Not taken up: **${escapeMarkdown(session.title)}** ended first.`
        : `Question for **${escapeMarkdown(session.title)}** in <#${session.threadId}>`;
  const button = (action: 'approve' | 'reject' | 'reopen', label: string, style: ButtonView['style']): ButtonView => ({
    customId: encodeButtonState({ kind: 'question', action, question: question.id }),
    label,
    style,
  });
  const reopenable = question.status === 'rejected' && session.status !== 'ended';
  return {
    content,
    embeds: [
      {
        // Every name the approval will credit in public, so the moderators see them first.
        author: `${listNames(askersOf(question), (name) => name)} ${askers > 1 ? 'ask' : 'asks'}`.slice(0, 256),
        description: escapeMarkdown(question.text),
        footer: footer.slice(0, 2048),
        color: closed ? COLORS.weak : COLORS.notice,
      },
    ],
    buttons: reopenable
      ? [[button('reopen', 'Reopen', 'secondary')]]
      : closed
        ? []
        : [[button('approve', 'Approve', 'primary'), button('reject', 'Reject', 'secondary')]],
  };
}

/**
 * An approved question in the session's thread: credited to every member who asked it, by display name (shown,
 * never pinged), then its answer.
 */
export function renderApprovedQuestion(question: QueuedQuestion, answer: MessageView): MessageView {
  // The answer's first line echoes the question; what follows (a weak-match note) stays.
  const note = (answer.content ?? '').split('\n').slice(1).join('\n');
  const asked = `**Question from ${listNames(askersOf(question))}:** ${escapeMarkdown(question.text.replace(/\s+/gu, ' '))}`;
  return { ...answer, content: note === '' ? asked : `${asked}\n${note}` };
}
