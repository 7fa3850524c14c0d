import { TransformersEmbedder, type EmbeddingModelSource, type ModelFileProgress } from './transformers-embedder.js';

/** The model, or why it could not be had. A missing model is expected here (offline machines), not a fault. */
export type EmbedderOutcome = { readonly embedder: TransformersEmbedder } | { readonly unavailable: string };

/** Loads the embedding model, turning a failure into a reason fit for the log and the manifest. */
export async function loadEmbedder(
  source: EmbeddingModelSource,
  onProgress?: (progress: ModelFileProgress) => void,
): Promise<EmbedderOutcome> {
  try {
    return { embedder: await TransformersEmbedder.load(source, onProgress) };
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    const where = source.modelDir === undefined ? 'from the Hugging Face hub' : `from MODEL_DIR (${source.modelDir})`;
    return { unavailable: `the embedding model ${source.model} could not be loaded ${where}: ${cause}` };
  }
}

/** The one warning printed when retrieval falls back to BM25 alone: what happened and how to get the model. */
export function lexicalOnlyWarning(reason: string): string {
  return (
    `Retrieval is lexical-only (BM25): ${reason}. To enable hybrid retrieval, run \`npm run build:index\` once ` +
    'on a machine that can reach huggingface.co (the model is then cached in MODEL_CACHE_DIR), or set MODEL_DIR to ' +
    'a folder that holds the model.'
  );
}
