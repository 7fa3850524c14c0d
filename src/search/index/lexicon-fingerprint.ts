import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../adapters/index-store.js';
import { WORDNET_EXCEPTIONS_FOLDER, wordnetVersion } from '../adapters/wordnet-files.js';
import { PROJECT_ROOT } from '../../project-root.js';
import { PARTS_OF_SPEECH } from '../lexicon/wordnet-records.js';
import { packageVersions } from './package-versions.js';

/** The code that turns WordNet into a lexicon; the project runs from source (tsx), so its text is at hand. */
const BUILDER_SOURCES = [
  'lexicon/expand-lemma.ts',
  'lexicon/lexicon.ts',
  'lexicon/morphology.ts',
  'lexicon/wordnet-database.ts',
  'lexicon/wordnet-records.ts',
  'lexical/analyze-text.ts',
];

let fingerprint: Promise<string> | undefined;

async function compute(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const read = (file: string) => readFile(file, 'utf8').catch(() => `missing ${file}`);
  // A builder source that is not where this list says would leave its changes out of the hash: fail, naming it.
  const sources = await Promise.all(BUILDER_SOURCES.map((file) => readFile(path.join(here, '..', file), 'utf8')));
  const exceptions = await Promise.all(
    PARTS_OF_SPEECH.map((pos) => read(path.join(PROJECT_ROOT, WORDNET_EXCEPTIONS_FOLDER, `${pos}.exc`))),
  );
  const { stemmer, stopword } = packageVersions();
  return sha256(JSON.stringify([wordnetVersion(), stemmer, stopword, ...sources, ...exceptions]));
}

/**
 * A hash of everything that shapes a lexicon besides the text and the settings: the builder's code, the exception
 * lists, and the versions of WordNet, the stemmer and the stopword list. The manifest records it, so an index built by
 * other code is rebuilt, and the lexicon cache is keyed by it, so it never serves a lexicon of other code.
 */
export function lexiconBuilderFingerprint(): Promise<string> {
  fingerprint ??= compute();
  return fingerprint;
}
