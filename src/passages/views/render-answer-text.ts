import { paragraphRange } from '../../speech/match-section.js';
import type { Paragraph, Section } from '../../speech/speech.js';
import type { Answer } from '../../search/passage-retriever.js';
import { markHighlight } from './mark-highlight.js';

/** How the terminal marks a highlight: ANSI bold on a terminal, `**…**` in plain text. */
export interface TextStyle {
  readonly highlightOpen: string;
  readonly highlightClose: string;
}

export const PLAIN_STYLE: TextStyle = { highlightOpen: '**', highlightClose: '**' };
export const TERMINAL_STYLE: TextStyle = { highlightOpen: '\u001b[1m', highlightClose: '\u001b[22m' };

export const WEAK_MATCH_NOTE =
  'The speech does not seem to answer this question. The closest passages are shown below as weak matches.';

/** The citation of a paragraph, e.g. `State Threats · ¶12`. */
export function citation(section: Section, paragraph: Paragraph): string {
  return `${section.name} · ¶${paragraph.number}`;
}

/** An answer for a person at a terminal: each passage cited, quoted whole, its highlight marked. */
export function renderAnswerText(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [`Q: ${answer.question}`, `(${answer.mode} retrieval)`, ''];
  if (answer.passages.length === 0) {
    lines.push('Nothing in the speech matches this question. Try other words, or /section to read a section.');
    return lines.join('\n');
  }
  if (!answer.confident) lines.push(WEAK_MATCH_NOTE, '');
  answer.passages.forEach((passage, index) => {
    const weak = passage.confident ? '' : ' (weak match)';
    lines.push(
      `${index + 1}. ${citation(passage.section, passage.paragraph)}  score ${passage.score.toFixed(2)}${weak}`,
    );
    lines.push(
      `   “${markHighlight(passage.paragraph.text, passage.highlight, style.highlightOpen, style.highlightClose)}”`,
      '',
    );
  });
  return lines.join('\n').trimEnd();
}

/** A whole section for reading, each paragraph with its ¶ number. */
export function renderSectionText(section: Section, paragraphs: readonly Paragraph[]): string {
  const heading = `${section.name} (${paragraphRange(section)})`;
  return [heading, ...paragraphs.map((paragraph) => `¶${paragraph.number}  ${paragraph.text}`)].join('\n\n');
}

/** Paragraphs quoted by number, each with its citation. */
export function renderQuotesText(
  quotes: ReadonlyArray<{ readonly section: Section; readonly paragraph: Paragraph }>,
): string {
  return quotes.map(({ section, paragraph }) => `${citation(section, paragraph)}\n“${paragraph.text}”`).join('\n\n');
}
