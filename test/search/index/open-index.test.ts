import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/search/index/index-manifest.js';
import { IndexStore, MANIFEST_FILE } from '../../../src/search/adapters/index-store.js';
import { CHUNKS_FILE, HNSW_FILE } from '../../../src/search/index/build-index.js';
import { IndexOutOfDateError, openIndex, type OpenedIndex } from '../../../src/search/index/open-index.js';
import {
  MISSING_MODEL,
  openTestIndex,
  recordingLogger,
  speechSource,
  temporaryFolder,
} from '../../support/test-index.js';

const WARN = 40;

describe('opening the index', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  const folder = async (): Promise<string> => {
    const temporary = await temporaryFolder('open');
    cleanups.push(temporary.remove);
    return temporary.folder;
  };
  const track = (opened: OpenedIndex): OpenedIndex => {
    cleanups.push(async () => opened.embedder?.dispose());
    return opened;
  };

  it('builds a missing index, and then reuses it without rebuilding', async () => {
    const where = await folder();
    const first = track(await openTestIndex(where, { dense: true }));
    expect(first.rebuiltBecause).toMatch(/no index has been built/u);
    const second = track(await openTestIndex(where, { dense: true }));
    expect(second.rebuiltBecause).toBeUndefined();
    expect(second.manifest.builtAt).toBe(first.manifest.builtAt);
    expect(second.retriever.mode).toBe('hybrid');
  });

  it('works in an honest lexical mode without the model: dense false, the reason recorded, one warning', async () => {
    const where = await folder();
    const { logger, lines } = recordingLogger();
    const opened = await openTestIndex(where, { dense: false, logger });
    expect(opened.retriever.mode).toBe('lexical');
    expect(opened.manifest.dense).toBe(false);
    expect(opened.manifest.hnsw).toBeNull();
    expect(opened.manifest.denseUnavailableReason).toContain(MISSING_MODEL.model);
    const warnings = lines.filter((line) => line.level === WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/lexical-only.*MODEL_DIR/u);
  });

  it('upgrades a lexical-only index to hybrid once the model is available', async () => {
    const where = await folder();
    await openTestIndex(where, { dense: false });
    const opened = track(await openTestIndex(where, { dense: true }));
    expect(opened.rebuiltBecause).toMatch(/lexical-only and the model .* is now available/u);
    expect(opened.retriever.mode).toBe('hybrid');
  });

  it('falls back to lexical retrieval, without rebuilding, when a hybrid index is opened without its model', async () => {
    const where = await folder();
    track(await openTestIndex(where, { dense: true }));
    const { logger, lines } = recordingLogger();
    const opened = await openTestIndex(where, { dense: false, logger });
    expect(opened.rebuiltBecause).toBeUndefined();
    expect(opened.retriever.mode).toBe('lexical');
    expect(lines.filter((line) => line.level === WARN)).toHaveLength(1);
  });

  it('rebuilds, saying why, when the speech text has changed', async () => {
    const where = await folder();
    await openTestIndex(where, { dense: false });
    const source = await speechSource();
    const changed = { ...source, text: source.text.replace('Good morning everyone.', 'Good afternoon everyone.') };
    const { logger, lines } = recordingLogger();
    const opened = await openTestIndex(where, { dense: false, source: changed, logger });
    expect(opened.rebuiltBecause).toBe('the speech text has changed since the index was built');
    expect(lines.some((line) => line.msg.includes('speech text has changed'))).toBe(true);
    expect(opened.speech.paragraphs[0]?.text).toMatch(/^Good afternoon everyone\./u);
  });

  it('refuses a stale index with the command to run when rebuilding is not allowed', async () => {
    const where = await folder();
    await openTestIndex(where, { dense: false });
    const source = await speechSource();
    const changed = { ...source, text: `${source.text}\n` };
    const error = await openTestIndex(where, { dense: false, source: changed, rebuild: 'never' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IndexOutOfDateError);
    expect((error as Error).message).toContain('npm run build:index');
  });

  it('rebuilds when the manifest names another model', async () => {
    const where = await folder();
    track(await openTestIndex(where, { dense: true }));
    const manifestPath = new IndexStore(where).pathOf(MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { model: { id: string } };
    manifest.model.id = 'Xenova/some-other-model';
    await writeFile(manifestPath, JSON.stringify(manifest));
    const opened = track(await openTestIndex(where, { dense: true }));
    expect(opened.rebuiltBecause).toMatch(/built with Xenova\/some-other-model/u);
    expect(opened.manifest.model?.id).toBe('test/tiny-bert');
  });

  it.each([
    [
      'another builder of the WordNet lexicon',
      (manifest: Manifest) => ({ ...manifest, lexicon: { ...manifest.lexicon, builder: 'older code' } }),
      /builds the WordNet lexicon has changed/u,
    ],
    [
      'other expansion settings',
      (manifest: Manifest) => ({
        ...manifest,
        lexicon: { ...manifest.lexicon, settings: { ...manifest.lexicon.settings, synonym: 0.9 } },
      }),
      /expansion settings have changed/u,
    ],
    [
      'another WordNet',
      (manifest: Manifest) => ({ ...manifest, lexicon: { ...manifest.lexicon, wordnet: 'WordNet 2.1' } }),
      /built with WordNet 2\.1/u,
    ],
  ])('rebuilds when the manifest records %s', async (_name, change, reason) => {
    const where = await folder();
    track(await openTestIndex(where, { dense: false }));
    const manifestPath = new IndexStore(where).pathOf(MANIFEST_FILE);
    await writeFile(manifestPath, JSON.stringify(change(JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest)));
    const opened = track(await openTestIndex(where, { dense: false }));
    expect(opened.rebuiltBecause).toMatch(reason);
  });

  it.each([
    ['a truncated HNSW file', HNSW_FILE, (file: string) => truncate(file, 100)],
    ['an empty HNSW file', HNSW_FILE, (file: string) => writeFile(file, '')],
    ['a missing HNSW file', HNSW_FILE, (file: string) => rm(file)],
    ['chunks from an interrupted build', CHUNKS_FILE, (file: string) => writeFile(file, '[]')],
    ['a corrupted manifest', MANIFEST_FILE, (file: string) => writeFile(file, '{"formatVersion": 1, "dense": tr')],
  ])('rebuilds on %s instead of crashing', async (_name, file, damage) => {
    const where = await folder();
    track(await openTestIndex(where, { dense: true }));
    await damage(new IndexStore(where).pathOf(file));
    const { logger, lines } = recordingLogger();
    const opened = track(await openTestIndex(where, { dense: true, logger }));
    expect(opened.rebuiltBecause).toBeDefined();
    expect(lines.filter((line) => line.msg.startsWith('building the index'))).toHaveLength(1);
    expect(opened.retriever.mode).toBe('hybrid');
    expect((await opened.retriever.ask('encryption')).passages.length).toBeGreaterThan(0);
  });

  it('records what it read in the manifest it vouches for', async () => {
    const where = await folder();
    const opened = await openIndex({
      store: new IndexStore(where),
      source: await speechSource(),
      model: MISSING_MODEL,
      logger: recordingLogger().logger,
      rebuild: 'auto',
    });
    expect(opened.manifest.source).toMatchObject({
      title: opened.speech.title,
      date: '2021-07-14',
      paragraphs: opened.speech.paragraphs.length,
    });
  });
});
