/**
 * Generator for a tiny, fully local BERT-shaped model.
 *
 * The Hugging Face hub is unreachable from CI and from the sandbox this project
 * is developed in, so tests cannot download all-MiniLM-L6-v2. Instead they write
 * a model folder with the same layout transformers.js 2.x expects and load it
 * through the real `pipeline('feature-extraction', …)`, which exercises the
 * actual tokenizer, ONNX Runtime session, mean pooling and normalisation code
 * rather than a mock of them.
 *
 * The "model" is just an embedding lookup: each token id selects a row of a
 * seeded pseudo-random table. That is enough for semantic-ish behaviour in
 * tests (texts sharing words share rows, so their mean-pooled vectors are
 * closer) while staying a few kilobytes large and fully deterministic.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
// onnx-proto is a CommonJS bundle whose only export is `module.exports = $root`,
// so Node's ESM loader cannot see `onnx` as a named export; go through default.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { mulberry32 } from './seeded-random.js';
import { BERT_SPECIAL_TOKENS, bertTokenizerConfig, bertTokenizerJson } from './bert-tokenizer-config.js';

const { onnx } = onnxProto;

export interface TinyBertOptions {
  /** Whole words of the vocabulary (lowercased); the generator adds the special tokens and single characters / ##-continuation characters so any ASCII-ish text tokenizes to word pieces rather than [UNK]. */
  readonly words: readonly string[];
  /** Width of the embedding table = hidden size of the model. */
  readonly dimension: number;
  /** Seed for the deterministic pseudo-random table. */
  readonly seed: number;
}

/**
 * Characters every text can fall back to. BertPreTokenizer splits punctuation
 * into its own tokens, so punctuation only ever needs the bare form, but the
 * `##` forms are added for all of them anyway to keep the rule simple. The
 * typographic quotes and dashes are included because real speech transcripts
 * (this bot's corpus) are full of them and would otherwise become [UNK].
 */
const FALLBACK_CHARACTERS: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a3\u20ac',
];

/**
 * ONNX Runtime 1.14 (the onnxruntime-node bundled with @xenova/transformers
 * 2.17.2) reads IR up to 8 and opsets up to 18; IR 7 / opset 13 is comfortably
 * inside that and is what many exported BERT checkpoints use.
 */
const IR_VERSION = 7;
const OPSET_VERSION = 13;

/** Builds the token → id map; insertion order defines ids, so duplicates are skipped rather than renumbered. */
function buildVocabulary(words: readonly string[]): Map<string, number> {
  const vocab = new Map<string, number>();
  const add = (token: string): void => {
    if (token.length > 0 && !vocab.has(token)) vocab.set(token, vocab.size);
  };
  // Special tokens first: transformers.js pads batches with `pad_token_id`, and [PAD]=0 is what real models use.
  for (const token of BERT_SPECIAL_TOKENS) add(token);
  for (const word of words) add(word.trim().toLowerCase());
  for (const character of FALLBACK_CHARACTERS) add(character);
  for (const character of FALLBACK_CHARACTERS) add(`##${character}`);
  return vocab;
}

function buildConfig(vocabSize: number, dimension: number): unknown {
  // Only model_type drives transformers.js (it picks BertModel); the rest
  // mirrors a real BERT config so code that inspects it sees sane values.
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dimension,
    vocab_size: vocabSize,
    max_position_embeddings: 512,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dimension,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0,
    attention_probs_dropout_prob: 0,
    type_vocab_size: 2,
    initializer_range: 0.02,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    torch_dtype: 'float32',
  };
}

function buildOnnxModel(vocabSize: number, dimension: number, seed: number): Uint8Array {
  const { DataType } = onnx.TensorProto;
  const { AttributeType } = onnx.AttributeProto;

  const random = mulberry32(seed);
  const table = new Float32Array(vocabSize * dimension);
  for (let index = 0; index < table.length; index += 1) table[index] = random() * 2 - 1;
  // raw_data is little-endian by spec; a Float32Array view is only guaranteed
  // to be that on little-endian hosts, so write through a DataView.
  const tableBytes = new Uint8Array(table.length * 4);
  const view = new DataView(tableBytes.buffer);
  table.forEach((value, index) => view.setFloat32(index * 4, value, true));

  const dims = (...names: readonly (string | number)[]): OnnxTypes.ITensorShapeProto => ({
    dim: names.map((name) => (typeof name === 'number' ? { dimValue: name } : { dimParam: name })),
  });
  const valueInfo = (
    name: string,
    elemType: number,
    shape: OnnxTypes.ITensorShapeProto,
  ): OnnxTypes.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType, shape } },
  });

  // transformers.js feeds exactly the graph's declared inputs (and injects
  // zero token_type_ids when the graph declares them), so declaring all three
  // makes the tokenizer → session path match a real BERT export. They are
  // wired into the output as `+ 0 * (mask + types)` so no optimiser pass can
  // prune them and the graph stays honest about consuming them.
  const nodes: OnnxTypes.INodeProto[] = [
    {
      name: 'embed',
      opType: 'Gather',
      input: ['embedding_table', 'input_ids'],
      output: ['embedded'],
      attribute: [{ name: 'axis', type: AttributeType.INT, i: 0 }],
    },
    { name: 'side_inputs', opType: 'Add', input: ['attention_mask', 'token_type_ids'], output: ['side_sum'] },
    {
      name: 'side_float',
      opType: 'Cast',
      input: ['side_sum'],
      output: ['side_float'],
      attribute: [{ name: 'to', type: AttributeType.INT, i: DataType.FLOAT }],
    },
    { name: 'side_zero', opType: 'Mul', input: ['side_float', 'zero'], output: ['side_zero'] },
    // Opset 13 takes Unsqueeze axes as an input tensor, not an attribute.
    { name: 'side_expand', opType: 'Unsqueeze', input: ['side_zero', 'last_axis'], output: ['side_expanded'] },
    { name: 'combine', opType: 'Add', input: ['embedded', 'side_expanded'], output: ['last_hidden_state'] },
  ];

  const zeroBytes = new Uint8Array(4); // 0.0f
  const lastAxisBytes = new Uint8Array(8);
  new DataView(lastAxisBytes.buffer).setBigInt64(0, -1n, true);

  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'speech-study-bot tiny-bert-model',
    producerVersion: '1',
    graph: {
      name: 'tiny_bert',
      node: nodes,
      initializer: [
        { name: 'embedding_table', dataType: DataType.FLOAT, dims: [vocabSize, dimension], rawData: tableBytes },
        { name: 'zero', dataType: DataType.FLOAT, dims: [], rawData: zeroBytes },
        { name: 'last_axis', dataType: DataType.INT64, dims: [1], rawData: lastAxisBytes },
      ],
      input: [
        valueInfo('input_ids', DataType.INT64, dims('batch', 'sequence')),
        valueInfo('attention_mask', DataType.INT64, dims('batch', 'sequence')),
        valueInfo('token_type_ids', DataType.INT64, dims('batch', 'sequence')),
      ],
      output: [valueInfo('last_hidden_state', DataType.FLOAT, dims('batch', 'sequence', dimension))],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Writes <modelRoot>/<modelId>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx, onnx/model_quantized.onnx}. Returns the model folder. */
export async function writeTinyBertModel(
  modelRoot: string,
  modelId: string,
  options: TinyBertOptions,
): Promise<string> {
  if (!Number.isInteger(options.dimension) || options.dimension < 1) {
    throw new RangeError(`dimension must be a positive integer, got ${options.dimension}`);
  }
  const vocab = buildVocabulary(options.words);
  const folder = path.join(modelRoot, modelId);
  await mkdir(path.join(folder, 'onnx'), { recursive: true });

  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const onnxBytes = buildOnnxModel(vocab.size, options.dimension, options.seed);
  await Promise.all([
    writeFile(path.join(folder, 'config.json'), json(buildConfig(vocab.size, options.dimension))),
    writeFile(path.join(folder, 'tokenizer.json'), json(bertTokenizerJson(vocab))),
    writeFile(path.join(folder, 'tokenizer_config.json'), json(bertTokenizerConfig())),
    writeFile(path.join(folder, 'onnx', 'model.onnx'), onnxBytes),
    // Deliberately the same fp32 graph: the project loads `quantized: true`
    // like the real all-MiniLM-L6-v2, and quantising a lookup table would only
    // add noise without exercising anything the tests care about.
    writeFile(path.join(folder, 'onnx', 'model_quantized.onnx'), onnxBytes),
  ]);
  return folder;
}
