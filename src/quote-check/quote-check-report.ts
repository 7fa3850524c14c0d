/** A sentence of the speech: `paragraph` is its ¶ number, `sentence` its index in the paragraph's `sentences`. */
export interface SentenceRef {
  readonly paragraph: number;
  readonly sentence: number;
}

/** Where in the speech a quote was found: its ¶ range and the whole sentences that contain it, in order. */
export interface FoundPassage {
  readonly fromParagraph: number;
  readonly toParagraph: number;
  readonly sentences: readonly SentenceRef[];
}

/**
 * A difference between a quote and the speech, placed in the speech's text (`paragraph` is a ¶ number, offsets are
 * into its `text`): a speech word the quote leaves out or changes, or a word of the member's that the speech lacks.
 */
export type WordDifference =
  | { readonly kind: 'removed'; readonly paragraph: number; readonly start: number; readonly end: number }
  /** `word` is as the member wrote it; it goes before the speech word starting at `at`, or after the one ending there. */
  | {
      readonly kind: 'added';
      readonly paragraph: number;
      readonly at: number;
      readonly place: 'before-word' | 'after-word';
      readonly word: string;
    };

/** The verdict on one quote; `quote` is the member's text, as written, never shown unescaped. */
export type QuoteResult =
  | { readonly kind: 'verbatim'; readonly quote: string; readonly passage: FoundPassage }
  | {
      readonly kind: 'altered';
      readonly quote: string;
      readonly passage: FoundPassage;
      readonly similarity: number;
      readonly differences: readonly WordDifference[];
    }
  /** Not in the speech; `passage` is the one closest sentence. */
  | { readonly kind: 'weak-match'; readonly quote: string; readonly passage: FoundPassage; readonly similarity: number }
  /** Not in the speech, and no passage shares a content word with it. */
  | { readonly kind: 'not-found'; readonly quote: string };

/** What checking one message found. */
export type QuoteCheckReport =
  | { readonly kind: 'no-text' }
  | {
      readonly kind: 'checked';
      /** One per quote checked, in the message's order; empty when no quote had enough words. */
      readonly results: readonly QuoteResult[];
      /** Quotes beyond the ones checked. */
      readonly notChecked: number;
      /** Whether the message had no quotation marks and was checked whole. */
      readonly wholeMessage: boolean;
    };
