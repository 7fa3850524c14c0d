import { sectionOf } from '../../speech/find-paragraphs.js';
import type { Paragraph, Speech } from '../../speech/speech.js';
import { pageStarts } from '../../discord/fit-embeds.js';
import { COLORS, type MessageView } from '../../discord/message-view.js';
import { renderPassageEmbeds } from './render-passage-embeds.js';

/**
 * Paragraphs quoted by number, verbatim, each cited. Several long paragraphs can exceed one message's 6000 embed
 * characters, so the quote becomes as many messages as it needs (the first a reply, the rest follow-ups).
 */
export function renderQuoteMessages(speech: Speech, paragraphs: readonly Paragraph[]): MessageView[] {
  const groups = paragraphs.map((paragraph) =>
    renderPassageEmbeds(speech, { section: sectionOf(speech, paragraph), paragraph }, { color: COLORS.quote }),
  );
  const starts = pageStarts(groups, paragraphs.length);
  return starts.map((start, index) => ({
    embeds: groups.slice(start, starts[index + 1] ?? groups.length).flat(),
    buttons: [],
  }));
}
