import { existsSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { RankedChunk } from '../lexical/lexical-index.js';
import type { VectorSearch } from '../dense/dense-search.js';
import { writeAtomically } from './write-atomically.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** HNSW parameters; none but `randomSeed` is stored in hnswlib's file, so the manifest keeps them. */
export interface HnswSettings {
  readonly space: 'cosine';
  readonly dimension: number;
  readonly M: number;
  readonly efConstruction: number;
  /** Search breadth; hnswlib forgets it on load (and defaults to 10), so it is set after every load. */
  readonly ef: number;
  readonly randomSeed: number;
}

/**
 * The bundled defaults: exact recall on the speech's few hundred chunks. Larger corpora need more (README,
 * "Performance": M 32, efConstruction 100, ef 2304 for recall@10 ≥ 0.95 at 100k random vectors).
 */
export const DEFAULT_HNSW: Omit<HnswSettings, 'dimension'> = {
  space: 'cosine',
  M: 16,
  efConstruction: 200,
  ef: 64,
  randomSeed: 100,
};

/** Dense k-NN over chunk vectors with hnswlib-node; labels are chunk ids. */
export class HnswVectorIndex implements VectorSearch {
  private constructor(
    private readonly index: Hnsw,
    readonly settings: HnswSettings,
  ) {}

  /** Builds an index of `vectors`, label i for vector i. Same vectors and settings give the same index. */
  static build(vectors: readonly (readonly number[])[], settings: HnswSettings): HnswVectorIndex {
    const index = new HierarchicalNSW(settings.space, settings.dimension);
    index.initIndex({
      maxElements: Math.max(1, vectors.length),
      m: settings.M,
      efConstruction: settings.efConstruction,
      randomSeed: settings.randomSeed,
    });
    vectors.forEach((vector, label) => {
      if (vector.length !== settings.dimension)
        throw new Error(`vector ${label} has ${vector.length} dimensions, expected ${settings.dimension}`);
      // addPoint wants a plain array; typed arrays are rejected.
      index.addPoint(Array.from(vector), label);
    });
    index.setEf(settings.ef);
    return new HnswVectorIndex(index, settings);
  }

  /**
   * Reads an index file written by {@link HnswVectorIndex.write}. The file records neither space nor dimension, so
   * they come from the manifest, and the count read back is checked against the one expected.
   *
   * @throws when the file is missing, unreadable or does not hold `expectedCount` vectors of that dimension.
   */
  static async read(file: string, settings: HnswSettings, expectedCount: number): Promise<HnswVectorIndex> {
    if (!existsSync(file)) throw new Error(`index file ${file} is missing`);
    const index = new HierarchicalNSW(settings.space, settings.dimension);
    index.readIndexSync(file);
    // hnswlib reads any file into an index of the dimension it is told; the count read back is what can be checked.
    if (index.getCurrentCount() !== expectedCount) {
      throw new Error(`index file ${file} holds ${index.getCurrentCount()} vectors, expected ${expectedCount}`);
    }
    index.setEf(settings.ef);
    return new HnswVectorIndex(index, settings);
  }

  /** Writes the index to `file` atomically; the folder must exist (hnswlib would silently write nothing). */
  async write(file: string): Promise<void> {
    if (!existsSync(path.dirname(file))) throw new Error(`cannot write ${file}: its folder does not exist`);
    await writeAtomically(file, (temporary) => this.index.writeIndexSync(temporary));
  }

  /** The search breadth in force (hnswlib's, not the manifest's), so tests can see it was set after loading. */
  get ef(): number {
    return this.index.getEf();
  }

  get count(): number {
    return this.index.getCurrentCount();
  }

  nearest(vector: readonly number[], limit: number, accept?: (chunkId: number) => boolean): RankedChunk[] {
    const k = Math.min(limit, this.index.getCurrentCount());
    if (k === 0) return [];
    const { neighbors, distances } = accept
      ? this.index.searchKnn(Array.from(vector), k, accept)
      : this.index.searchKnn(Array.from(vector), k);
    // hnswlib's cosine distance is 1 − cosine similarity.
    return neighbors.map((id, rank) => ({ id, score: 1 - (distances[rank] ?? 1) }));
  }
}
