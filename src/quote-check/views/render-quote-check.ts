import { DISCORD_LIMITS } from '../../discord/discord-limits.js';
import type { Speech } from '../../speech/speech.js';
import { MIN_QUOTE_WORDS } from '../extract-quotes.js';
import type { QuoteCheckReport } from '../quote-check-report.js';
import { MARKS_LEGEND } from './mark-differences.js';
import { memberExcerpt } from './member-text.js';
import { quoteBlock } from './quote-blocks.js';

const SEPARATOR = '\n\n';

const moreNotChecked = (count: number): string =>
  `…and ${count} more ${count === 1 ? 'quote' : 'quotes'} not checked here`;

/**
 * A block cut to `room` characters: the whole lines that fit, then as much of the next as fits, cut at a space and
 * ended with "…" (a quoted line has no space inside a mark or an escape, so neither is cut in half).
 */
function cutBlock(lines: readonly string[], room: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const left = room - length - (kept.length > 0 ? 1 : 0);
    if (line.length + 2 <= left) {
      kept.push(line);
      length += line.length + (kept.length > 1 ? 1 : 0);
      continue;
    }
    const prefix = line.slice(0, Math.max(0, left - 2));
    const space = prefix.lastIndexOf(' ');
    if (space > 2) kept.push(`${prefix.slice(0, space)} …`);
    break;
  }
  return kept.join('\n');
}

/**
 * The reply to "Check quote": one block per quote checked, in the message's order (with a short "*You quoted:*"
 * excerpt when there are several), the legend when words are marked, and how many quotes were not checked. Quotes
 * from the speech are its own words; the member's words appear only escaped. Never over Discord's 2000 characters: it
 * stops at the last block that fits (cutting the first, if even that is too long) and counts the rest.
 */
export function renderQuoteCheck(report: QuoteCheckReport, speech: Speech): string {
  if (report.kind === 'no-text') return 'Nothing to check: the message has no text.';
  const { results, notChecked, wholeMessage } = report;
  if (results.length === 0)
    return wholeMessage
      ? `Nothing to check: the message has fewer than ${MIN_QUOTE_WORDS} words.`
      : `Nothing to check: no quotation of ${MIN_QUOTE_WORDS} words or more.`;

  const marks = results.some((result) => result.kind === 'altered' && result.differences.length > 0);
  // Room for the closing lines is kept from the start; a 2000-character message holds fewer than 9999 quotes.
  const reserved =
    (marks ? SEPARATOR.length + MARKS_LEGEND.length : 0) + SEPARATOR.length + moreNotChecked(9999).length;
  const room = DISCORD_LIMITS.content - reserved;
  const blocks: string[] = [];
  let length = 0;
  let markShown = false;
  for (const result of results) {
    const excerpt = results.length > 1 ? [`*You quoted:* “${memberExcerpt(result.quote)}”`] : [];
    const lines = [...excerpt, ...quoteBlock(speech, result)];
    const block = lines.join('\n');
    const separator = blocks.length > 0 ? SEPARATOR.length : 0;
    if (length + separator + block.length > room && blocks.length > 0) break;
    blocks.push(length + separator + block.length > room ? cutBlock(lines, room) : block);
    length += separator + (blocks.at(-1)?.length ?? 0);
    markShown ||= result.kind === 'altered' && result.differences.length > 0;
  }
  const unchecked = results.length - blocks.length + notChecked;
  return [...blocks, ...(markShown ? [MARKS_LEGEND] : []), ...(unchecked > 0 ? [moreNotChecked(unchecked)] : [])].join(
    SEPARATOR,
  );
}
