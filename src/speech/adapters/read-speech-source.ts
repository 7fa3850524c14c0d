import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../project-root.js';

/** The vendored copy of the speech page, relative to the project root (see embeddings/source/README.md). */
export const SPEECH_SOURCE_FILE = 'embeddings/source/mi5-dg-annual-threat-update-2021.txt';

/** Reads the vendored speech page. */
export async function readSpeechSource(): Promise<{ file: string; text: string }> {
  return { file: SPEECH_SOURCE_FILE, text: await readFile(path.join(PROJECT_ROOT, SPEECH_SOURCE_FILE), 'utf8') };
}
