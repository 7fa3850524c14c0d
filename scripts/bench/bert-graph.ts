/**
 * Builds a BERT encoder as a plain ONNX graph with seeded random weights, in fp32 or dynamically quantized to int8.
 *
 * The graph mirrors what `torch.onnx.export` produces for Hugging Face's BertModel (Gather embeddings, composed
 * LayerNorm, MatMul+Add projections, Reshape/Transpose heads, Div-scaled QKᵀ, additive mask, Softmax, Erf GELU), so
 * onnxruntime's load-time optimiser rewrites it the way it rewrites an export: ORT 1.14 fuses the LayerNorm and GELU
 * patterns (322 nodes → 184). It does not fuse the attention block into its Attention kernel (its matcher expects
 * opset-11 attribute Unsqueezes on the mask path), so timings are for unfused attention.
 *
 * The int8 graph is what onnxruntime's `quantize_dynamic` makes of the fp32 one (see dynamic-quantization.ts): the
 * same seeded weights, every constant-weight MatMul and embedding Gather quantized, the activation × activation
 * MatMuls of attention left in float (`MatMulConstBOnly`, its default).
 */
import { DynamicQuantizer } from './dynamic-quantization.js';
import { DataType, encodeModel, GraphBuilder, valueInfo } from './onnx-graph-builder.js';
import { mulberry32 } from './seeded-tensors.js';

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

/** How the weights are stored: float32, or int8 as onnxruntime's dynamic quantization stores them. */
export type BertPrecision = 'fp32' | 'int8';

/**
 * IR 7 / opset 13: inside what onnxruntime 1.14 reads, and LayerNorm is composed from primitive ops (as opset < 17
 * exports do) rather than relying on the opset-17 LayerNormalization op; ORT fuses the pattern back at load time.
 * Opset 13 also covers the int8 graph's ops: DynamicQuantizeLinear needs 11, MatMulInteger and DequantizeLinear 10.
 */
const IR_VERSION = 7;
const OPSET_VERSION = 13;
/** BERT's initializer_range: weights ~ N(0, 0.02²) keep activations small and finite through 6 layers. */
const INIT_STD = 0.02;
const LAYER_NORM_EPS = 1e-12;

/** The ops that read a constant weight, which are the ones quantization changes. */
interface WeightOps {
  matMul(input: string, name: string, dims: readonly [number, number], weights: Float32Array): string;
  gather(name: string, dims: readonly [number, number], table: Float32Array, indices: string): string;
}

function floatWeightOps(graph: GraphBuilder): WeightOps {
  return {
    matMul: (input, name, dims, weights) => graph.op('MatMul', [input, graph.floats(name, dims, weights)]),
    gather: (name, dims, table, indices) => graph.op('Gather', [graph.floats(name, dims, table), indices], { axis: 0 }),
  };
}

/** Graph-building steps of a BERT, over one builder and one way of storing weights. */
class BertBuilder {
  constructor(
    readonly graph: GraphBuilder,
    private readonly weights: WeightOps,
  ) {}

  /** LayerNorm over the last axis in the exact op sequence ORT's LayerNormFusion recognises. */
  layerNorm(input: string, prefix: string, hidden: number, output?: string): string {
    const { graph } = this;
    const mean = graph.op('ReduceMean', [input], { axes: [-1], keepdims: 1 });
    const centred = graph.op('Sub', [input, mean]);
    const variance = graph.op('ReduceMean', [graph.op('Pow', [centred, graph.float(2)])], { axes: [-1], keepdims: 1 });
    const deviation = graph.op('Sqrt', [graph.op('Add', [variance, graph.float(LAYER_NORM_EPS)])]);
    const normalised = graph.op('Div', [centred, deviation]);
    const scaled = graph.op('Mul', [
      normalised,
      graph.floats(`${prefix}.weight`, [hidden], new Float32Array(hidden).fill(1)),
    ]);
    return graph.op('Add', [scaled, graph.floats(`${prefix}.bias`, [hidden], new Float32Array(hidden))], {}, output);
  }

  /** x·W + b with W stored [in, out], as the exporter stores a transposed nn.Linear weight. */
  linear(input: string, prefix: string, inputs: number, outputs: number): string {
    const product = this.weights.matMul(
      input,
      `${prefix}.weight`,
      [inputs, outputs],
      this.graph.normal([inputs, outputs], INIT_STD),
    );
    return this.graph.op('Add', [product, this.graph.floats(`${prefix}.bias`, [outputs], new Float32Array(outputs))]);
  }

  /** Rows of a random [rows, width] embedding table. */
  embedding(name: string, rows: number, width: number, indices: string): string {
    return this.weights.gather(name, [rows, width], this.graph.normal([rows, width], INIT_STD), indices);
  }

  /** Exact (Erf) GELU, 0.5·x·(1 + erf(x/√2)), in the Div/Erf/Add/Mul/Mul order ORT's GeluFusion matches. */
  gelu(input: string): string {
    const { graph } = this;
    const erf = graph.op('Erf', [graph.op('Div', [input, graph.float(Math.SQRT2)])]);
    const gated = graph.op('Mul', [input, graph.op('Add', [erf, graph.float(1)])]);
    return graph.op('Mul', [gated, graph.float(0.5)]);
  }
}

/** One encoder layer: self-attention + residual + LayerNorm, then GELU FFN + residual + LayerNorm. */
function encoderLayer(
  bert: BertBuilder,
  spec: BertGraphSpec,
  hidden: string,
  maskBias: string,
  index: number,
  output?: string,
): string {
  const { graph } = bert;
  const prefix = `encoder.layer.${index}`;
  const headSize = spec.hidden / spec.heads;
  // [B, S, H] → [B, S, heads, headSize]; 0 copies the input dim, so batch and sequence stay dynamic.
  const split = (projection: string, perm: readonly number[]): string =>
    graph.op('Transpose', [graph.op('Reshape', [projection, graph.int64([0, 0, spec.heads, headSize])])], { perm });
  const query = split(bert.linear(hidden, `${prefix}.attention.self.query`, spec.hidden, spec.hidden), [0, 2, 1, 3]);
  // K goes straight to [B, heads, headSize, S] so QKᵀ is one MatMul, as the PyTorch export does it.
  const key = split(bert.linear(hidden, `${prefix}.attention.self.key`, spec.hidden, spec.hidden), [0, 2, 3, 1]);
  const value = split(bert.linear(hidden, `${prefix}.attention.self.value`, spec.hidden, spec.hidden), [0, 2, 1, 3]);
  const scores = graph.op('Div', [graph.op('MatMul', [query, key]), graph.float(Math.sqrt(headSize))]);
  const probabilities = graph.op('Softmax', [graph.op('Add', [scores, maskBias])], { axis: -1 });
  const context = graph.op('Transpose', [graph.op('MatMul', [probabilities, value])], { perm: [0, 2, 1, 3] });
  const merged = graph.op('Reshape', [context, graph.int64([0, 0, spec.hidden])]);
  const attended = bert.linear(merged, `${prefix}.attention.output.dense`, spec.hidden, spec.hidden);
  const attentionOut = bert.layerNorm(
    graph.op('Add', [attended, hidden]),
    `${prefix}.attention.output.LayerNorm`,
    spec.hidden,
  );
  const expanded = bert.gelu(bert.linear(attentionOut, `${prefix}.intermediate.dense`, spec.hidden, spec.intermediate));
  const projected = bert.linear(expanded, `${prefix}.output.dense`, spec.intermediate, spec.hidden);
  return bert.layerNorm(graph.op('Add', [projected, attentionOut]), `${prefix}.output.LayerNorm`, spec.hidden, output);
}

/**
 * Serialises a BERT encoder with inputs `input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, sequence])
 * and output `last_hidden_state` (float [batch, sequence, hidden]); weights are N(0, 0.02²) from `seed`, the same
 * values for both precisions.
 *
 * @throws RangeError when `hidden` is not divisible by `heads` or `layers` < 1.
 */
export function buildBertGraph(spec: BertGraphSpec, seed: number, precision: BertPrecision = 'fp32'): Uint8Array {
  if (spec.hidden % spec.heads !== 0)
    throw new RangeError(`hidden ${spec.hidden} is not divisible by heads ${spec.heads}`);
  if (spec.layers < 1) throw new RangeError('a BERT needs at least one layer');
  const graph = new GraphBuilder(mulberry32(seed));
  const bert = new BertBuilder(graph, precision === 'int8' ? new DynamicQuantizer(graph) : floatWeightOps(graph));

  const word = bert.embedding('embeddings.word_embeddings.weight', spec.vocabulary, spec.hidden, 'input_ids');
  // Position ids 0..S-1 from the runtime sequence length, so any length up to `positions` works.
  const sequenceLength = graph.op('Gather', [graph.op('Shape', ['input_ids']), graph.int64([1], true)], { axis: 0 });
  const positionIds = graph.op('Range', [graph.int64([0], true), sequenceLength, graph.int64([1], true)]);
  const position = bert.embedding('embeddings.position_embeddings.weight', spec.positions, spec.hidden, positionIds);
  const tokenType = bert.embedding(
    'embeddings.token_type_embeddings.weight',
    spec.typeVocabulary,
    spec.hidden,
    'token_type_ids',
  );
  const embedded = graph.op('Add', [graph.op('Add', [word, tokenType]), position]);
  let hidden = bert.layerNorm(embedded, 'embeddings.LayerNorm', spec.hidden);

  // [B, S] mask → [B, 1, 1, S] additive bias: 0 where attended, -10000 on padding (BERT's classic extended mask).
  const mask = graph.op('Unsqueeze', [graph.op('Unsqueeze', ['attention_mask', graph.int64([1])]), graph.int64([2])]);
  const inverted = graph.op('Sub', [graph.float(1), graph.op('Cast', [mask], { to: DataType.FLOAT })]);
  const maskBias = graph.op('Mul', [inverted, graph.float(-10000)]);

  for (let index = 0; index < spec.layers; index += 1) {
    hidden = encoderLayer(
      bert,
      spec,
      hidden,
      maskBias,
      index,
      index === spec.layers - 1 ? 'last_hidden_state' : undefined,
    );
  }

  return encodeModel(graph, {
    irVersion: IR_VERSION,
    opset: OPSET_VERSION,
    name: 'bert_encoder',
    inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) =>
      valueInfo(name, DataType.INT64, 'batch', 'sequence'),
    ),
    outputs: [valueInfo('last_hidden_state', DataType.FLOAT, 'batch', 'sequence', spec.hidden)],
  });
}
