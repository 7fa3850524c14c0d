import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../adapters/index-store.js';
import { wordnetVersion, readWordNet } from '../adapters/wordnet-files.js';
import { writeAtomically } from '../adapters/write-atomically.js';
import { PROJECT_ROOT } from '../config.js';
import type { ExpansionSettings } from '../core/lexicon/expansion-settings.js';
import type { WeightedTerm } from '../core/lexicon/expand-lemma.js';
import { buildLexicon, Lexicon, type BuiltLexicon, type LexiconData, type LexiconFeatures } from '../core/lexicon/lexicon.js';
import type { WordNetDatabase } from '../core/lexicon/wordnet-database.js';
import { normaliseForMatching } from '../core/retrieval/analyze-text.js';

/** The code that builds a lexicon: its text is part of the cache key, so a lexicon built by older code is not reused. */
const BUILDER_SOURCES = ['core/lexicon/expand-lemma.ts', 'core/lexicon/lexicon.ts', 'core/lexicon/morphology.ts', 'core/lexicon/wordnet-database.ts', 'core/lexicon/wordnet-records.ts', 'core/retrieval/analyze-text.ts'];

async function builderFingerprint(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const texts = await Promise.all(BUILDER_SOURCES.map((file) => readFile(path.join(here, '..', file), 'utf8').catch(() => `missing ${file}`)));
  return sha256(texts.join('\0'));
}

/** Where built lexicons are kept between builds (git-ignored, beside the model cache). */
export const LEXICON_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'lexicon');

interface CachedLexicon {
  readonly data: LexiconData;
  /** Each normalised word of the text → its passage-expansion terms. */
  readonly documentWords: Readonly<Record<string, readonly WeightedTerm[]>>;
}

/**
 * The lexicon for a text, built from WordNet (about 8 s: parsing WordNet, then expanding every lemma) or, when the
 * same text, WordNet version, features and settings were built before, read back from the cache. The cache only saves
 * the work: the index folder still gets its own `lexicon.json`, and a damaged cache file is rebuilt.
 */
export async function cachedLexicon(text: string, features: LexiconFeatures, settings: ExpansionSettings, wordnet?: WordNetDatabase): Promise<BuiltLexicon> {
  const key = sha256(JSON.stringify([await builderFingerprint(), wordnet?.version ?? wordnetVersion(), features, settings, text]));
  const file = path.join(LEXICON_CACHE_DIR, `${key}.json`);
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as CachedLexicon;
    const words = new Map(Object.entries(cached.documentWords));
    return { lexicon: new Lexicon(cached.data), expandDocumentWord: (word) => words.get(word) ?? [] };
  } catch {
    // No cache yet, or an unreadable one: build.
  }
  const built = buildLexicon(wordnet ?? (await readWordNet()), text, features, settings);
  const documentWords: Record<string, readonly WeightedTerm[]> = {};
  for (const word of normaliseForMatching(text)) documentWords[word] ??= built.expandDocumentWord(word);
  try {
    await mkdir(LEXICON_CACHE_DIR, { recursive: true });
    await writeAtomically(file, (temporary) => writeFile(temporary, JSON.stringify({ data: built.lexicon.data, documentWords } satisfies CachedLexicon)));
  } catch {
    // A read-only checkout still builds; it only builds again next time.
  }
  return built;
}
