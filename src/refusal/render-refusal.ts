import type { ExpiredThing, Refusal } from './refusal.js';

const EXPIRED: Record<ExpiredThing, string> = {
  button: 'This button is no longer valid. Run the command again.',
  'older-index': 'This button belongs to an older version of the speech index. Run the command again.',
  section: 'That section does not exist.',
  paragraph: 'That paragraph does not exist.',
  question: 'That question no longer exists.',
  form: 'This form is no longer valid.',
};

/** Longest stretch of a member's text quoted back, so that a refusal always fits one message. */
const QUOTED_MAX = 100;

/**
 * The words a member reads for a refusal: short, saying what to change, free of internals. Everything the member
 * typed passes through `quote` (Discord escapes Markdown there; the console and the CLI show it as typed).
 */
export function renderRefusal(refusal: Refusal, quote: (typed: string) => string = (typed) => typed): string {
  switch (refusal.code) {
    case 'question-empty':
      return 'Ask a question: the text was empty.';
    case 'question-too-long':
      return `That question is ${refusal.length} characters long; the limit is ${refusal.max}. Please shorten it.`;
    case 'question-without-words':
      return 'Ask a question in words: that text has no letters or digits.';
    case 'results-out-of-range':
      return `${refusal.option} must be a whole number from 1 to ${refusal.max}.`;
    case 'unknown-section':
      if ('sectionId' in refusal) return `No section has the id "${quote(refusal.sectionId)}".`;
      return `No section is called "${quoteCut(refusal.query, quote)}". The sections are: ${refusal.sections.join(', ')}.`;
    case 'ambiguous-section':
      return `"${quoteCut(refusal.query, quote)}" matches several sections: ${refusal.sections.join(', ')}.`;
    case 'paragraph-out-of-range':
      if (refusal.edge) return `This is the ${refusal.edge} paragraph of the speech.`;
      return `Paragraphs are numbered ¶1 to ¶${refusal.last}.`;
    case 'quote-too-long':
      return `A quote can show at most ${refusal.max} paragraphs; ask for ¶${refusal.from} to ¶${refusal.from + refusal.max - 1} at most.`;
    case 'cooldown':
      return `You can ask again in ${Math.ceil(refusal.remainingMs / 1000)} s.`;
    case 'message-without-text':
      return 'That message has no words to read: Check quote and Ask the speech work on its text (not on images or embeds).';
    case 'message-too-long':
      return `That message is ${refusal.length} characters long; Ask the speech takes at most ${refusal.max}. Use \`/ask\` with the part you mean.`;
    case 'not-your-answer':
      return 'This answer was shown only to the member who asked; only they can rate it.';
    case 'rating-unavailable':
      return 'Ratings cannot be recorded right now; the answer itself is unaffected. Please try again later.';
    case 'bad-option':
      return `${refusal.problem}. Usage: ${refusal.usage}`;
    case 'section-not-named':
      return `Name a section or a ¶ number. The sections are: ${refusal.sections.join(', ')}.`;
    case 'button-expired':
      return EXPIRED[refusal.what];
    case 'not-yours':
      return 'Only the person who asked can use these buttons.';
    case 'unknown-command':
      return 'This command is not available any more.';
    case 'stale-command':
      return 'This command has just been updated. Please run it again.';
    case 'not-moderator':
      return 'Only moderators can do that (the moderator role, Manage Threads, Manage Server or Administrator).';
    case 'not-in-server':
      return 'Study sessions run in servers, not in direct messages.';
    case 'server-not-installed':
      return 'Study sessions need the app installed to this server; a member’s own install reaches only reading commands. Ask a server manager to add it.';
    case 'not-text-channel':
      return 'Start a study session from a text channel; the bot opens a thread there.';
    case 'no-session':
      return 'There is no study session in this thread. Moderators start one with `/study start` in a text channel.';
    case 'session-exists':
      return 'That thread already has a session running.';
    case 'session-ended':
      return refusal.already ? 'This session has already ended.' : 'This session has ended.';
    case 'session-paused':
      return 'The session is already paused.';
    case 'not-paused':
      return 'The session is not paused.';
    case 'set-and-clear':
      return `Set or clear ${refusal.option}, not both at once.`;
    case 'cooldown-out-of-range':
      return `The cooldown is a whole number of seconds from ${refusal.min} to ${refusal.max}.`;
    case 'too-many-pending':
      return `You already have ${refusal.waiting} questions waiting for the moderators; please wait for them to be answered.`;
    case 'already-decided':
      return `This question was already ${refusal.status}${refusal.by === null ? '' : ` by <@${refusal.by}>`}.`;
    case 'decided-meanwhile':
      return 'This question was just decided by another moderator.';
    case 'not-rejected':
      return 'Only a rejected question can be reopened, and this one is not rejected any more.';
    case 'own-question':
      return 'You asked this question: it is already waiting for the moderators, and Me too would not change that.';
    case 'already-asked':
      return 'You already said Me too to this question: you are among its askers.';
  }
}

function quoteCut(typed: string, quote: (typed: string) => string): string {
  return quote(typed.length > QUOTED_MAX ? `${typed.slice(0, QUOTED_MAX)}…` : typed);
}
