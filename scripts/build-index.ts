/**
 * `npm run build:index`: parses the vendored speech, embeds its chunks and writes the index under INDEX_DIR
 * (default `embeddings/`). Without the model it writes a lexical-only index and says how to get the model.
 */
import { createBuildProgress } from '../src/cli/build-progress.js';
import { runCli } from '../src/cli/run-cli.js';
import { composeBasics, indexStoreOf, modelSourceOf } from '../src/app/compose.js';
import { buildIndex } from '../src/search/index/build-index.js';
import { lexicalOnlyWarning, loadEmbedder } from '../src/search/adapters/load-embedder.js';
import { readSpeechSource } from '../src/speech/adapters/read-speech-source.js';

runCli(async () => {
  const { config, logger } = composeBasics();
  const started = performance.now();
  const progress = createBuildProgress();
  const outcome = await loadEmbedder(modelSourceOf(config), progress.onModelProgress);
  const embedder = 'embedder' in outcome ? outcome.embedder : undefined;
  const denseUnavailableReason = 'unavailable' in outcome ? outcome.unavailable : undefined;
  const manifest = await buildIndex({
    store: indexStoreOf(config),
    source: await readSpeechSource(),
    embedder,
    denseUnavailableReason,
    onEmbedded: progress.onEmbedded,
  }).finally(() => progress.stop());
  await embedder?.dispose();
  if (denseUnavailableReason) logger.warn(lexicalOnlyWarning(denseUnavailableReason));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mode = manifest.dense
    ? `hybrid (${manifest.model?.id}, ${manifest.hnsw?.dimension} dimensions)`
    : 'lexical-only';
  process.stderr.write(
    `Built a ${mode} index of ${manifest.source.paragraphs} paragraphs in ${manifest.chunks.count} chunks in ${seconds} s → ${config.indexDir}\n`,
  );
});
