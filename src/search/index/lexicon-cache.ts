import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../adapters/index-store.js';
import { readWordNet } from '../adapters/wordnet-files.js';
import { writeAtomically } from '../adapters/write-atomically.js';
import { PROJECT_ROOT } from '../../project-root.js';
import type { ExpansionSettings } from '../lexicon/expansion-settings.js';
import type { WeightedTerm } from '../lexicon/expand-lemma.js';
import {
  buildLexicon,
  Lexicon,
  type BuiltLexicon,
  type LexiconData,
  type LexiconFeatures,
} from '../lexicon/lexicon.js';
import type { WordNetDatabase } from '../lexicon/wordnet-database.js';
import { contentWords } from '../lexical/analyze-text.js';
import { lexiconBuilderFingerprint } from './lexicon-fingerprint.js';

/** Where built lexicons are kept between builds (git-ignored, beside the model cache). */
export const LEXICON_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'lexicon');

interface CachedLexicon {
  readonly data: LexiconData;
  /** Each normalised content word of the text and its passage-expansion terms. */
  readonly documentWords: ReadonlyArray<readonly [string, readonly WeightedTerm[]]>;
}

/**
 * The lexicon for a text, built from WordNet (about 5 s: parsing WordNet, then expanding every lemma) or, when the
 * same text, WordNet version, features and settings were built before, read back from the cache. The cache only saves
 * the work: the index folder still gets its own `lexicon.json`, and a damaged cache file is rebuilt.
 */
export async function cachedLexicon(
  text: string,
  features: LexiconFeatures,
  settings: ExpansionSettings,
  wordnet?: WordNetDatabase,
  cacheDir: string = LEXICON_CACHE_DIR,
): Promise<BuiltLexicon> {
  const key = sha256(JSON.stringify([await lexiconBuilderFingerprint(), features, settings, text]));
  const file = path.join(cacheDir, `${key}.json`);
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as CachedLexicon;
    const words = new Map(cached.documentWords);
    return { lexicon: new Lexicon(cached.data), expandDocumentWord: (word) => words.get(word) ?? [] };
  } catch {
    // No cache yet, or an unreadable one: build.
  }
  const built = buildLexicon(wordnet ?? (await readWordNet()), text, features, settings);
  const words = new Set(contentWords(text));
  const documentWords = [...words].map((word) => [word, built.expandDocumentWord(word)] as const);
  try {
    await writeAtomically(file, (temporary) =>
      writeFile(temporary, JSON.stringify({ data: built.lexicon.data, documentWords } satisfies CachedLexicon)),
    );
  } catch {
    // A read-only checkout still builds; it only builds again next time.
  }
  return built;
}
