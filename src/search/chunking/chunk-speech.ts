import type { Paragraph } from '../../speech/speech.js';
import type { Chunk, ChunkingSettings } from './chunk.js';

/** Counts the word pieces the embedding model sees for a text, special tokens included. */
/** all-MiniLM-L6-v2 was trained on sequences of at most 128 word pieces. */
export const DEFAULT_CHUNKING = { maxSentences: 2, maxTokens: 128 } as const;

export type CountTokens = (text: string) => number;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts paragraphs into chunks that fit the model: every run of 1…`maxSentences` consecutive sentences within a
 * paragraph that fits `maxTokens`. Single sentences give precise highlights, short windows give context that a
 * question may span. A sentence too long on its own is cut between words into pieces that fit, so no chunk is ever
 * over the limit and every chunk is a verbatim slice of its paragraph.
 */
export function chunkParagraphs(
  paragraphs: readonly Paragraph[],
  settings: ChunkingSettings,
  countTokens: CountTokens,
): Chunk[] {
  const chunks: Chunk[] = [];
  for (const paragraph of paragraphs) {
    const units = paragraph.sentences.flatMap((sentence) =>
      countTokens(sentence.text) <= settings.maxTokens
        ? [sentence]
        : splitBetweenWords(paragraph.text, sentence, settings.maxTokens, countTokens),
    );
    for (let first = 0; first < units.length; first += 1) {
      for (let last = first; last < Math.min(units.length, first + settings.maxSentences); last += 1) {
        const start = units[first]?.start ?? 0;
        const end = units[last]?.end ?? start;
        const text = paragraph.text.slice(start, end);
        const tokens = countTokens(text);
        if (tokens > settings.maxTokens) break;
        chunks.push({
          id: chunks.length,
          paragraphId: paragraph.id,
          paragraphNumber: paragraph.number,
          sectionId: paragraph.sectionId,
          start,
          end,
          text,
          tokens,
        });
      }
    }
  }
  return chunks;
}

function splitBetweenWords(text: string, sentence: Span, maxTokens: number, countTokens: CountTokens): Span[] {
  const words = [...text.slice(sentence.start, sentence.end).matchAll(/\S+/gu)].map((match) => ({
    start: sentence.start + match.index,
    end: sentence.start + match.index + match[0].length,
  }));
  const pieces: Span[] = [];
  let current: Span | undefined;
  for (const word of words) {
    const candidate: Span = current ? { start: current.start, end: word.end } : word;
    if (current && countTokens(text.slice(candidate.start, candidate.end)) > maxTokens) {
      pieces.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) pieces.push(current);
  // A single "word" longer than the limit (a URL, say) cannot be cut between words; the window loop skips it.
  return pieces;
}
