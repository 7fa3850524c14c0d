/** One sentence of a paragraph; `start`/`end` are offsets into the paragraph's `text`. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One paragraph of the speaker's words, verbatim (whitespace folded only). */
export interface Paragraph {
  /** Stable across rebuilds of the same text: `<section id>-<number in section>`. */
  readonly id: string;
  /** ¶ number in the whole speech, from 1. */
  readonly number: number;
  readonly sectionId: string;
  /** ¶ number within its section, from 1. */
  readonly numberInSection: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Section {
  /** Slug of the heading, e.g. `state-threats`. */
  readonly id: string;
  /** The heading as published, e.g. `STATE THREATS`. */
  readonly heading: string;
  /** Display name in title case, e.g. `State Threats`. */
  readonly name: string;
  readonly number: number;
  /** ¶ numbers of the section's first and last paragraphs. */
  readonly firstParagraph: number;
  readonly lastParagraph: number;
}

/** A speech page parsed into metadata and the speaker's own words. */
export interface Speech {
  readonly title: string;
  readonly speaker: string;
  /** ISO date, e.g. `2021-07-14`. */
  readonly date: string;
  /** The publisher's web summary: metadata, never the speaker's words. */
  readonly summary: readonly string[];
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
}
