/**
 * The lexical index's cost in a fresh process, for `npm run bench`: builds the speech's lexical index with WordNet
 * (or without, `plain`) into `folder`, then, in the same state a bot is in when ready, opens it and asks the
 * 1,000 benchmark questions. Prints `{"buildMs", "wordnetMs", "bytes", "rssBeforeMb", "rssReadyMb", "latencies"}`.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { IndexStore } from '../../src/search/adapters/index-store.js';
import { readWordNet } from '../../src/search/adapters/wordnet-files.js';
import { ALL_FEATURES, NO_FEATURES } from '../../src/search/lexicon/lexicon.js';
import { PassageRetriever } from '../../src/search/passage-retriever.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import { buildIndex } from '../../src/search/index/build-index.js';
import { readIndexArtefacts } from '../../src/search/index/open-index.js';
import { readSpeechSource } from '../../src/speech/adapters/read-speech-source.js';
import { benchQuestions } from './bench-questions.js';

const [folder = '', variant = 'wordnet', phase = 'build'] = process.argv.slice(2);
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const source = await readSpeechSource();
const store = new IndexStore(folder);
if (phase === 'build') {
  let started = performance.now();
  const wordnet = variant === 'wordnet' ? await readWordNet() : undefined;
  const wordnetMs = performance.now() - started;
  started = performance.now();
  // An empty lexicon cache of its own, so that the expansion is built from scratch, as on a user's first build.
  const lexicon = {
    features: variant === 'wordnet' ? ALL_FEATURES : NO_FEATURES,
    cacheDir: path.join(folder, 'lexicon-cache'),
    ...(wordnet ? { wordnet } : {}),
  };
  await buildIndex({ store, source, lexicon });
  const buildMs = performance.now() - started;
  const files = await readdir(folder);
  const sizes = await Promise.all(
    files
      .filter((file) => file.startsWith('lexic') && file.endsWith('.json'))
      .map(async (file) => (await stat(path.join(folder, file))).size),
  );
  process.stdout.write(
    `${JSON.stringify({ wordnetMs, buildMs, bytes: sizes.reduce((sum, size) => sum + size, 0) })}\n`,
  );
} else {
  const speech = parseSpeech(source.text);
  collect();
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const read = await store.readManifest();
  if (!('manifest' in read)) throw new Error(read.problem);
  const { chunks, lexical } = await readIndexArtefacts(store, read.manifest, undefined);
  const retriever = new PassageRetriever({ speech, chunks, lexical });
  const questions = benchQuestions(1000, source.text);
  for (const question of questions.slice(0, 100)) await retriever.ask(question);
  collect();
  const rssReadyMb = process.memoryUsage().rss / 2 ** 20;
  const latencies: number[] = [];
  for (const question of questions) {
    const begin = performance.now();
    await retriever.ask(question);
    latencies.push(performance.now() - begin);
  }
  process.stdout.write(`${JSON.stringify({ rssBeforeMb, rssReadyMb, latencies })}\n`);
}
