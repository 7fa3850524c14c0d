import { findParagraphs } from '../../speech/find-paragraphs.js';
import { paragraphRange } from '../../speech/match-section.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import type { Section, Speech } from '../../speech/speech.js';
import { encodeButtonState, type ButtonState } from '../../discord/custom-ids.js';
import { pageStarts } from '../../discord/fit-embeds.js';
import { COLORS, type ButtonView, type EmbedView, type MessageView } from '../../discord/message-view.js';
import { renderPassageEmbeds } from './render-passage-embeds.js';

export interface SectionPageInput {
  readonly speech: Speech;
  readonly speechTag: string;
  readonly section: Section;
  /** Page index from 0; clamped to the last page. */
  readonly page: number;
  readonly owner: string;
  readonly private: boolean;
}

const PARAGRAPHS_PER_PAGE = 10;

/** The embeds of each paragraph of a section, in order. */
function sectionGroups(speech: Speech, section: Section): EmbedView[][] {
  return findParagraphs(speech, section.firstParagraph, section.lastParagraph).map((paragraph) =>
    renderPassageEmbeds(speech, { section, paragraph }, { color: COLORS.section }),
  );
}

/**
 * One page of a section: its paragraphs verbatim with their ¶ numbers, as many as fit one message, and Previous/Next
 * buttons that carry the page in their custom_ids.
 */
export function renderSectionPage(input: SectionPageInput): MessageView {
  const groups = sectionGroups(input.speech, input.section);
  const starts = pageStarts(groups, PARAGRAPHS_PER_PAGE);
  const page = Math.min(Math.max(0, input.page), starts.length - 1);
  const from = starts[page] ?? 0;
  const to = starts[page + 1] ?? groups.length;
  const shown = {
    firstParagraph: input.section.firstParagraph + from,
    lastParagraph: input.section.firstParagraph + to - 1,
  };
  const pages = starts.length > 1 ? ` · page ${page + 1} of ${starts.length}` : '';
  const content = `**${input.section.name}** · ${paragraphRange(shown)}${pages}`;
  const buttons: ButtonView[] = [];
  const at = (target: number): ButtonState => ({
    kind: 'section-page',
    owner: input.owner,
    private: input.private,
    section: input.section.number,
    page: target,
    speech: input.speechTag,
  });
  if (page > 0) buttons.push({ customId: encodeButtonState(at(page - 1)), label: 'Previous', style: 'secondary' });
  if (page < starts.length - 1)
    buttons.push({ customId: encodeButtonState(at(page + 1)), label: 'Next', style: 'primary' });
  return { content, embeds: groups.slice(from, to).flat(), buttons: buttons.length > 0 ? [buttons] : [] };
}

/** The reply to a section name that names no section, or several: why, and the sections to choose from. */
export function renderSectionList(speech: Speech, query: string, ambiguous: boolean): MessageView {
  const quoted = escapeMarkdown(query.replace(/\s+/gu, ' ').slice(0, 100));
  const why = ambiguous ? `“${quoted}” matches several sections.` : `No section is called “${quoted}”.`;
  const lines = speech.sections.map((section) => `• **${section.name}** (${paragraphRange(section)})`);
  return { content: `${why}\nThe sections are:\n${lines.join('\n')}`, embeds: [], buttons: [] };
}
