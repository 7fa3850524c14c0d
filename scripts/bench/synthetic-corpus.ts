/**
 * Deterministic synthetic corpora for the scale benchmark: random unit vectors (the hardest case for HNSW, since
 * they have no cluster structure to exploit) and generated chunk texts with a Zipf-like word distribution, so BM25
 * sees realistic posting-list lengths. Same seed, same corpus, on any machine.
 */
import { readFileSync } from 'node:fs';
import type { Chunk } from '../../src/search/chunking/chunk.js';

/** The embedding size of the bundled model (all-MiniLM-L6-v2), so index sizes and latencies match the real ones. */
export const BENCH_DIMENSION = 384;

/** The speech whose words seed the vocabulary; resolved from this file so any working directory will do. */
export const SPEECH_FILE = new URL('../../embeddings/source/mi5-dg-annual-threat-update-2021.txt', import.meta.url);

import { mulberry32 } from '../../test/support/seeded-random.js';

export { mulberry32 };

/**
 * `count` unit vectors of `dimension`, row-major in one Float32Array (4 bytes a component rather than a JS array's
 * 8, and one allocation: 100k × 384 is 154 MB as float32). Gaussian components normalised to length 1 are uniform
 * on the sphere, which is what "random unit vector" should mean.
 */
export function randomUnitVectors(count: number, dimension: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const vectors = new Float32Array(count * dimension);
  const row = new Float64Array(dimension);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let d = 0; d < dimension; d++) {
      // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
      const value = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      row[d] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < dimension; d++) vectors[i * dimension + d] = (row[d] as number) * scale;
  }
  return vectors;
}

/** Row `i` of a row-major matrix as a plain array, the form `HnswVectorIndex` takes; converted only when asked. */
export function rowAsArray(matrix: Float32Array, dimension: number, i: number): number[] {
  return Array.from(matrix.subarray(i * dimension, (i + 1) * dimension));
}

/** Every row as a plain array, for `HnswVectorIndex.build` (which wants them all at once). */
export function rowsAsArrays(matrix: Float32Array, dimension: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < matrix.length / dimension; i++) rows.push(rowAsArray(matrix, dimension, i));
  return rows;
}

/**
 * A vocabulary ordered by rank: the speech's words by falling frequency (so the head is English function words,
 * which the analyser drops as stopwords, as it would in real text), then `pseudoWords` generated words shuffled in
 * below the first 200 ranks so that the long tail is mostly rare, unique terms.
 */
export function buildVocabulary(speech: string, pseudoWords: number, seed: number): string[] {
  const counts = new Map<string, number>();
  for (const word of speech.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  const speechWords = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const random = mulberry32(seed);
  const syllables = [
    'ka',
    'lo',
    'mir',
    'tes',
    'van',
    'dru',
    'pel',
    'so',
    'qui',
    'nor',
    'bex',
    'ta',
    'gri',
    'ul',
    'fen',
    'zo',
  ];
  const generated = new Set<string>();
  while (generated.size < pseudoWords) {
    let word = '';
    const length = 2 + Math.floor(random() * 3);
    for (let s = 0; s < length; s++) word += syllables[Math.floor(random() * syllables.length)];
    if (!counts.has(word)) generated.add(word);
  }
  const tail = [...speechWords.slice(200), ...generated];
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [tail[i], tail[j]] = [tail[j] as string, tail[i] as string];
  }
  return [...speechWords.slice(0, 200), ...tail];
}

/** Draws words with probability ∝ 1 / rank^exponent (Zipf; ~1.07 fits English), by binary search on the CDF. */
export function zipfSampler(vocabulary: readonly string[], exponent: number, random: () => number): () => string {
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, exponent);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] as string;
  };
}

/** Options shared by corpus and query generation. */
export interface SyntheticOptions {
  readonly seed: number;
  readonly dimension?: number;
  /** The vocabulary from {@link buildVocabulary}; read from the speech with 3,000 pseudo-words when omitted. */
  readonly vocabulary?: readonly string[];
}

/** A synthetic corpus: vector i belongs to chunk i, as in the real index where labels are chunk ids. */
export interface SyntheticCorpus {
  readonly dimension: number;
  readonly vectors: Float32Array;
  readonly chunks: readonly Chunk[];
}

/** Query vectors (independent of the corpus, uniform on the sphere) and question-length query texts. */
export interface SyntheticQueries {
  readonly vectors: Float32Array;
  readonly texts: readonly string[];
}

function defaultVocabulary(): string[] {
  return buildVocabulary(readFileSync(SPEECH_FILE, 'utf8'), 3000, 1);
}

function sentence(draw: () => string, random: () => number, minWords: number, maxWords: number): string {
  const words: string[] = [];
  const length = minWords + Math.floor(random() * (maxWords - minWords + 1));
  for (let w = 0; w < length; w++) words.push(draw());
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * `size` chunks of 12–40 generated words with their unit vectors. Chunks are grouped five to a paragraph and fifty
 * to a section, so section filters and stored fields behave as with the speech.
 */
export function generateCorpus(size: number, options: SyntheticOptions): SyntheticCorpus {
  const dimension = options.dimension ?? BENCH_DIMENSION;
  // Separate streams for vectors and text, so changing the text generator does not change the vectors.
  const random = mulberry32(options.seed ^ 0x5eed7e47);
  const draw = zipfSampler(options.vocabulary ?? defaultVocabulary(), 1.07, random);
  const chunks: Chunk[] = [];
  for (let id = 0; id < size; id++) {
    const text = sentence(draw, random, 12, 40);
    const paragraphNumber = Math.floor(id / 5) + 1;
    chunks.push({
      id,
      paragraphId: `p${paragraphNumber}`,
      paragraphNumber,
      sectionId: `s${Math.floor(id / 50) + 1}`,
      start: 0,
      end: text.length,
      text,
      // The project's conservative estimate is ~1.3 word pieces a word, plus [CLS] and [SEP].
      tokens: Math.ceil(text.split(' ').length * 1.3) + 2,
    });
  }
  return { dimension, vectors: randomUnitVectors(size, dimension, options.seed), chunks };
}

/** `count` queries: 3–10-word texts from the same distribution as the chunks, and unit vectors from their own seed. */
export function generateQueries(count: number, options: SyntheticOptions): SyntheticQueries {
  const dimension = options.dimension ?? BENCH_DIMENSION;
  const random = mulberry32(options.seed ^ 0x9e3779b9);
  const draw = zipfSampler(options.vocabulary ?? defaultVocabulary(), 1.07, random);
  const texts = Array.from({ length: count }, () => sentence(draw, random, 3, 10).replace(/\.$/u, '?'));
  return { vectors: randomUnitVectors(count, dimension, options.seed ^ 0x7f4a7c15), texts };
}
