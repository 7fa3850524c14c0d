/**
 * Seeded random tensors and their ONNX byte form, for the benchmark model's weights.
 *
 * Weights are written as `raw_data` bytes rather than protobufjs `floatData` number arrays: measured on the
 * 30,522×384 word-embedding table alone, `floatData` took 11 s and 1.1 GB peak RSS to encode, `raw_data` 0.3 s
 * and 140 MB (it is one byte copy).
 */
import { endianness } from 'node:os';

export { mulberry32 } from '../../test/support/seeded-random.js';

/** Fills `target` with N(0, std²) samples by Box–Muller (two samples per pair of uniforms). */
export function fillNormal(target: Float32Array, random: () => number, std: number): void {
  for (let index = 0; index < target.length; index += 2) {
    // 1 - u is in (0, 1], so the log never sees 0.
    const radius = Math.sqrt(-2 * Math.log(1 - random())) * std;
    const angle = 2 * Math.PI * random();
    target[index] = radius * Math.cos(angle);
    if (index + 1 < target.length) target[index + 1] = radius * Math.sin(angle);
  }
}

/** ONNX raw_data is little-endian; on LE hosts the Float32Array's own bytes are used without a copy. */
export function littleEndianBytes(values: Float32Array | BigInt64Array): Uint8Array {
  if (endianness() === 'LE') return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  values.forEach((value: number | bigint, index: number) =>
    typeof value === 'bigint' ? view.setBigInt64(index * 8, value, true) : view.setFloat32(index * 4, value, true),
  );
  return bytes;
}
