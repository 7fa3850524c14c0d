import { DEFAULT_HNSW } from '../../src/search/adapters/hnsw-vector-index.js';

/**
 * HNSW settings of the scale benchmark, chosen by measurement (`scripts/bench/run-scale.ts --sweep-ef`): on random
 * unit vectors of dimension 384 (the hardest case: no cluster structure) M 32 / efConstruction 100 reaches recall@10
 * 0.95 at 100k chunks from ef 2048; ef 2304 keeps a margin (0.965). efConstruction 200 doubled the build time for
 * little recall; M 16 stayed under 0.95 even at ef 4096.
 */
export const SCALE_HNSW = { ...DEFAULT_HNSW, M: 32, efConstruction: 100, ef: 2304 };
