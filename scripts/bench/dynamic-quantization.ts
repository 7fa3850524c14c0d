/**
 * onnxruntime's dynamic quantization (`quantize_dynamic`, the QOperator format the int8 export of
 * Xenova/all-MiniLM-L6-v2 was made with), applied while a graph is built rather than to a finished file.
 *
 * The node patterns are the ones `quantize_dynamic` emits, so onnxruntime's load-time optimiser fuses them as it
 * fuses the real file's (MatMulInteger + Cast + Mul → MatMulIntegerToFloat, with DynamicQuantizeLinear →
 * DynamicQuantizeMatMul) and the measured cost is the int8 model's. Scales are per tensor (`per_channel=False`).
 */
import { DataType, type GraphBuilder } from './onnx-graph-builder.js';

/** A tensor as stored: its 8-bit codes, and the affine map back to float, value ≈ (code − zeroPoint) · scale. */
export interface QuantizedTensor {
  readonly codes: Uint8Array;
  readonly scale: number;
  readonly zeroPoint: number;
}

/**
 * MatMul weights use ±63, not ±127: ORT's MatMulInteger quantizer asks for reduce_range, because on AVX2 machines
 * without VNNI the u8×s8 kernel sums pairs of products in 16 bits, which 8-bit weights can saturate.
 */
const WEIGHT_QMAX = 63;

/** `values` as symmetric int8 (zero point 0, scale max|w| / qmax), as ORT stores constant MatMul weights. */
export function quantizeSymmetricInt8(values: Float32Array, qmax = WEIGHT_QMAX): QuantizedTensor {
  const largest = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  // An all-zero tensor still needs a usable scale: quantizing divides by it.
  const scale = largest === 0 ? 1 : largest / qmax;
  const codes = new Int8Array(values.length);
  for (let index = 0; index < values.length; index += 1)
    codes[index] = Math.max(-qmax, Math.min(qmax, Math.round((values[index] ?? 0) / scale)));
  return { codes: new Uint8Array(codes.buffer), scale, zeroPoint: 0 };
}

/** `values` as asymmetric uint8 over [min, max] widened to include 0 (so 0 stays exact), as ORT quantizes data. */
export function quantizeAffineUint8(values: Float32Array): QuantizedTensor {
  const low = values.reduce((min, value) => Math.min(min, value), 0);
  const high = values.reduce((max, value) => Math.max(max, value), 0);
  const scale = high === low ? 1 : (high - low) / 255;
  const zeroPoint = Math.round(-low / scale);
  const codes = new Uint8Array(values.length);
  for (let index = 0; index < values.length; index += 1)
    codes[index] = Math.max(0, Math.min(255, Math.round((values[index] ?? 0) / scale) + zeroPoint));
  return { codes, scale, zeroPoint };
}

/** The three outputs of DynamicQuantizeLinear on one activation. */
interface QuantizedActivation {
  readonly codes: string;
  readonly scale: string;
  readonly zeroPoint: string;
}

/** Emits ORT's dynamic-quantization patterns for the constant-weight ops of one graph. */
export class DynamicQuantizer {
  /** ORT quantizes each activation once, however many MatMuls read it (Q, K and V share one). */
  private readonly activations = new Map<string, QuantizedActivation>();

  constructor(private readonly graph: GraphBuilder) {}

  /**
   * `input` · W for a constant W ([rows, columns], row-major): DynamicQuantizeLinear on the activation (uint8),
   * MatMulInteger against W stored int8, Cast to float, Mul by activation scale × weight scale.
   */
  matMul(input: string, name: string, dims: readonly [number, number], weights: Float32Array): string {
    const activation = this.quantizeActivation(input);
    const weight = quantizeSymmetricInt8(weights);
    const codes = this.graph.initializer(`${name}_quantized`, DataType.INT8, dims, weight.codes);
    const scale = this.graph.floats(`${name}_scale`, [], Float32Array.of(weight.scale));
    const zeroPoint = this.graph.initializer(`${name}_zero_point`, DataType.INT8, [], Uint8Array.of(weight.zeroPoint));
    const product = this.graph.op('MatMulInteger', [activation.codes, codes, activation.zeroPoint, zeroPoint]);
    const asFloat = this.graph.op('Cast', [product], { to: DataType.FLOAT });
    return this.graph.op('Mul', [asFloat, this.graph.op('Mul', [activation.scale, scale])]);
  }

  /**
   * Rows of a constant table ([rows, width]) stored uint8: Gather on the codes, then the DequantizeLinear ORT puts
   * before the first consumer that wants float (here the embeddings' Add).
   */
  gather(name: string, dims: readonly [number, number], table: Float32Array, indices: string): string {
    const quantized = quantizeAffineUint8(table);
    const codes = this.graph.initializer(`${name}_quantized`, DataType.UINT8, dims, quantized.codes);
    const scale = this.graph.floats(`${name}_scale`, [], Float32Array.of(quantized.scale));
    const zeroPoint = this.graph.initializer(
      `${name}_zero_point`,
      DataType.UINT8,
      [],
      Uint8Array.of(quantized.zeroPoint),
    );
    const gathered = this.graph.op('Gather', [codes, indices], { axis: 0 });
    return this.graph.op('DequantizeLinear', [gathered, scale, zeroPoint]);
  }

  private quantizeActivation(input: string): QuantizedActivation {
    const known = this.activations.get(input);
    if (known) return known;
    const outputs = { codes: `${input}_quantized`, scale: `${input}_scale`, zeroPoint: `${input}_zero_point` };
    this.graph.op('DynamicQuantizeLinear', [input], {}, [outputs.codes, outputs.scale, outputs.zeroPoint]);
    this.activations.set(input, outputs);
    return outputs;
  }
}
