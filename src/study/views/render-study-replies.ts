import { escapeMarkdown } from '../../discord/escape-markdown.js';
import type { MessageView } from '../../discord/message-view.js';
import type { GuildSettings } from '../study-types.js';

/** `/study config`'s private reply: the settings as they now are. */
export function renderSettingsReply(settings: GuildSettings, updated: boolean): string {
  const role = settings.moderatorRoleId
    ? `<@&${settings.moderatorRoleId}>`
    : 'none (Manage Threads, Manage Server or Administrator)';
  const terms =
    settings.blockedTerms.length > 0
      ? settings.blockedTerms.map((term) => `\`${term.replace(/`/gu, '')}\``).join(', ')
      : 'none';
  return [
    `**Study settings**${updated ? ' (updated)' : ''}`,
    `Moderator role: ${role}`,
    `Moderators’ channel: ${settings.modChannelId ? `<#${settings.modChannelId}>` : 'none'}`,
    `Moderated questions: ${settings.moderated ? 'yes' : 'no'} · cooldown ${settings.cooldownSeconds} s`,
    `Blocked terms: ${terms}`,
  ].join('\n');
}

/** `/study start`'s reply; `unmoderated` when moderation is on but no moderators' channel could take the queue. */
export function renderStartedReply(threadId: string, from: number, unmoderated: boolean): string {
  const warning = unmoderated
    ? ' Questions are answered at once: set a moderators’ channel with `/study config mod-channel:` to moderate them.'
    : '';
  return `Session started in <#${threadId}>, on ¶${from}.${warning}`;
}

export const renderMovedReply = (paragraph: number): string => `Posted ¶${paragraph}.`;

/** `/study end`'s reply; `already` when it only finished closing a session that had ended. */
export const renderEndedReply = (already: boolean): string =>
  already
    ? 'This session had already ended; its thread is archived and locked.'
    : 'Session ended: the recap is posted and the thread archived and locked.';

/** What a pause or resume says, to the moderator and in the thread. */
export const renderStateChange = (action: 'pause' | 'resume'): string =>
  action === 'pause' ? 'The session is paused: questions are held until it resumes.' : 'The session has resumed.';

/** Where a member's question went, told to them privately. */
export type QueuedReply =
  | { readonly kind: 'auto-rejected'; readonly reason: string }
  | { readonly kind: 'held' | 'sent' | 'unposted'; readonly position: number };

export function renderQueuedReply(reply: QueuedReply): string {
  switch (reply.kind) {
    case 'auto-rejected':
      return `Your question was not sent to the moderators: ${reply.reason}`;
    case 'held':
      return `The session is paused: your question is held and goes to the moderators when it resumes (position ${reply.position}).`;
    case 'unposted':
      return `Your question is queued (position ${reply.position}), but the moderators’ channel could not be reached; it will be posted there as soon as the bot can.`;
    case 'sent':
      return `Your question was sent to the moderators (position ${reply.position} in the queue). If they approve it, it is answered in this thread.`;
  }
}

export const renderApprovedReply = (threadId: string): string =>
  `Approved: the question and its answer are posted in <#${threadId}>.`;

/** The moderator's reply to a Reject; `told` when the author's direct message went through. */
export const renderRejectedReply = (told: boolean): string =>
  told
    ? 'Rejected; the author was told privately.'
    : 'Rejected. The author could not be told: they do not accept direct messages from the bot.';

/** A reply with no embeds or buttons. */
export const textView = (content: string): MessageView => ({ content, embeds: [], buttons: [] });

/** Me too's reply: how many members now ask the question. */
export const renderMeTooReply = (askers: number): string =>
  `Added: ${askers} members asked this question. If the moderators approve it, it is answered in the thread, crediting each of you.`;

/** The moderator's reply to a Reopen; `told` when the author's direct message went through. */
export const renderReopenedReply = (told: boolean): string =>
  told
    ? 'Reopened: the question is back in the queue with Approve and Reject; the author was told privately.'
    : 'Reopened: the question is back in the queue with Approve and Reject. The author could not be told: they do not accept direct messages from the bot.';

/** The author's direct message when a moderator reopens their rejected question. */
export function renderReopenedNotice(title: string, question: string): string {
  return `Your question in “${escapeMarkdown(title)}” was reopened by the moderators: it is back in the queue.\n${quoteLines(question)}`;
}

/** The author's direct message when a moderator rejects their question, quoting it. */
export function renderRejectionNotice(title: string, question: string, reason: string | null): string {
  const because = reason ? ` Reason: ${escapeMarkdown(reason)}` : '';
  return `Your question in “${escapeMarkdown(title)}” was not taken up by the moderators.${because}\n${quoteLines(question)}`;
}

/** A member's text as a Markdown quote, every line escaped. */
export function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}
