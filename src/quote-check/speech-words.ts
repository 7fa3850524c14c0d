import type { Speech } from '../speech/speech.js';
import { wordTokens } from '../speech/word-tokens.js';

/** One word of the speech in the stream: folded, and where it stands (¶ number, sentence, offsets in the ¶). */
export interface SpeechWord {
  readonly folded: string;
  /** ¶ number in the whole speech, from 1. */
  readonly paragraph: number;
  /** Index of its sentence in the paragraph's `sentences`. */
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The speech as one stream of words across sentences and paragraphs, so that a quote running over a paragraph break is
 * one run of the stream; with where each folded word occurs, to find a quote's candidate places without a full scan.
 */
export class SpeechWords {
  readonly words: readonly SpeechWord[];
  private readonly positionsByWord = new Map<string, number[]>();

  constructor(speech: Speech) {
    const words: SpeechWord[] = [];
    for (const paragraph of speech.paragraphs) {
      let sentence = 0;
      for (const token of wordTokens(paragraph.text)) {
        // Sentences tile the paragraph in order; a word belongs to the last sentence starting at or before it.
        while ((paragraph.sentences[sentence + 1]?.start ?? Infinity) <= token.start) sentence += 1;
        words.push({ ...token, paragraph: paragraph.number, sentence });
      }
    }
    this.words = words;
    words.forEach((word, index) => {
      const positions = this.positionsByWord.get(word.folded);
      if (positions) positions.push(index);
      else this.positionsByWord.set(word.folded, [index]);
    });
  }

  /** Stream indices where a folded word occurs, in order; empty when the speech never says it. */
  positionsOf(folded: string): readonly number[] {
    return this.positionsByWord.get(folded) ?? [];
  }
}
