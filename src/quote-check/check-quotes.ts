import { isStopword } from '../search/lexical/analyze-text.js';
import type { Speech } from '../speech/speech.js';
import { alignWords, type WordAlignment } from './align-words.js';
import { candidateWindows } from './candidate-windows.js';
import { classifyAlignment, similarity } from './classify-alignment.js';
import { extractQuotes } from './extract-quotes.js';
import { closestSentence, foundPassage } from './found-passage.js';
import type { QuoteCheckReport, QuoteResult } from './quote-check-report.js';
import { SpeechWords } from './speech-words.js';
import { wordDifferences } from './word-differences.js';
import { wordTokens } from '../speech/word-tokens.js';

/**
 * Checks what a chat message quotes against the speech: each quotation found verbatim, altered (with the words that
 * differ) or not at all (with the closest passage, when one shares its words). Build one per speech: the word stream
 * and its index are made once; a check of a 2000-character message then takes a few milliseconds.
 */
export class QuoteChecker {
  private readonly words: SpeechWords;
  private readonly stream: readonly string[];

  constructor(speech: Speech) {
    this.words = new SpeechWords(speech);
    this.stream = this.words.words.map((word) => word.folded);
  }

  /** Checks every quotation of `messageText` (or the whole text, when it has no quotation marks). */
  check(messageText: string): QuoteCheckReport {
    if (messageText.trim() === '') return { kind: 'no-text' };
    const { quotes, notChecked, wholeMessage } = extractQuotes(messageText);
    return { kind: 'checked', results: quotes.map((quote) => this.checkOne(quote)), notChecked, wholeMessage };
  }

  private checkOne(quote: string): QuoteResult {
    const tokens = wordTokens(quote);
    const folded = tokens.map((token) => token.folded);
    const alignment = this.bestAlignment(folded);
    if (!alignment) return { kind: 'not-found', quote };
    const verdict = classifyAlignment(alignment, folded.length);
    const passage = foundPassage(this.words, alignment);
    if (verdict === 'verbatim') return { kind: 'verbatim', quote, passage };
    const alike = similarity(alignment, folded.length);
    if (verdict === 'altered') {
      const differences = wordDifferences(this.words, alignment, (index) => {
        const token = tokens[index];
        return token ? quote.slice(token.start, token.end) : '';
      });
      return { kind: 'altered', quote, passage, similarity: alike, differences };
    }
    // A quote that shares only "the" and "of" with the speech has no closest passage worth showing.
    // (Stopwords are listed without apostrophes or hyphens: "we're" is as empty as "we" and "re".)
    const sharesContent = folded.some(
      (word) => !word.split(/['-]/u).every(isStopword) && this.words.positionsOf(word).length > 0,
    );
    if (!sharesContent) return { kind: 'not-found', quote };
    return { kind: 'weak-match', quote, passage: closestSentence(this.words, alignment), similarity: alike };
  }

  private bestAlignment(quote: readonly string[]): WordAlignment | undefined {
    let best: WordAlignment | undefined;
    for (const { from, to } of candidateWindows(quote, this.words)) {
      const alignment = alignWords(quote, this.stream, from, to);
      if (!best || alignment.edits < best.edits || (alignment.edits === best.edits && alignment.matches > best.matches))
        best = alignment;
    }
    return best;
  }
}
