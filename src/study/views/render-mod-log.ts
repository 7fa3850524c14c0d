import { escapeMarkdown } from '../../discord/escape-markdown.js';

/** Something a moderator did, as the moderators' channel is told of it. */
export type ModLogEvent =
  | { readonly kind: 'configured'; readonly actorId: string; readonly changed: readonly string[] }
  | {
      readonly kind: 'started';
      readonly actorId: string;
      readonly title: string;
      readonly threadId: string;
      readonly from: number;
    }
  | { readonly kind: 'moved'; readonly actorId: string; readonly title: string; readonly paragraph: number }
  | { readonly kind: 'paused' | 'resumed' | 'ended'; readonly actorId: string; readonly title: string }
  | {
      readonly kind: 'approved';
      readonly actorId: string;
      readonly questionId: number;
      readonly authorId: string;
      readonly threadId: string;
    }
  | { readonly kind: 'reopened'; readonly actorId: string; readonly questionId: number; readonly authorId: string }
  | {
      readonly kind: 'rejected';
      readonly actorId: string;
      readonly questionId: number;
      readonly authorId: string;
      readonly reason: string | null;
    };

/**
 * One line for the moderators' channel. Titles and reasons are moderators' own text, escaped; members are named by
 * mention, which the client's `allowedMentions` keeps from pinging.
 */
export function renderModLogLine(event: ModLogEvent): string {
  const by = `<@${event.actorId}>`;
  switch (event.kind) {
    case 'configured':
      return `⚙️ ${by} changed the study settings: ${event.changed.join(', ')}.`;
    case 'started':
      return `▶️ ${by} started **${escapeMarkdown(event.title)}** in <#${event.threadId}> (¶${event.from}).`;
    case 'moved':
      return `⏭️ ${by} moved **${escapeMarkdown(event.title)}** to ¶${event.paragraph}.`;
    case 'paused':
      return `⏸️ ${by} paused **${escapeMarkdown(event.title)}**.`;
    case 'resumed':
      return `▶️ ${by} resumed **${escapeMarkdown(event.title)}**.`;
    case 'ended':
      return `⏹️ ${by} ended **${escapeMarkdown(event.title)}**.`;
    case 'approved':
      return `✅ ${by} approved question ${event.questionId} from <@${event.authorId}> in <#${event.threadId}>.`;
    case 'reopened':
      return `↩️ ${by} reopened question ${event.questionId} from <@${event.authorId}>: it is back in the queue.`;
    case 'rejected':
      return `❌ ${by} rejected question ${event.questionId} from <@${event.authorId}>${event.reason ? ` (${escapeMarkdown(event.reason)})` : ''}.`;
  }
}
