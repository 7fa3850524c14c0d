import { wordTokens } from '../speech/word-tokens.js';

/** At most this many quotes of one message are checked; the rest are counted, so the reply can say so. */
export const MAX_QUOTES_CHECKED = 10;
/** Fewer words than this between quotation marks is a scare quote or a term ("“covert”"), not a quotation. */
export const MIN_QUOTE_WORDS = 3;

/** The quotations of one message, in the order written. */
export interface ExtractedQuotes {
  /** Each quote's text as the member wrote it, between the marks; at most {@link MAX_QUOTES_CHECKED}. */
  readonly quotes: readonly string[];
  /** Quotes beyond {@link MAX_QUOTES_CHECKED}, not checked. */
  readonly notChecked: number;
  /** Whether the message had no quotation marks, so that the whole message is the one quote. */
  readonly wholeMessage: boolean;
}

// Each opening mark and the marks that close it. A curly opening quote closed by a straight one is a phone's
// autocorrect, not a different quote.
const CLOSERS: Readonly<Record<string, string>> = { '\u201c': '\u201d"', '"': '"', '\u00ab': '\u00bb' };
const OPENERS = /[\u201c"\u00ab]/gu;
// A stray closing mark alone opens nothing: such a message is still quoted whole.
const ANY_OPENER = /[\u201c"\u00ab]/u;

function quotedPassages(text: string): string[] {
  const passages: string[] = [];
  let from = 0;
  for (;;) {
    OPENERS.lastIndex = from;
    const opening = OPENERS.exec(text);
    if (!opening) return passages;
    const closers = CLOSERS[opening[0]] ?? '';
    let close = opening.index + 1;
    while (close < text.length && !closers.includes(text[close] ?? '')) close += 1;
    // An unclosed quote runs to the end of the message: the member forgot the closing mark, not the quote.
    passages.push(text.slice(opening.index + 1, close));
    from = close + 1;
  }
}

/**
 * Finds what a message quotes: every passage between “…”, "…" or «…» (other quotation marks inside one are part of
 * it), less those under {@link MIN_QUOTE_WORDS} words; with no quotation marks at all, the whole message is the quote.
 */
export function extractQuotes(text: string): ExtractedQuotes {
  const wholeMessage = !ANY_OPENER.test(text);
  const candidates = wholeMessage ? [text] : quotedPassages(text);
  const quotes = candidates.filter((quote) => wordTokens(quote).length >= MIN_QUOTE_WORDS);
  return {
    quotes: quotes.slice(0, MAX_QUOTES_CHECKED),
    notChecked: Math.max(0, quotes.length - MAX_QUOTES_CHECKED),
    wholeMessage,
  };
}
