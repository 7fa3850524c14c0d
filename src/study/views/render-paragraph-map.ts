import { paragraphRange } from '../../speech/match-section.js';
import type { Section, Speech } from '../../speech/speech.js';
import { EMPTY_CELL_OUTLINE, shadeFor } from './paragraph-map-shading.js';
import { summarizeParagraphCounts } from './paragraph-map-summary.js';
import { escapeXml, plainText, textWidth, wrapText } from './svg-text.js';

/** The paragraph map of a session: the picture, the same in words, and the picture's screen-reader description. */
export interface ParagraphMap {
  readonly svg: string;
  readonly summary: string;
  readonly description: string;
}

/** Discord's limit on an attachment's description. */
export const DESCRIPTION_LIMIT = 1024;

export const MAP_WIDTH = 900;
const MARGIN = 24;
const CONTENT_WIDTH = MAP_WIDTH - 2 * MARGIN;
const COLUMNS = 12;
const GAP = 8;
export const CELL_WIDTH = Math.floor((CONTENT_WIDTH - (COLUMNS - 1) * GAP) / COLUMNS);
export const CELL_HEIGHT = 56;
const TITLE_SIZE = 22;
const TITLE_LINES = 3;
const HEADING_SIZE = 16;
const INK = '#1f2328';
// #57606a on white is 6.4:1, past WCAG AA for small text.
const MUTED_INK = '#57606a';
const FONT = 'font-family="DejaVu Sans, Verdana, sans-serif"';

/**
 * The paragraph map: one cell per paragraph of the speech, grouped under its section's name, shaded by how many
 * questions landed on it (0 plain, the session's busiest darkest) and, when it has any, saying how many, so that the
 * map does not rest on colour alone; a legend and the title above. Plain white, as Discord shows it on light and dark
 * themes alike.
 *
 * @param input.counts questions per ¶ number (1-based); paragraphs missing from it have none.
 */
export function renderParagraphMap(input: {
  speech: Speech;
  counts: ReadonlyMap<number, number>;
  title: string;
}): ParagraphMap {
  const { speech, title } = input;
  const countOf = (number: number) => {
    const count = input.counts.get(number) ?? 0;
    return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  };
  const max = Math.max(0, ...speech.paragraphs.map((paragraph) => countOf(paragraph.number)));
  const summary = summarizeParagraphCounts(
    speech.paragraphs.map((paragraph) => paragraph.number),
    countOf,
  );
  const parts: string[] = [];
  let y = MARGIN;
  for (const line of wrapText(title, TITLE_SIZE, CONTENT_WIDTH, TITLE_LINES)) {
    y += TITLE_SIZE + 6;
    parts.push(text(MARGIN, y, line, { size: TITLE_SIZE, bold: true }));
  }
  y += 26;
  const [subtitle = ''] = wrapText(`${speech.title}: questions asked per paragraph`, 13, CONTENT_WIDTH, 1);
  parts.push(text(MARGIN, y, subtitle, { size: 13, fill: MUTED_INK }));
  y += 16;
  parts.push(legend(y, max));
  y += 40;
  for (const section of speech.sections) {
    y += 30;
    parts.push(sectionHeading(y, section));
    y += 10;
    const numbers = speech.paragraphs.filter((paragraph) => paragraph.sectionId === section.id).map((p) => p.number);
    numbers.forEach((number, index) => {
      const x = MARGIN + (index % COLUMNS) * (CELL_WIDTH + GAP);
      parts.push(cell(x, y + Math.floor(index / COLUMNS) * (CELL_HEIGHT + GAP), number, countOf(number), max));
    });
    y += Math.max(0, Math.ceil(numbers.length / COLUMNS) * (CELL_HEIGHT + GAP) - GAP);
  }
  const height = y + MARGIN;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${height}" viewBox="0 0 ${MAP_WIDTH} ${height}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${MAP_WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, summary, description: describeMap(speech, title, summary) };
}

function text(
  x: number,
  y: number,
  content: string,
  style: { size: number; bold?: boolean; fill?: string; anchor?: 'middle' },
): string {
  const weight = style.bold ? ' font-weight="bold"' : '';
  const anchor = style.anchor ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${x}" y="${y}" ${FONT} font-size="${style.size}"${weight}${anchor} fill="${style.fill ?? INK}">${escapeXml(content)}</text>`;
}

function box(x: number, y: number, width: number, height: number, count: number, max: number): string {
  const { fill } = shadeFor(count, max);
  const outline = count > 0 ? '' : ` stroke="${EMPTY_CELL_OUTLINE}" stroke-width="1"`;
  return `<rect x="${x + 0.5}" y="${y + 0.5}" width="${width - 1}" height="${height - 1}" rx="6" fill="${fill}"${outline}/>`;
}

function cell(x: number, y: number, number: number, count: number, max: number): string {
  const ink = shadeFor(count, max).text;
  const middle = x + CELL_WIDTH / 2;
  // An empty cell centres its number; a counted one moves it up to make room for the count beneath.
  const label = text(middle, y + (count > 0 ? 26 : 35), `¶${number}`, {
    size: 18,
    bold: true,
    fill: ink,
    anchor: 'middle',
  });
  const asked = count > 0 ? text(middle, y + 45, `${count} asked`, { size: 12, fill: ink, anchor: 'middle' }) : '';
  // The data attributes name the cell for tests and for whoever reads the SVG itself; renderers ignore them.
  return `<g data-paragraph="${number}" data-count="${count}">${box(x, y, CELL_WIDTH, CELL_HEIGHT, count, max)}${label}${asked}</g>`;
}

function sectionHeading(y: number, section: Section): string {
  const range = paragraphRange(section);
  const rangeWidth = textWidth(range, 13) + 12;
  const [name = ''] = wrapText(section.name, HEADING_SIZE, CONTENT_WIDTH - rangeWidth, 1);
  const rangeX = MARGIN + Math.ceil(textWidth(name, HEADING_SIZE)) + 12;
  const heading = text(MARGIN, y, name, { size: HEADING_SIZE, bold: true });
  return `<g data-section="${escapeXml(section.id)}">${heading}${text(rangeX, y, range, { size: 13, fill: MUTED_INK })}</g>`;
}

// The shading's steps, each a swatch with its count in it: every count up to 6, else five steps from 0 to max.
function legend(top: number, max: number): string {
  const steps = max <= 6 ? Array.from({ length: max + 1 }, (_, step) => step) : [0, 0.25, 0.5, 0.75, 1];
  const values = [...new Set(steps.map((step) => (max <= 6 ? step : Math.round(step * max))))];
  const label = 'Shading: questions asked';
  const parts = [text(MARGIN, top + 19, label, { size: 13, fill: INK })];
  let x = MARGIN + Math.ceil(textWidth(label, 13)) + 12;
  for (const value of values) {
    parts.push(box(x, top, 40, 28, value, max));
    parts.push(
      text(x + 20, top + 19, String(value), {
        size: 13,
        bold: true,
        fill: shadeFor(value, max).text,
        anchor: 'middle',
      }),
    );
    x += 44;
  }
  if (max === 0) parts.push(text(x + 8, top + 19, 'No questions yet', { size: 13, fill: MUTED_INK }));
  return `<g data-legend="">${parts.join('')}</g>`;
}

// Within Discord's limit whatever the title's length: the title gives way first (the summary is what the picture
// says), and a final cut at a code point keeps a surrogate pair whole.
function describeMap(speech: Speech, title: string, summary: string): string {
  const paragraphs = speech.paragraphs.length;
  const sections = speech.sections.length;
  const facts = `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} in ${sections} section${sections === 1 ? '' : 's'}`;
  const around = (shown: string) => `Paragraph map of "${shown}": ${facts}, shaded by questions asked. ${summary}`;
  const plainTitle = plainText(title);
  const budget = DESCRIPTION_LIMIT - around('').length;
  const shownTitle =
    plainTitle.length <= budget ? plainTitle : `${cutToLength(plainTitle, Math.max(0, budget - 1)).trimEnd()}…`;
  const description = around(shownTitle);
  return description.length <= DESCRIPTION_LIMIT ? description : `${cutToLength(description, DESCRIPTION_LIMIT - 1)}…`;
}

function cutToLength(text: string, length: number): string {
  let cut = '';
  for (const character of text) {
    if (cut.length + character.length > length) break;
    cut += character;
  }
  return cut;
}
