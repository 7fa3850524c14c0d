/**
 * One index build in a fresh process, for `npm run bench`: prints `{"ms": …, "maxRssMb": …, "dense": …}`. A separate
 * process per run, so that its peak memory is the build's own and model loading is paid as a user pays it.
 */
import { IndexStore } from '../../src/search/adapters/index-store.js';
import { buildIndex } from '../../src/search/index/build-index.js';
import { loadEmbedder } from '../../src/search/adapters/load-embedder.js';
import { readSpeechSource } from '../../src/speech/adapters/read-speech-source.js';

const [folder = '', modelDir, model] = process.argv.slice(2);
const started = performance.now();
const outcome =
  modelDir && model ? await loadEmbedder({ model, modelDir, cacheDir: `${folder}/cache`, quantized: true }) : undefined;
const embedder = outcome && 'embedder' in outcome ? outcome.embedder : undefined;
if (modelDir && !embedder) throw new Error(`the model did not load: ${JSON.stringify(outcome)}`);
// A lexicon cache of its own, empty: the figure is a user's first build, WordNet expanded from scratch.
const manifest = await buildIndex({
  store: new IndexStore(folder),
  source: await readSpeechSource(),
  embedder,
  lexicon: { cacheDir: `${folder}/lexicon-cache` },
});
const ms = performance.now() - started;
await embedder?.dispose();
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, dense: manifest.dense })}\n`,
);
