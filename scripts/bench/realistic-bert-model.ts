/**
 * A stand-in for Xenova/all-MiniLM-L6-v2 with the real shape and cost but random weights, for benchmarks.
 *
 * The real model cannot be downloaded here (no network but npm), and the tests' tiny model is an embedding lookup
 * whose forward pass costs nothing, so latency figures measured with it would be fiction. This writes a model
 * folder transformers.js 2.x loads through the same `pipeline('feature-extraction', …)` path: a 30,522-entry
 * WordPiece tokenizer and a 6-layer, 384-wide BERT encoder, in fp32 ONNX (~90 MB) or, with the same weights, int8 as
 * onnxruntime's dynamic quantization makes it (~23 MB, like the real `onnx/model_quantized.onnx`). Its vectors mean
 * nothing; its tokenizer + forward pass + pooling cost is the real one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eng as englishStopwords } from 'stopword';
import { readSpeechSource } from '../../src/speech/adapters/read-speech-source.js';
import { buildBertGraph, type BertGraphSpec, type BertPrecision } from './bert-graph.js';
import { buildWordPieceVocabulary, SPECIAL_TOKEN_IDS, wordsByFrequency } from './bert-vocabulary.js';
import { bertTokenizerConfig, bertTokenizerJson } from '../../test/support/bert-tokenizer-config.js';

/** Sizes of all-MiniLM-L6-v2 (a 6-layer MiniLM distilled from BERT, with bert-base-uncased's tokenizer). */
export const REALISTIC_BERT = {
  layers: 6,
  hidden: 384,
  heads: 12,
  intermediate: 1536,
  vocabulary: 30522,
  positions: 512,
} as const;

/** Options of {@link writeRealisticBertModel}. */
export interface RealisticBertOptions {
  /** Seed of the random weights; a different seed is a different model (and regenerates). Default 2021. */
  readonly seed?: number;
  /** fp32 (`onnx/model.onnx`, the default) or int8 (`onnx/model_quantized.onnx`); a folder holds one of them. */
  readonly precision?: BertPrecision;
  /** Called with a short line per step, for CLI progress output. */
  readonly onProgress?: (message: string) => void;
}

/** Bump when the generated files change for the same spec, so stale folders are rebuilt rather than reused. */
const GENERATOR_VERSION = 2;
/** Written last: its presence with a matching spec means every other file was written completely. */
const MARKER_FILE = 'realistic-bert.json';
const DEFAULT_SEED = 2021;
const TYPE_VOCABULARY = 2;

interface Marker {
  readonly generator: number;
  readonly spec: BertGraphSpec;
  readonly seed: number;
  readonly precision: BertPrecision;
  /** Hash of the token list: the vocabulary is derived from the speech text, which may be edited. */
  readonly vocabulary: string;
  /** Byte size of every written file, relative to the model folder. */
  readonly files: Record<string, number>;
}

function buildConfig(spec: BertGraphSpec): unknown {
  // transformers.js only reads model_type (→ BertModel); the rest mirrors all-MiniLM-L6-v2's config.json so code
  // that inspects it sees the real sizes.
  return {
    _name_or_path: 'sentence-transformers/all-MiniLM-L6-v2 (random weights, benchmark stand-in)',
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: spec.hidden,
    num_hidden_layers: spec.layers,
    num_attention_heads: spec.heads,
    intermediate_size: spec.intermediate,
    vocab_size: spec.vocabulary,
    max_position_embeddings: spec.positions,
    type_vocab_size: spec.typeVocabulary,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    attention_probs_dropout_prob: 0.1,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    pad_token_id: SPECIAL_TOKEN_IDS['[PAD]'],
    position_embedding_type: 'absolute',
    torch_dtype: 'float32',
  };
}

/** Where transformers.js looks for each precision: `quantized: true` loads `model_quantized.onnx`. */
const ONNX_FILE: Record<BertPrecision, string> = { fp32: 'onnx/model.onnx', int8: 'onnx/model_quantized.onnx' };

/** True when `folder` holds a complete model written for exactly `expected` (files present at their recorded sizes). */
async function isComplete(folder: string, expected: Omit<Marker, 'files'>): Promise<boolean> {
  let marker: Marker;
  try {
    marker = JSON.parse(await readFile(path.join(folder, MARKER_FILE), 'utf8')) as Marker;
  } catch {
    return false;
  }
  const same =
    marker.generator === expected.generator &&
    marker.seed === expected.seed &&
    marker.precision === expected.precision &&
    marker.vocabulary === expected.vocabulary &&
    JSON.stringify(marker.spec) === JSON.stringify(expected.spec);
  if (!same || typeof marker.files !== 'object' || marker.files === null) return false;
  const sizes = await Promise.all(
    Object.entries(marker.files).map(
      async ([file, size]) => (await stat(path.join(folder, file)).catch(() => undefined))?.size === size,
    ),
  );
  return sizes.length > 0 && sizes.every(Boolean);
}

/**
 * Writes `<root>/<id>/{config.json, tokenizer.json, tokenizer_config.json}` and the ONNX file of `precision`:
 * `onnx/model.onnx` (fp32) for `pipeline('feature-extraction', id, { quantized: false })`, or
 * `onnx/model_quantized.onnx` (int8) for `{ quantized: true }`, with `env.localModelPath = root`. Random weights,
 * seeded: the same seed gives the same weights in both precisions. Skips the work when a complete model with the
 * same spec, seed, precision and vocabulary is already there (a marker file records them); a folder holds one
 * precision, so use one id per precision.
 *
 * @returns the model folder.
 */
export async function writeRealisticBertModel(
  root: string,
  id: string,
  options: RealisticBertOptions = {},
): Promise<string> {
  const progress = options.onProgress ?? (() => undefined);
  const spec: BertGraphSpec = { ...REALISTIC_BERT, typeVocabulary: TYPE_VOCABULARY };
  const seed = options.seed ?? DEFAULT_SEED;
  const precision = options.precision ?? 'fp32';
  const folder = path.join(root, id);

  // Speech words first (most frequent first), then common English function words the speech may lack.
  const words = [
    ...wordsByFrequency((await readSpeechSource()).text),
    ...englishStopwords.flatMap((word) => wordsByFrequency(word)),
  ];
  const tokens = buildWordPieceVocabulary(spec.vocabulary, words);
  const expected = {
    generator: GENERATOR_VERSION,
    spec,
    seed,
    precision,
    vocabulary: createHash('sha256').update(tokens.join('\n')).digest('hex'),
  };
  if (await isComplete(folder, expected)) {
    progress(`reusing ${folder}`);
    return folder;
  }

  // Drop a stale marker first, so a run interrupted half-way never leaves old-marker-over-new-files behind; and both
  // ONNX names, so no file of the old model (nor a link to one, as the bench makes) outlives it beside the new one.
  await rm(path.join(folder, MARKER_FILE), { force: true });
  await Promise.all(Object.values(ONNX_FILE).map((file) => rm(path.join(folder, file), { force: true })));
  await mkdir(path.join(folder, 'onnx'), { recursive: true });
  progress(`building a ${spec.layers}-layer, ${spec.hidden}-wide ${precision} BERT graph with seeded random weights`);
  const onnxBytes = buildBertGraph(spec, seed, precision);

  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const files: Record<string, string | Uint8Array> = {
    'config.json': json(buildConfig(spec)),
    'tokenizer.json': json(bertTokenizerJson(new Map(tokens.map((token, id) => [token, id])))),
    'tokenizer_config.json': json(bertTokenizerConfig()),
    [ONNX_FILE[precision]]: onnxBytes,
  };
  progress(`writing ${(onnxBytes.byteLength / 1e6).toFixed(1)} MB model and tokenizer to ${folder}`);
  const sizes: Record<string, number> = {};
  for (const [file, content] of Object.entries(files)) {
    // Write-then-rename: a reader racing this never sees a truncated model.onnx.
    const target = path.join(folder, file);
    await writeFile(`${target}.partial`, content);
    await rename(`${target}.partial`, target);
    sizes[file] = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  }
  const marker: Marker = { ...expected, files: sizes };
  await writeFile(path.join(folder, MARKER_FILE), json(marker));
  return folder;
}
