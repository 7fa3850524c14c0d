import type { Transcript, TranscriptQuestion, TranscriptReading } from '../transcript.js';
import { escapeTranscriptMarkdown, memberMarkdown } from './transcript-markdown-text.js';
import {
  endsTranscript,
  leftOutLine,
  partLine,
  readingTimeLine,
  sessionWhen,
  TRANSCRIPT_WORDS as WORDS,
  type TranscriptPart,
} from './transcript-wording.js';

/**
 * The transcript as Markdown: title, date and moderators; each passage in the order it was read, verbatim as a quote,
 * with its discussion prompt and the questions approved on it (who asked, which passages answered); then how many
 * questions were rejected or not taken up, and the paragraph map in words (the HTML rendering has the picture).
 * Everything members and moderators wrote is escaped so that it shows as written and cannot ping.
 *
 * @param part when the transcript is split, which part this document is; the counts and the map end the last part.
 */
export function renderTranscriptMarkdown(t: Transcript, part?: TranscriptPart): string {
  const blocks = [...head(t, part)];
  if (t.readings.length === 0 && part === undefined) blocks.push(WORDS.noReadings);
  for (const reading of t.readings) blocks.push(...readingBlocks(reading, t.moderated));
  if (endsTranscript(part)) blocks.push(...endBlocks(t));
  return `${blocks.join('\n\n')}\n`;
}

function head(t: Transcript, part: TranscriptPart | undefined): string[] {
  const moderators = t.moderators.map(memberMarkdown).filter((name) => name !== '');
  const subtitle = part ? `${WORDS.subtitle} · ${partLine(part)}` : WORDS.subtitle;
  return [
    `# ${memberMarkdown(t.title) || WORDS.subtitle}`,
    subtitle,
    [
      `- **${WORDS.date}:** ${sessionWhen(t)}`,
      `- **${WORDS.moderators}:** ${moderators.length > 0 ? moderators.join(', ') : WORDS.noModerators}`,
    ].join('\n'),
  ];
}

function readingBlocks(reading: TranscriptReading, moderated: boolean): string[] {
  const prompt = memberMarkdown(reading.prompt);
  const blocks = [
    `## ¶${reading.paragraph} · ${escapeTranscriptMarkdown(reading.sectionName)}`,
    `*${readingTimeLine(reading.at)}*`,
    quote(reading.text),
    `**${WORDS.prompt}:** ${prompt ? `*${prompt}*` : WORDS.noPrompt}`,
  ];
  if (reading.questions.length === 0) return [...blocks, moderated ? WORDS.noQuestions : WORDS.noAnswered];
  const heading = moderated ? WORDS.questions : WORDS.answered;
  return [...blocks, `**${heading}**`, reading.questions.map(questionItem).join('\n')];
}

// The speech's own words have no Markdown, but a sentence can still begin like a list ("2021. …"): escaped all the
// same, so the quote shows exactly the paragraph.
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeTranscriptMarkdown(line.trim())}`.trimEnd())
    .join('\n');
}

// One numbered item, its two facts as a nested list (indented past the number, as CommonMark wants): readable raw, as
// Discord previews the file, and rendered alike.
function questionItem(question: TranscriptQuestion, index: number): string {
  const marker = `${index + 1}. `;
  const indent = ' '.repeat(marker.length);
  const askers = question.askers.map(memberMarkdown).filter((name) => name !== '');
  const citations = question.citations.map((citation) => escapeTranscriptMarkdown(citation.trim()));
  const lines = [`${marker}${memberMarkdown(question.text)}`];
  if (askers.length > 0) lines.push(`${indent}- ${WORDS.askedBy} ${askers.join(', ')}`);
  lines.push(`${indent}- ${WORDS.answeredWith}: ${citations.length > 0 ? citations.join('; ') : WORDS.noCitation}`);
  return lines.join('\n');
}

function endBlocks(t: Transcript): string[] {
  return [
    `## ${WORDS.leftOut}`,
    leftOutLine(t),
    `## ${WORDS.map}`,
    escapeTranscriptMarkdown(t.map.summary),
    '*The HTML version of this transcript shows the map as a picture.*',
  ];
}
