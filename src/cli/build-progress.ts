import cliProgress from 'cli-progress';
import type { ModelFileProgress } from '../search/adapters/transformers-embedder.js';

export interface BuildProgress {
  readonly onModelProgress: (progress: ModelFileProgress) => void;
  readonly onEmbedded: (done: number, total: number) => void;
  stop(): void;
}

/**
 * Progress bars on stderr for model downloads (one bar per file) and for embedding the chunks. cli-progress draws
 * nothing when stderr is not a terminal, so logs and CI output stay clean.
 */
export function createBuildProgress(): BuildProgress {
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      format: ' {task} |{bar}| {percentage}% {value}/{total} {unit}',
    },
    cliProgress.Presets.shades_classic,
  );
  const files = new Map<string, cliProgress.SingleBar>();
  let embedding: cliProgress.SingleBar | undefined;
  return {
    onModelProgress({ file, loaded, total, done }) {
      const kilobytes = (bytes: number) => Math.round(bytes / 1024);
      let bar = files.get(file);
      if (!bar) {
        bar = bars.create(kilobytes(total) || 1, 0, { task: `download ${file}`, unit: 'KiB' });
        files.set(file, bar);
      }
      bar.update(done ? kilobytes(total) || 1 : kilobytes(loaded));
    },
    onEmbedded(done, total) {
      embedding ??= bars.create(total, 0, { task: 'embed chunks', unit: 'chunks' });
      embedding.update(done);
    },
    stop() {
      bars.stop();
    },
  };
}
