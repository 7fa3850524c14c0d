import { foldWhitespace } from './fold-whitespace.js';
import type { Paragraph, Section, Speech } from './speech.js';
import { splitSentences } from './split-sentences.js';
import { slugify, titleCase } from './slugify.js';

/** Why a page could not be read as a speech. */
export class SpeechFormatError extends Error {
  override readonly name = 'SpeechFormatError';
  constructor(
    readonly code: 'no-published-date' | 'no-address-marker' | 'no-speaker' | 'text-before-heading' | 'no-sections',
    message: string,
  ) {
    super(message);
  }
}

const PUBLISHED = /^Published date:\s*(\d{1,2}) (\p{L}+) (\d{4})$/u;
// The page introduces the speech with a line such as "Read his address below:"; what follows is the speaker line.
const ADDRESS_MARKER = /^Read (?:his|her|their|the) (?:full )?(?:address|speech|remarks|statement) below:?$/iu;
// Site chrome after the speech ("Related News & Speeches" and its list) is not the speaker's words. A title-like
// line of a few words, so that a paragraph beginning "Related to this, …" does not end the speech.
const FOOTER_MARKER = /^Related(?: [\p{L}&]+){1,3}$/u;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A heading is a short line of capitals with no sentence-ending punctuation. */
function isHeading(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  // Closing quotes or brackets may follow the punctuation: “WE WILL NOT BE INTIMIDATED.” is a sentence.
  return (
    letters.length >= 2 && line.length <= 80 && !/\p{Ll}/u.test(line) && !/[.?!:…;,][\p{Pf}\p{Pe}"']*$/u.test(line)
  );
}

function parseDate(day: string, month: string, year: string): string | undefined {
  const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (monthIndex < 0) return undefined;
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Parses a speech page as published on the MI5 site: a banner, the title line, a "Published date:" line, the web
 * summary, a "Read his address below:" line, the speaker line, then sections under capitalised headings with one
 * paragraph per line, until "Related …" site chrome. Paragraph and sentence texts are the page's own characters with
 * whitespace folded, so they are always substrings of the folded page.
 *
 * @throws {SpeechFormatError} when the page lacks one of the landmarks above.
 */
export function parseSpeech(page: string): Speech {
  const lines = page.split(/\r?\n/u).map(foldWhitespace);
  const publishedAt = lines.findIndex((line) => PUBLISHED.test(line));
  const published = publishedAt >= 0 ? PUBLISHED.exec(lines[publishedAt] ?? '') : null;
  const date = published ? parseDate(published[1] ?? '', published[2] ?? '', published[3] ?? '') : undefined;
  if (!published || !date) throw new SpeechFormatError('no-published-date', 'no "Published date: D Mon YYYY" line');
  const title = lines.slice(0, publishedAt).findLast((line) => line !== '');
  if (!title) throw new SpeechFormatError('no-published-date', 'no title line before the published date');

  const markerAt = lines.findIndex((line, index) => index > publishedAt && ADDRESS_MARKER.test(line));
  if (markerAt < 0) throw new SpeechFormatError('no-address-marker', 'no "Read his address below:" line');
  const summary = lines.slice(publishedAt + 1, markerAt).filter((line) => line !== '');

  const speakerAt = lines.findIndex((line, index) => index > markerAt && line !== '');
  const speaker = lines[speakerAt];
  if (speakerAt < 0 || !speaker || isHeading(speaker))
    throw new SpeechFormatError('no-speaker', 'no speaker line after the address marker');

  const footerAt = lines.findIndex((line, index) => index > speakerAt && FOOTER_MARKER.test(line));
  const body = lines.slice(speakerAt + 1, footerAt < 0 ? lines.length : footerAt).filter((line) => line !== '');
  if (!body.some(isHeading)) throw new SpeechFormatError('no-sections', 'no capitalised section headings');
  return { title, speaker, date, summary, ...parseBody(body) };
}

function parseBody(body: readonly string[]): Pick<Speech, 'sections' | 'paragraphs'> {
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let current: { id: string; heading: string; name: string; number: number; first: number } | undefined;
  const close = (): void => {
    if (current) {
      const { first, ...rest } = current;
      sections.push({ ...rest, firstParagraph: first, lastParagraph: paragraphs.length });
    }
  };
  for (const line of body) {
    if (isHeading(line)) {
      close();
      current = {
        id: slugify(line),
        heading: line,
        name: titleCase(line),
        number: sections.length + 1,
        first: paragraphs.length + 1,
      };
      continue;
    }
    if (!current)
      throw new SpeechFormatError('text-before-heading', `text before the first heading: "${line.slice(0, 40)}…"`);
    const numberInSection = paragraphs.length + 2 - current.first;
    paragraphs.push({
      id: `${current.id}-${numberInSection}`,
      number: paragraphs.length + 1,
      sectionId: current.id,
      numberInSection,
      text: line,
      sentences: splitSentences(line),
    });
  }
  close();
  return { sections, paragraphs };
}
