import { readFileSync } from 'node:fs';
import { QuoteChecker } from '../../src/quote-check/check-quotes.js';
import { SPEECH_SOURCE_FILE } from '../../src/speech/adapters/read-speech-source.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Speech } from '../../src/speech/speech.js';

/** The real speech, parsed once per test file, and one checker over it. */
export const speech: Speech = parseSpeech(readFileSync(SPEECH_SOURCE_FILE, 'utf8'));
export const checker = new QuoteChecker(speech);

/** A sentence of the speech as published: `paragraph` is a ¶ number, `index` the sentence's index in it. */
export function sentenceOf(paragraph: number, index: number): string {
  const text = speech.paragraphs[paragraph - 1]?.sentences[index]?.text;
  if (text === undefined) throw new Error(`no sentence ${index} in ¶${paragraph}`);
  return text;
}

/** A whitespace-separated piece of the speech, as a member would copy it, with the ¶ number it stands in. */
export interface SpeechPiece {
  readonly text: string;
  readonly paragraph: number;
}

/**
 * The speech cut at whitespace into pieces, across paragraphs: slicing this array gives a passage cut at word
 * boundaries, found without the code under test.
 */
export const speechPieces: readonly SpeechPiece[] = speech.paragraphs.flatMap((paragraph) =>
  paragraph.text.split(' ').map((text) => ({ text, paragraph: paragraph.number })),
);

/** Pieces `from`…`to` (exclusive) as one passage, a newline at each paragraph break as a member's paste has. */
export function passageOf(pieces: readonly SpeechPiece[]): string {
  return pieces
    .map((piece, index) => (index > 0 && pieces[index - 1]?.paragraph !== piece.paragraph ? '\n' : ' ') + piece.text)
    .join('')
    .trim();
}
