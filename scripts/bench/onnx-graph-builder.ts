/**
 * A small builder of plain ONNX graphs (nodes + initializers), for the benchmark model's generators.
 */
// onnx-proto is CommonJS with a single `module.exports`; ESM only sees it through the default export.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { fillNormal, littleEndianBytes } from './seeded-tensors.js';

const { onnx } = onnxProto;
/** ONNX element types, re-exported so graph code needs no onnx-proto import of its own. */
export const DataType = onnx.TensorProto.DataType;
const { AttributeType } = onnx.AttributeProto;

type AttributeValue = number | readonly number[];

/** Accumulates nodes and initializers; every op gets a unique output name so the graph is SSA like an export. */
export class GraphBuilder {
  readonly nodes: OnnxTypes.INodeProto[] = [];
  readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly constants = new Set<string>();

  constructor(private readonly random: () => number) {}

  /** Appends a node and returns its (first) output's name; multi-output ops pass all their output names. */
  op(
    opType: string,
    input: readonly string[],
    attributes: Record<string, AttributeValue> = {},
    output?: string | readonly string[],
  ): string {
    const name = `${opType}_${this.nodes.length}`;
    const outputs = typeof output === 'string' ? [output] : output ? [...output] : [`${name}_output`];
    const attribute = Object.entries(attributes).map(([key, value]): OnnxTypes.IAttributeProto =>
      typeof value === 'number'
        ? { name: key, type: AttributeType.INT, i: value }
        : { name: key, type: AttributeType.INTS, ints: [...value] },
    );
    this.nodes.push({ name, opType, input: [...input], output: outputs, attribute });
    return outputs[0] ?? name;
  }

  /**
   * N(0, std²) samples from the seeded stream. Every random tensor is drawn through here, in graph order, so two
   * graphs built the same way from the same seed hold the same weights whatever form they store them in.
   */
  normal(dims: readonly number[], std: number): Float32Array {
    const values = new Float32Array(dims.reduce((product, dim) => product * dim, 1));
    fillNormal(values, this.random, std);
    return values;
  }

  /** Stores a tensor as an initializer under `name` (raw little-endian bytes) and returns the name. */
  initializer(name: string, dataType: number, dims: readonly number[], rawData: Uint8Array): string {
    this.initializers.push({ name, dataType, dims: [...dims], rawData });
    return name;
  }

  /** A float32 initializer. */
  floats(name: string, dims: readonly number[], values: Float32Array): string {
    return this.initializer(name, DataType.FLOAT, dims, littleEndianBytes(values));
  }

  /** Shared float scalar constant (exporters emit one per use; sharing changes nothing at run time). */
  float(value: number): string {
    return this.constant(`const_f32_${value}`, () => ({
      dataType: DataType.FLOAT,
      dims: [],
      rawData: littleEndianBytes(Float32Array.of(value)),
    }));
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
}

/** The value info of a graph input or output; string dims are symbolic (dynamic), numbers fixed. */
export function valueInfo(
  name: string,
  elemType: number,
  ...dims: readonly (string | number)[]
): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) },
      },
    },
  };
}

/** Serialises a graph as an ONNX model of the default domain at `opset`. */
export function encodeModel(
  graph: GraphBuilder,
  meta: {
    irVersion: number;
    opset: number;
    name: string;
    inputs: OnnxTypes.IValueInfoProto[];
    outputs: OnnxTypes.IValueInfoProto[];
  },
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: meta.irVersion,
    opsetImport: [{ domain: '', version: meta.opset }],
    producerName: 'speech-study-bot realistic-bert-model',
    producerVersion: '1',
    graph: {
      name: meta.name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: meta.inputs,
      output: meta.outputs,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
