import { readFile } from 'node:fs/promises';
import type { IndexStore } from '../adapters/index-store.js';
import { sha256 } from '../adapters/index-store.js';
import { DEFAULT_HNSW, HnswVectorIndex } from '../adapters/hnsw-vector-index.js';
import type { TransformersEmbedder } from '../adapters/transformers-embedder.js';
import type { ChunkingSettings } from '../chunking/chunk.js';
import { chunkParagraphs, DEFAULT_CHUNKING } from '../chunking/chunk-speech.js';
import { estimateWordPieces } from '../chunking/estimate-word-pieces.js';
import { ALL_FEATURES, Lexicon, type LexiconFeatures } from '../lexicon/lexicon.js';
import { DEFAULT_EXPANSION, type ExpansionSettings } from '../lexicon/expansion-settings.js';
import type { WordNetDatabase } from '../lexicon/wordnet-database.js';
import { lexicalDocuments, type LexicalIndexData } from '../lexical/lexical-ranking.js';
import { cachedLexicon } from './lexicon-cache.js';
import { lexiconBuilderFingerprint } from './lexicon-fingerprint.js';
import { parseSpeech } from '../../speech/parse-speech.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './index-manifest.js';
import { packageVersions } from './package-versions.js';

export { DEFAULT_CHUNKING };

export const CHUNKS_FILE = 'chunks.json';
export const LEXICAL_FILE = 'lexical.json';
export const LEXICON_FILE = 'lexicon.json';
export const HNSW_FILE = 'index.hnsw';
const EMBEDDING_BATCH = 32;

export interface BuildIndexInput {
  readonly store: IndexStore;
  /** The speech page's text and its file name (recorded in the manifest). */
  readonly source: { readonly file: string; readonly text: string };
  /** The loaded model; absent when it could not be loaded, which makes a lexical-only index. */
  readonly embedder?: TransformersEmbedder | undefined;
  /** Why there is no model, recorded in the manifest. */
  readonly denseUnavailableReason?: string | undefined;
  readonly chunking?: Pick<ChunkingSettings, 'maxSentences' | 'maxTokens'>;
  readonly hnsw?: Partial<typeof DEFAULT_HNSW>;
  /** What WordNet contributes (all of it by default); a feature turned off is left out, to measure what it adds. */
  readonly lexicon?: {
    readonly features?: LexiconFeatures;
    readonly settings?: ExpansionSettings;
    readonly wordnet?: WordNetDatabase;
    /** Where built lexicons are cached (default `.cache/lexicon`); an empty folder measures a first build. */
    readonly cacheDir?: string;
  };
  /** Called after each batch of chunks is embedded. */
  readonly onEmbedded?: ((done: number, total: number) => void) | undefined;
}

/**
 * Builds the index: parses the speech, cuts it into chunks that fit the model, indexes them for BM25 and, with a
 * model, embeds them into an HNSW index. Writes every file atomically and the manifest last.
 */
export async function buildIndex(input: BuildIndexInput): Promise<Manifest> {
  const { store, source, embedder } = input;
  const speech = parseSpeech(source.text);
  const chunking: ChunkingSettings = {
    ...DEFAULT_CHUNKING,
    ...input.chunking,
    tokenCounter: embedder ? 'model' : 'estimate',
  };
  const countTokens = embedder ? (text: string) => embedder.countTokens(text) : estimateWordPieces;
  const chunks = chunkParagraphs(speech.paragraphs, chunking, countTokens);

  const chunksSha256 = await store.write(CHUNKS_FILE, JSON.stringify(chunks));
  const features = input.lexicon?.features ?? ALL_FEATURES;
  const settings = input.lexicon?.settings ?? DEFAULT_EXPANSION;
  const usesWordNet = features.lemmatisation || features.queryExpansion || features.documentExpansion;
  const built = usesWordNet
    ? await cachedLexicon(
        speech.paragraphs.map((paragraph) => paragraph.text).join('\n'),
        features,
        settings,
        input.lexicon?.wordnet,
        input.lexicon?.cacheDir,
      )
    : { lexicon: Lexicon.plain(), expandDocumentWord: () => [] };
  const lexical: LexicalIndexData = {
    chunks: lexicalDocuments(
      chunks.map((chunk) => chunk.text),
      built,
    ),
    paragraphs: lexicalDocuments(
      speech.paragraphs.map((paragraph) => paragraph.text),
      built,
    ),
  };
  const lexicalSha256 = await store.write(LEXICAL_FILE, JSON.stringify(lexical));
  const lexiconSha256 = await store.write(LEXICON_FILE, JSON.stringify(built.lexicon.data));

  let hnsw: Manifest['hnsw'] = null;
  if (embedder) {
    const vectors: number[][] = [];
    for (let start = 0; start < chunks.length; start += EMBEDDING_BATCH) {
      vectors.push(
        ...(await embedder.embedBatch(chunks.slice(start, start + EMBEDDING_BATCH).map((chunk) => chunk.text))),
      );
      input.onEmbedded?.(vectors.length, chunks.length);
    }
    const settings = { ...DEFAULT_HNSW, ...input.hnsw, dimension: embedder.dimension };
    await HnswVectorIndex.build(vectors, settings).write(store.pathOf(HNSW_FILE));
    const indexSha256 = sha256(await readFile(store.pathOf(HNSW_FILE)));
    hnsw = { file: HNSW_FILE, sha256: indexSha256, ...settings, count: chunks.length };
  }

  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    source: {
      file: source.file,
      sha256: sha256(source.text),
      title: speech.title,
      date: speech.date,
      paragraphs: speech.paragraphs.length,
    },
    chunking,
    chunks: { file: CHUNKS_FILE, sha256: chunksSha256, count: chunks.length },
    lexical: { file: LEXICAL_FILE, sha256: lexicalSha256, engine: 'bm25-two-field' },
    lexicon: {
      file: LEXICON_FILE,
      sha256: lexiconSha256,
      wordnet: built.lexicon.data.wordnet,
      builder: await lexiconBuilderFingerprint(),
      features: built.lexicon.data.features,
      settings: { ...built.lexicon.data.settings },
    },
    dense: embedder !== undefined,
    denseUnavailableReason: embedder ? null : (input.denseUnavailableReason ?? 'no embedding model was given'),
    model: embedder
      ? {
          id: embedder.source.model,
          quantized: embedder.source.quantized,
          pooling: 'mean',
          normalize: true,
          dimension: embedder.dimension,
        }
      : null,
    hnsw,
    packages: packageVersions(),
  };
  await store.writeManifest(manifest);
  return manifest;
}
