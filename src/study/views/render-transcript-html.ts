import type { Transcript, TranscriptQuestion, TranscriptReading } from '../transcript.js';
import { escapeHtml, memberHtml } from './transcript-html-text.js';
import { TRANSCRIPT_CSS } from './transcript-html-style.js';
import {
  endsTranscript,
  leftOutLine,
  partLine,
  readingTimeLine,
  sessionWhen,
  TRANSCRIPT_WORDS as WORDS,
  type TranscriptPart,
} from './transcript-wording.js';

// Nothing may load: no script, no connection, no frame, no font; inline style only. A second line of defence, should
// an escape ever be missed.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The transcript as one self-contained HTML5 document, the same content as the Markdown with the paragraph map drawn
 * inline: no script and no external resource of any kind, readable on a phone and in a dark theme. Everything members
 * and moderators wrote is HTML-escaped and set `dir="auto"` (or in `<bdi>`), so right-to-left text reads right.
 *
 * @param part when the transcript is split, which part this document is; the counts and the map end the last part.
 */
export function renderTranscriptHtml(t: Transcript, part?: TranscriptPart): string {
  const body = [header(t, part)];
  if (t.readings.length === 0 && part === undefined) body.push(`<p class="none">${WORDS.noReadings}</p>`);
  for (const reading of t.readings) body.push(readingSection(reading, t.moderated));
  if (endsTranscript(part)) body.push(...endSections(t));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${documentTitle(t, part)}</title>`,
    `<style>${TRANSCRIPT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function documentTitle(t: Transcript, part: TranscriptPart | undefined): string {
  const title = memberHtml(t.title) || WORDS.subtitle;
  return part ? `${title} · ${partLine(part)}` : `${title} · transcript`;
}

function header(t: Transcript, part: TranscriptPart | undefined): string {
  const moderators = t.moderators.map(memberHtml).filter((name) => name !== '');
  const subtitle = part ? `${WORDS.subtitle} · ${partLine(part)}` : WORDS.subtitle;
  return [
    '<header>',
    `<h1 dir="auto">${memberHtml(t.title) || WORDS.subtitle}</h1>`,
    `<p class="subtitle">${subtitle}</p>`,
    '<dl class="facts">',
    `<dt>${WORDS.date}</dt><dd>${keepTimesTogether(escapeHtml(sessionWhen(t)))}</dd>`,
    `<dt>${WORDS.moderators}</dt><dd>${moderators.length > 0 ? isolatedList(moderators) : WORDS.noModerators}</dd>`,
    '</dl>',
    '</header>',
  ].join('\n');
}

function readingSection(reading: TranscriptReading, moderated: boolean): string {
  const prompt = memberHtml(reading.prompt);
  const lines = [
    '<section class="reading">',
    `<h2>¶${reading.paragraph} · ${escapeHtml(reading.sectionName)}</h2>`,
    `<p class="when">${escapeHtml(readingTimeLine(reading.at))}</p>`,
    `<blockquote><p>${escapeHtml(reading.text)}</p></blockquote>`,
    `<p class="prompt"><strong>${WORDS.prompt}:</strong> ${prompt ? `<em dir="auto">${prompt}</em>` : WORDS.noPrompt}</p>`,
  ];
  if (reading.questions.length === 0)
    lines.push(`<p class="none">${moderated ? WORDS.noQuestions : WORDS.noAnswered}</p>`);
  else
    lines.push(
      `<h3>${moderated ? WORDS.questions : WORDS.answered}</h3>`,
      '<ol class="questions">',
      ...reading.questions.map(questionItem),
      '</ol>',
    );
  lines.push('</section>');
  return lines.join('\n');
}

function questionItem(question: TranscriptQuestion): string {
  const askers = question.askers.map(memberHtml).filter((name) => name !== '');
  const citations = question.citations.map((citation) => escapeHtml(citation.trim()));
  const facts = [
    ...(askers.length > 0 ? [`${WORDS.askedBy} ${isolatedList(askers)}`] : []),
    `${WORDS.answeredWith}: ${citations.length > 0 ? citations.join('; ') : WORDS.noCitation}`,
  ];
  return `<li><p class="question" dir="auto">${memberHtml(question.text)}</p><p class="meta">${facts.join(' · ')}</p></li>`;
}

// A phone would otherwise break "14:05–15:10 UTC" at its dash.
function keepTimesTogether(escapedWhen: string): string {
  return escapedWhen.replace(/\d\d:\d\d(?:–\d\d:\d\d)? UTC/gu, (times) => `<span class="nowrap">${times}</span>`);
}

// Each name in its own <bdi>: a right-to-left name keeps its order and leaves the commas and the names around it alone.
function isolatedList(escapedNames: readonly string[]): string {
  return escapedNames.map((name) => `<bdi>${name}</bdi>`).join(', ');
}

function endSections(t: Transcript): string[] {
  return [
    ['<section class="left-out">', `<h2>${WORDS.leftOut}</h2>`, `<p>${leftOutLine(t)}</p>`, '</section>'].join('\n'),
    [
      '<section class="map">',
      `<h2>${WORDS.map}</h2>`,
      '<figure>',
      // The SVG comes from the project's own renderer, escaped there; the wrapper names it as one image.
      `<div class="map-picture" role="img" aria-label="${escapeHtml(t.map.description)}">${t.map.svg}</div>`,
      `<figcaption>${escapeHtml(t.map.summary)}</figcaption>`,
      '</figure>',
      '</section>',
    ].join('\n'),
  ];
}
