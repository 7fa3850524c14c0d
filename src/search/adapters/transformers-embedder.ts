import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { KeyedSerialQueue } from '../../concurrency/keyed-serial-queue.js';
import type { QueryEmbedder } from '../dense/dense-search.js';

/** Where the model comes from; see `.env.example` for the variables behind these fields. */
export interface EmbeddingModelSource {
  /** Hugging Face id, or a folder name under `modelDir`. */
  readonly model: string;
  /** A folder of local models; when set, remote downloads are off. */
  readonly modelDir: string | undefined;
  /** Download cache, kept inside the project because transformers.js' default lives in node_modules. */
  readonly cacheDir: string;
  /** Load `onnx/model_quantized.onnx` (int8) rather than `onnx/model.onnx`. */
  readonly quantized: boolean;
}

/** Download progress of one model file, in bytes. */
export interface ModelFileProgress {
  readonly file: string;
  readonly loaded: number;
  readonly total: number;
  readonly done: boolean;
}

/** A loaded sentence-embedding model: mean-pooled, normalised vectors, and its tokenizer's word-piece count. */
export class TransformersEmbedder implements QueryEmbedder {
  private readonly forwardPasses = new KeyedSerialQueue();

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    readonly source: EmbeddingModelSource,
    readonly dimension: number,
  ) {}

  /**
   * Loads the model through transformers.js `pipeline('feature-extraction')`.
   *
   * @throws when the model cannot be found locally or downloaded (for example offline without `MODEL_DIR`).
   */
  static async load(
    source: EmbeddingModelSource,
    onProgress?: (progress: ModelFileProgress) => void,
  ): Promise<TransformersEmbedder> {
    env.cacheDir = source.cacheDir;
    env.allowRemoteModels = source.modelDir === undefined;
    env.allowLocalModels = source.modelDir !== undefined;
    if (source.modelDir !== undefined) env.localModelPath = source.modelDir;
    // The file cache is looked up by model id before localModelPath; with local models it could serve stale files.
    env.useFSCache = source.modelDir === undefined;
    const extractor: FeatureExtractionPipeline = await pipeline('feature-extraction', source.model, {
      quantized: source.quantized,
      progress_callback: (event: { status?: string; file?: string; loaded?: number; total?: number }) => {
        if (!onProgress || !event.file || (event.status !== 'progress' && event.status !== 'done')) return;
        onProgress({
          file: event.file,
          loaded: event.loaded ?? 0,
          total: event.total ?? 0,
          done: event.status === 'done',
        });
      },
    });
    const probe = await extractor('dimension probe', { pooling: 'mean', normalize: true });
    return new TransformersEmbedder(extractor, source, probe.dims.at(-1) ?? 0);
  }

  /** Word pieces the model sees for `text`, [CLS] and [SEP] included. */
  countTokens(text: string): number {
    return this.extractor.tokenizer.encode(text).length;
  }

  async embed(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    if (!vector) throw new Error('the model returned no vector');
    return vector;
  }

  /**
   * Embeds several texts in one forward pass; one unit vector per text, in order. Forward passes run one at a time,
   * first come first served: under a burst of questions each waits its turn instead of all of them sharing two cores
   * and finishing late together. Each pass first yields to the event loop: onnxruntime runs a pass on the main
   * thread, so a queue of passes chained by promises alone would hold back every timer and socket until the last
   * one, and neither the answers already found nor the deferrals of the rest could go out.
   */
  async embedBatch(texts: readonly string[]): Promise<number[][]> {
    return this.forwardPasses.run('model', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const output = await this.extractor([...texts], { pooling: 'mean', normalize: true });
      return output.tolist() as number[][];
    });
  }

  /** Frees the ONNX session. */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}
