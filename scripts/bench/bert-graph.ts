/**
 * Builds a BERT encoder as a plain ONNX graph with seeded random weights.
 *
 * The graph mirrors what `torch.onnx.export` produces for Hugging Face's BertModel (Gather embeddings, composed
 * LayerNorm, MatMul+Add projections, Reshape/Transpose heads, Div-scaled QKᵀ, additive mask, Softmax, Erf GELU), so
 * onnxruntime's load-time optimiser rewrites it the way it rewrites an export: ORT 1.14 fuses the LayerNorm and GELU
 * patterns (322 nodes → 184). It does not fuse the attention block into its Attention kernel (its matcher expects
 * opset-11 attribute Unsqueezes on the mask path), so timings are for unfused attention.
 */
// onnx-proto is CommonJS with a single `module.exports`; ESM only sees it through the default export.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { fillNormal, littleEndianBytes, mulberry32 } from './seeded-tensors.js';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** Sizes of a BERT encoder (no pooler: sentence-transformers exports only `last_hidden_state`). */
export interface BertGraphSpec {
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly intermediate: number;
  readonly vocabulary: number;
  readonly positions: number;
  readonly typeVocabulary: number;
}

/**
 * IR 7 / opset 13: inside what onnxruntime 1.14 reads, and LayerNorm is composed from primitive ops (as opset < 17
 * exports do) rather than relying on the opset-17 LayerNormalization op; ORT fuses the pattern back at load time.
 */
const IR_VERSION = 7;
const OPSET_VERSION = 13;
/** BERT's initializer_range: weights ~ N(0, 0.02²) keep activations small and finite through 6 layers. */
const INIT_STD = 0.02;
const LAYER_NORM_EPS = 1e-12;

type AttributeValue = number | readonly number[];

/** Accumulates nodes and initializers; every op gets a unique output name so the graph is SSA like an export. */
class GraphBuilder {
  readonly nodes: OnnxTypes.INodeProto[] = [];
  readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly constants = new Set<string>();

  constructor(private readonly random: () => number) {}

  op(opType: string, input: readonly string[], attributes: Record<string, AttributeValue> = {}, output?: string): string {
    const name = `${opType}_${this.nodes.length}`;
    const result = output ?? `${name}_output`;
    const attribute = Object.entries(attributes).map(([key, value]): OnnxTypes.IAttributeProto =>
      typeof value === 'number' ? { name: key, type: AttributeType.INT, i: value } : { name: key, type: AttributeType.INTS, ints: [...value] },
    );
    this.nodes.push({ name, opType, input: [...input], output: [result], attribute });
    return result;
  }

  /** A trainable tensor: `normal` for matrices and embeddings, `ones`/`zeros` for LayerNorm gamma/beta and biases. */
  weight(name: string, dims: readonly number[], fill: 'normal' | 'ones' | 'zeros'): string {
    const values = new Float32Array(dims.reduce((product, dim) => product * dim, 1));
    if (fill === 'normal') fillNormal(values, this.random, INIT_STD);
    else if (fill === 'ones') values.fill(1);
    this.initializers.push({ name, dataType: DataType.FLOAT, dims: [...dims], rawData: littleEndianBytes(values) });
    return name;
  }

  /** Shared float scalar constant (exporters emit one per use; sharing changes nothing at run time). */
  float(value: number): string {
    return this.constant(`const_f32_${value}`, () => ({ dataType: DataType.FLOAT, dims: [], rawData: littleEndianBytes(Float32Array.of(value)) }));
  }

  /** Shared int64 constant; `scalar` gives a 0-d tensor (Gather index, Range bounds), else a 1-d vector. */
  int64(values: readonly number[], scalar = false): string {
    return this.constant(`const_i64_${scalar ? 's' : 'v'}_${values.join('_')}`, () => ({
      dataType: DataType.INT64,
      dims: scalar ? [] : [values.length],
      rawData: littleEndianBytes(BigInt64Array.from(values, (value) => BigInt(value))),
    }));
  }

  private constant(name: string, make: () => OnnxTypes.ITensorProto): string {
    if (!this.constants.has(name)) this.initializers.push({ ...make(), name });
    this.constants.add(name);
    return name;
  }

  /** LayerNorm over the last axis in the exact op sequence ORT's LayerNormFusion recognises. */
  layerNorm(input: string, prefix: string, hidden: number, output?: string): string {
    const mean = this.op('ReduceMean', [input], { axes: [-1], keepdims: 1 });
    const centred = this.op('Sub', [input, mean]);
    const variance = this.op('ReduceMean', [this.op('Pow', [centred, this.float(2)])], { axes: [-1], keepdims: 1 });
    const deviation = this.op('Sqrt', [this.op('Add', [variance, this.float(LAYER_NORM_EPS)])]);
    const normalised = this.op('Div', [centred, deviation]);
    const scaled = this.op('Mul', [normalised, this.weight(`${prefix}.weight`, [hidden], 'ones')]);
    return this.op('Add', [scaled, this.weight(`${prefix}.bias`, [hidden], 'zeros')], {}, output);
  }

  /** x·W + b with W stored [in, out], as the exporter stores a transposed nn.Linear weight. */
  linear(input: string, prefix: string, inputs: number, outputs: number): string {
    const product = this.op('MatMul', [input, this.weight(`${prefix}.weight`, [inputs, outputs], 'normal')]);
    return this.op('Add', [product, this.weight(`${prefix}.bias`, [outputs], 'zeros')]);
  }

  /** Exact (Erf) GELU, 0.5·x·(1 + erf(x/√2)), in the Div/Erf/Add/Mul/Mul order ORT's GeluFusion matches. */
  gelu(input: string): string {
    const erf = this.op('Erf', [this.op('Div', [input, this.float(Math.SQRT2)])]);
    const gated = this.op('Mul', [input, this.op('Add', [erf, this.float(1)])]);
    return this.op('Mul', [gated, this.float(0.5)]);
  }
}

/** One encoder layer: self-attention + residual + LayerNorm, then GELU FFN + residual + LayerNorm. */
function encoderLayer(graph: GraphBuilder, spec: BertGraphSpec, hidden: string, maskBias: string, index: number, output?: string): string {
  const prefix = `encoder.layer.${index}`;
  const headSize = spec.hidden / spec.heads;
  // [B, S, H] → [B, S, heads, headSize]; 0 copies the input dim, so batch and sequence stay dynamic.
  const split = (projection: string, perm: readonly number[]): string =>
    graph.op('Transpose', [graph.op('Reshape', [projection, graph.int64([0, 0, spec.heads, headSize])])], { perm });
  const query = split(graph.linear(hidden, `${prefix}.attention.self.query`, spec.hidden, spec.hidden), [0, 2, 1, 3]);
  // K goes straight to [B, heads, headSize, S] so QKᵀ is one MatMul, as the PyTorch export does it.
  const key = split(graph.linear(hidden, `${prefix}.attention.self.key`, spec.hidden, spec.hidden), [0, 2, 3, 1]);
  const value = split(graph.linear(hidden, `${prefix}.attention.self.value`, spec.hidden, spec.hidden), [0, 2, 1, 3]);
  const scores = graph.op('Div', [graph.op('MatMul', [query, key]), graph.float(Math.sqrt(headSize))]);
  const probabilities = graph.op('Softmax', [graph.op('Add', [scores, maskBias])], { axis: -1 });
  const context = graph.op('Transpose', [graph.op('MatMul', [probabilities, value])], { perm: [0, 2, 1, 3] });
  const merged = graph.op('Reshape', [context, graph.int64([0, 0, spec.hidden])]);
  const attended = graph.linear(merged, `${prefix}.attention.output.dense`, spec.hidden, spec.hidden);
  const attentionOut = graph.layerNorm(graph.op('Add', [attended, hidden]), `${prefix}.attention.output.LayerNorm`, spec.hidden);
  const expanded = graph.gelu(graph.linear(attentionOut, `${prefix}.intermediate.dense`, spec.hidden, spec.intermediate));
  const projected = graph.linear(expanded, `${prefix}.output.dense`, spec.intermediate, spec.hidden);
  return graph.layerNorm(graph.op('Add', [projected, attentionOut]), `${prefix}.output.LayerNorm`, spec.hidden, output);
}

/**
 * Serialises a BERT encoder with inputs `input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, sequence])
 * and output `last_hidden_state` (float [batch, sequence, hidden]); weights are N(0, 0.02²) from `seed`.
 *
 * @throws RangeError when `hidden` is not divisible by `heads` or `layers` < 1.
 */
export function buildBertGraph(spec: BertGraphSpec, seed: number): Uint8Array {
  if (spec.hidden % spec.heads !== 0) throw new RangeError(`hidden ${spec.hidden} is not divisible by heads ${spec.heads}`);
  if (spec.layers < 1) throw new RangeError('a BERT needs at least one layer');
  const graph = new GraphBuilder(mulberry32(seed));

  const word = graph.op('Gather', [graph.weight('embeddings.word_embeddings.weight', [spec.vocabulary, spec.hidden], 'normal'), 'input_ids'], { axis: 0 });
  // Position ids 0..S-1 from the runtime sequence length, so any length up to `positions` works.
  const sequenceLength = graph.op('Gather', [graph.op('Shape', ['input_ids']), graph.int64([1], true)], { axis: 0 });
  const positionIds = graph.op('Range', [graph.int64([0], true), sequenceLength, graph.int64([1], true)]);
  const position = graph.op('Gather', [graph.weight('embeddings.position_embeddings.weight', [spec.positions, spec.hidden], 'normal'), positionIds], { axis: 0 });
  const tokenType = graph.op('Gather', [graph.weight('embeddings.token_type_embeddings.weight', [spec.typeVocabulary, spec.hidden], 'normal'), 'token_type_ids'], { axis: 0 });
  const embedded = graph.op('Add', [graph.op('Add', [word, tokenType]), position]);
  let hidden = graph.layerNorm(embedded, 'embeddings.LayerNorm', spec.hidden);

  // [B, S] mask → [B, 1, 1, S] additive bias: 0 where attended, -10000 on padding (BERT's classic extended mask).
  const mask = graph.op('Unsqueeze', [graph.op('Unsqueeze', ['attention_mask', graph.int64([1])]), graph.int64([2])]);
  const inverted = graph.op('Sub', [graph.float(1), graph.op('Cast', [mask], { to: DataType.FLOAT })]);
  const maskBias = graph.op('Mul', [inverted, graph.float(-10000)]);

  for (let index = 0; index < spec.layers; index += 1) {
    hidden = encoderLayer(graph, spec, hidden, maskBias, index, index === spec.layers - 1 ? 'last_hidden_state' : undefined);
  }

  const valueInfo = (name: string, elemType: number, ...dims: readonly (string | number)[]): OnnxTypes.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'speech-study-bot realistic-bert-model',
    producerVersion: '1',
    graph: {
      name: 'bert_encoder',
      node: graph.nodes,
      initializer: graph.initializers,
      input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, DataType.INT64, 'batch', 'sequence')),
      output: [valueInfo('last_hidden_state', DataType.FLOAT, 'batch', 'sequence', spec.hidden)],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
