/**
 * `npm run eval`: retrieval quality in lexical mode, per kind of question, for the product and for each component
 * alone: hit@1, hit@3, MRR, the share answered confidently and the precision of `confident`. Measured on the project's
 * labelled set and, when it is beside the project (`../shared/eval/extra-questions.json`, never copied in), on the
 * independent one. `-- --misses` also lists the product's misses on the project's set.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IndexStore } from '../src/search/adapters/index-store.js';
import { readWordNet } from '../src/search/adapters/wordnet-files.js';
import { PROJECT_ROOT } from '../src/app/config.js';
import { ALL_FEATURES, NO_FEATURES, type LexiconFeatures } from '../src/search/lexicon/lexicon.js';
import { PassageRetriever } from '../src/search/passage-retriever.js';
import {
  measureRetrievalQuality,
  type JudgedQuestion,
  type RetrievalQuality,
} from '../src/search/retrieval-quality.js';
import type { RetrievalSettings } from '../src/search/retrieval-settings.js';
import { parseSpeech } from '../src/speech/parse-speech.js';
import { buildIndex } from '../src/search/index/build-index.js';
import { readIndexArtefacts } from '../src/search/index/open-index.js';
import { readSpeechSource } from '../src/speech/adapters/read-speech-source.js';
import { LABELLED_QUESTIONS, OFF_TOPIC_QUESTIONS } from '../test/fixtures/questions.js';
import { temporaryFolder } from '../test/support/test-index.js';

const EXTRA_SET = path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'extra-questions.json');
const { values } = parseArgs({
  options: { misses: { type: 'boolean', default: false }, product: { type: 'boolean', default: false } },
});

interface Variant {
  readonly name: string;
  readonly features: LexiconFeatures;
  readonly settings: Partial<RetrievalSettings>;
}

const NONE: Partial<RetrievalSettings> = { structure: false, paragraphWeight: 0 };
const VARIANTS: readonly Variant[] = [
  { name: 'product (all components)', features: ALL_FEATURES, settings: {} },
  { name: 'none (chunk BM25, stemming only)', features: NO_FEATURES, settings: NONE },
  { name: 'paragraph field alone', features: NO_FEATURES, settings: { ...NONE, paragraphWeight: 1 } },
  { name: 'lemmatisation alone', features: { ...NO_FEATURES, lemmatisation: true }, settings: NONE },
  { name: 'query expansion alone', features: { ...NO_FEATURES, queryExpansion: true }, settings: NONE },
  { name: 'document expansion alone', features: { ...NO_FEATURES, documentExpansion: true }, settings: NONE },
  { name: 'structure alone', features: NO_FEATURES, settings: { ...NONE, structure: true } },
];

async function questionSets(): Promise<Array<readonly [string, readonly JudgedQuestion[]]>> {
  const kinds = ['exact', 'paraphrase', 'structure'] as const;
  const sets: Array<readonly [string, readonly JudgedQuestion[]]> = kinds.map(
    (kind) => [`own ${kind}`, LABELLED_QUESTIONS.filter((question) => question.kind === kind)] as const,
  );
  try {
    const extra = JSON.parse(await readFile(EXTRA_SET, 'utf8')) as {
      questions: Array<JudgedQuestion & { kind: string }>;
    };
    for (const kind of [...new Set(extra.questions.map((question) => question.kind))]) {
      sets.push([`independent ${kind}`, extra.questions.filter((question) => question.kind === kind)]);
    }
  } catch {
    console.error(`(no independent set at ${EXTRA_SET}: measuring the project's own set only)`);
  }
  return sets;
}

const row = (name: string, quality: RetrievalQuality) =>
  `| ${name} | ${quality.questions} | ${quality.hitAt1.toFixed(3)} | ${quality.hitAt3.toFixed(3)} | ${quality.mrr.toFixed(3)} | ${quality.confidentShare.toFixed(2)} | ${quality.confident > 0 ? (quality.confidentRight / quality.confident).toFixed(3) : '–'} |`;

const source = await readSpeechSource();
const speech = parseSpeech(source.text);
const wordnet = await readWordNet();
const sets = await questionSets();
const temporary = await temporaryFolder('eval');
try {
  for (const [index, variant] of (values.product ? VARIANTS.slice(0, 1) : VARIANTS).entries()) {
    const store = new IndexStore(path.join(temporary.folder, String(index)));
    const manifest = await buildIndex({ store, source, lexicon: { features: variant.features, wordnet } });
    const { chunks, lexical } = await readIndexArtefacts(store, manifest, undefined);
    const retriever = new PassageRetriever({ speech, chunks, lexical, settings: variant.settings });
    console.log(
      `\n### ${variant.name}\n\n| questions | n | hit@1 | hit@3 | MRR | confident | precision of confident |\n| --- | --- | --- | --- | --- | --- | --- |`,
    );
    let confident = 0;
    let right = 0;
    for (const [name, questions] of sets) {
      const quality = await measureRetrievalQuality(retriever, questions);
      confident += quality.confident;
      right += quality.confidentRight;
      console.log(row(name, quality));
      if (values.misses && index === 0 && name.startsWith('own'))
        for (const miss of quality.misses) console.error(`miss ${JSON.stringify(miss)}`);
    }
    const offTopic = await Promise.all(OFF_TOPIC_QUESTIONS.map((question) => retriever.ask(question)));
    const short = await Promise.all(
      LABELLED_QUESTIONS.map(async ({ question }) => (await retriever.ask(question, { limit: 5 })).passages.length < 5),
    );
    console.log(
      `\nconfident answers ${confident}, top passage right in ${right} (precision ${(right / Math.max(1, confident)).toFixed(3)}); ` +
        `off-topic confident ${offTopic.filter((answer) => answer.confident).length} of ${offTopic.length}; ` +
        `own questions asked for 5 that got fewer: ${short.filter(Boolean).length}`,
    );
  }
} finally {
  await temporary.remove();
}
