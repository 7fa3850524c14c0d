import { z } from 'zod';

/** Bumped whenever the files' layout or meaning changes; an index of another format is rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

const artefact = z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/u) });

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  builtAt: z.string(),
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    title: z.string(),
    date: z.string(),
    paragraphs: z.number().int(),
  }),
  chunking: z.object({
    maxSentences: z.number().int(),
    maxTokens: z.number().int(),
    tokenCounter: z.enum(['model', 'estimate']),
  }),
  chunks: artefact.extend({ count: z.number().int() }),
  lexical: artefact.extend({ engine: z.string() }),
  /** What WordNet contributed (`lexicon.json`): its version, which features were on and every expansion setting. */
  lexicon: artefact.extend({
    wordnet: z.string().nullable(),
    /** Hash of the code and data that build a lexicon (see lexicon-fingerprint.ts). */
    builder: z.string(),
    features: z.object({ lemmatisation: z.boolean(), queryExpansion: z.boolean(), documentExpansion: z.boolean() }),
    settings: z.record(z.string(), z.number()),
  }),
  /** False when the model could not be loaded at build time: the index is lexical-only. */
  dense: z.boolean(),
  denseUnavailableReason: z.string().nullable(),
  model: z
    .object({
      id: z.string(),
      quantized: z.boolean(),
      pooling: z.literal('mean'),
      normalize: z.literal(true),
      dimension: z.number().int(),
    })
    .nullable(),
  hnsw: artefact
    .extend({
      space: z.literal('cosine'),
      dimension: z.number().int(),
      M: z.number().int(),
      efConstruction: z.number().int(),
      ef: z.number().int(),
      randomSeed: z.number().int(),
      count: z.number().int(),
    })
    .nullable(),
  packages: z.record(z.string(), z.string()),
});

/** What `embeddings/manifest.json` records about a build; written last, so it vouches for the files it names. */
export type Manifest = z.infer<typeof manifestSchema>;
