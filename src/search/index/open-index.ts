import type { Logger } from 'pino';
import { HnswVectorIndex } from '../adapters/hnsw-vector-index.js';
import { sha256, type IndexStore } from '../adapters/index-store.js';
import { wordnetVersion } from '../adapters/wordnet-files.js';
import type {
  EmbeddingModelSource,
  ModelFileProgress,
  TransformersEmbedder,
} from '../adapters/transformers-embedder.js';
import type { Chunk } from '../chunking/chunk.js';
import { DENSE_SIMILARITY_THRESHOLDS } from '../dense/dense-search.js';
import { Lexicon, type LexiconData } from '../lexicon/lexicon.js';
import { LexicalRanking, type LexicalIndexData } from '../lexical/lexical-ranking.js';
import { lexiconBuilderFingerprint } from './lexicon-fingerprint.js';
import { staleness } from './index-staleness.js';
import { PassageRetriever, type Retriever } from '../passage-retriever.js';
import { parseSpeech } from '../../speech/parse-speech.js';
import type { Speech } from '../../speech/speech.js';
import { buildIndex } from './build-index.js';
import { lexicalOnlyWarning, loadEmbedder } from '../adapters/load-embedder.js';
import type { Manifest } from './index-manifest.js';
import { OperatorError } from '../../refusal/operator-error.js';

export interface OpenIndexInput {
  readonly store: IndexStore;
  readonly source: { readonly file: string; readonly text: string };
  readonly model: EmbeddingModelSource;
  readonly logger: Logger;
  /** `auto` rebuilds a missing, stale or damaged index; `never` fails with the command to run instead. */
  readonly rebuild: 'auto' | 'never';
  readonly onModelProgress?: (progress: ModelFileProgress) => void;
  readonly onEmbedded?: (done: number, total: number) => void;
  /** Calibrated dense thresholds by model id; {@link DENSE_SIMILARITY_THRESHOLDS} unless a caller knows better. */
  readonly denseThresholds?: Readonly<Record<string, number>>;
}

export interface OpenedIndex {
  readonly speech: Speech;
  readonly retriever: Retriever;
  readonly manifest: Manifest;
  /** Present in hybrid mode; the caller disposes of it at shutdown. */
  readonly embedder: TransformersEmbedder | undefined;
  /** Why the index was rebuilt on opening, if it was. */
  readonly rebuiltBecause: string | undefined;
}

/** The index cannot be used and may not be rebuilt here; the message names the command that fixes it. */
export class IndexOutOfDateError extends OperatorError {
  override readonly name = 'IndexOutOfDateError';
}

/**
 * Opens the built index for questions: loads the model, checks the manifest against the current text, model and
 * settings, rebuilds when they disagree (or fails, with `rebuild: 'never'`), verifies every file's hash, and sets
 * hnswlib's `ef` from the manifest. Without a model it opens in lexical mode and says so once.
 */
export async function openIndex(input: OpenIndexInput): Promise<OpenedIndex> {
  const speech = parseSpeech(input.source.text);
  const outcome = await loadEmbedder(input.model, input.onModelProgress);
  const embedder = 'embedder' in outcome ? outcome.embedder : undefined;
  try {
    return await openWith(input, outcome, embedder, speech);
  } catch (error) {
    // A refused or failed open leaves no ONNX session behind for a caller that carries on.
    await embedder?.dispose();
    throw error;
  }
}

async function openWith(
  input: OpenIndexInput,
  outcome: Awaited<ReturnType<typeof loadEmbedder>>,
  embedder: TransformersEmbedder | undefined,
  speech: Speech,
): Promise<OpenedIndex> {
  const read = await input.store.readManifest();
  let rebuiltBecause =
    'problem' in read
      ? read.problem
      : staleness(read.manifest, {
          speechSha256: sha256(input.source.text),
          wordnetVersion: wordnetVersion(),
          embedder,
          lexiconBuilder: await lexiconBuilderFingerprint(),
        });
  let manifest: Manifest;
  if ('manifest' in read && rebuiltBecause === undefined) manifest = read.manifest;
  else manifest = await rebuild(input, embedder, outcome, rebuiltBecause ?? 'the index is missing');

  let loaded: Awaited<ReturnType<typeof readIndexArtefacts>>;
  try {
    loaded = await readIndexArtefacts(input.store, manifest, embedder);
  } catch (error) {
    if (rebuiltBecause !== undefined) throw error;
    rebuiltBecause = `the index is damaged: ${error instanceof Error ? error.message : String(error)}`;
    manifest = await rebuild(input, embedder, outcome, rebuiltBecause);
    loaded = await readIndexArtefacts(input.store, manifest, embedder);
  }
  if (!loaded.vectors) {
    const reason =
      'unavailable' in outcome ? outcome.unavailable : (manifest.denseUnavailableReason ?? 'the index has no vectors');
    input.logger.warn(lexicalOnlyWarning(reason));
  }
  const confidentSimilarity = embedder
    ? (input.denseThresholds ?? DENSE_SIMILARITY_THRESHOLDS)[embedder.source.model]
    : undefined;
  const dense = loaded.vectors && embedder ? { embedder, vectors: loaded.vectors, confidentSimilarity } : undefined;
  const retriever = new PassageRetriever({
    speech,
    chunks: loaded.chunks,
    lexical: loaded.lexical,
    ...(dense ? { dense } : {}),
  });
  return { speech, retriever, manifest, embedder: dense ? embedder : undefined, rebuiltBecause };
}

async function rebuild(
  input: OpenIndexInput,
  embedder: TransformersEmbedder | undefined,
  outcome: { unavailable: string } | object,
  reason: string,
): Promise<Manifest> {
  if (input.rebuild === 'never')
    throw new IndexOutOfDateError(`The index cannot be used: ${reason}. Run \`npm run build:index\`.`);
  input.logger.info({ reason }, `building the index: ${reason}`);
  const denseUnavailableReason = 'unavailable' in outcome ? outcome.unavailable : undefined;
  return buildIndex({
    store: input.store,
    source: input.source,
    embedder,
    denseUnavailableReason,
    onEmbedded: input.onEmbedded,
  });
}

/** Reads and verifies the built files: chunks, the lexical index and lexicon, and the vectors when there is a model. */
export async function readIndexArtefacts(
  store: IndexStore,
  manifest: Manifest,
  embedder: TransformersEmbedder | undefined,
) {
  const json = async <T>(file: { file: string; sha256: string }) =>
    JSON.parse((await store.readVerified(file.file, file.sha256)).toString('utf8')) as T;
  const chunks = await json<Chunk[]>(manifest.chunks);
  if (chunks.length !== manifest.chunks.count)
    throw new Error(`${manifest.chunks.file} holds ${chunks.length} chunks, expected ${manifest.chunks.count}`);
  const lexical = new LexicalRanking(
    new Lexicon(await json<LexiconData>(manifest.lexicon)),
    await json<LexicalIndexData>(manifest.lexical),
  );
  let vectors: HnswVectorIndex | undefined;
  if (manifest.hnsw && embedder) {
    await store.readVerified(manifest.hnsw.file, manifest.hnsw.sha256);
    vectors = await HnswVectorIndex.read(store.pathOf(manifest.hnsw.file), manifest.hnsw, manifest.hnsw.count);
  }
  return { chunks, lexical, vectors };
}
