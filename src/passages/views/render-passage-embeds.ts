import { trimSpan } from './mark-highlight.js';
import { citation } from './render-answer-text.js';
import type { Paragraph, Section, Speech } from '../../speech/speech.js';
import { DISCORD_LIMITS } from '../../discord/discord-limits.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import { COLORS, type EmbedView } from '../../discord/message-view.js';

/** A paragraph to show, with the span to set in bold (none for a plain quote). */
export interface ShownPassage {
  readonly section: Section;
  readonly paragraph: Paragraph;
  readonly highlight?: { readonly start: number; readonly end: number } | undefined;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2021-07-14` → `14 July 2021`. */
export function formatSpeechDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
}

/** The footer every quote carries: the speech and its date. */
export function speechFooter(speech: Speech): string {
  return `${speech.title} · ${formatSpeechDate(speech.date)}`;
}

/**
 * The paragraph, escaped so Discord shows it literally, with the highlight in bold and nothing else added. Cut into
 * pieces of at most `limit` characters between words when it is longer (each piece bolds its part of the highlight).
 */
export function quotedDescription(
  text: string,
  highlight: ShownPassage['highlight'],
  limit: number = DISCORD_LIMITS.embedDescription,
): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    while (render(text, start, end, highlight).length > limit) {
      const cut = text.lastIndexOf(' ', Math.min(end - 1, start + limit));
      end = cut > start ? cut : Math.min(end - 1, start + Math.floor(limit / 4));
    }
    pieces.push(render(text, start, end, highlight));
    start = end;
    while (text[start] === ' ') start += 1;
  }
  return pieces;
}

function render(text: string, start: number, end: number, highlight: ShownPassage['highlight']): string {
  const from = Math.max(start, highlight?.start ?? end);
  const to = Math.min(end, highlight?.end ?? end);
  if (!highlight || from >= to) return escapeMarkdown(text.slice(start, end));
  const { start: boldStart, end: boldEnd } = trimSpan(text, { start: from, end: to });
  return `${escapeMarkdown(text.slice(start, boldStart))}**${escapeMarkdown(text.slice(boldStart, boldEnd))}**${escapeMarkdown(text.slice(boldEnd, end))}`;
}

/**
 * One passage as embeds: the citation as title (`State Threats · ¶12`), the whole paragraph verbatim as description
 * with its highlight in bold, the speech and date in the footer. A paragraph longer than an embed takes several.
 */
export function renderPassageEmbeds(
  speech: Speech,
  passage: ShownPassage,
  options: { readonly weak?: boolean; readonly color?: number } = {},
): EmbedView[] {
  const pieces = quotedDescription(passage.paragraph.text, passage.highlight);
  const title = citation(passage.section, passage.paragraph);
  return pieces.map((description, index) => ({
    title: index === 0 ? title : `${title} (continued)`,
    ...(options.weak && index === 0 ? { author: 'Weak match: the closest passage' } : {}),
    description,
    footer: speechFooter(speech),
    color: options.weak ? COLORS.weak : (options.color ?? COLORS.answer),
  }));
}
