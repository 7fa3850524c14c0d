/** A retrievable span of one paragraph: one sentence, a short window of sentences, or a piece of an overlong sentence. */
export interface Chunk {
  /** Label in the vector index: 0…n-1 in reading order. */
  readonly id: number;
  readonly paragraphId: string;
  readonly paragraphNumber: number;
  readonly sectionId: string;
  /** Offsets into the paragraph's text; `text` is exactly that slice. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Number of word pieces the model sees for this text (or the estimate, when built without a model). */
  readonly tokens: number;
}

/** How paragraphs are cut into chunks; recorded in the manifest so a changed setting forces a rebuild. */
export interface ChunkingSettings {
  /** Longest window of consecutive sentences that makes one chunk (every shorter window is a chunk too). */
  readonly maxSentences: number;
  /** Largest number of word pieces in a chunk, special tokens included. */
  readonly maxTokens: number;
  /** Who counted the word pieces: the model's own tokenizer, or the conservative estimate of a lexical-only build. */
  readonly tokenCounter: 'model' | 'estimate';
}
