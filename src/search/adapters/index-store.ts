import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestSchema, type Manifest } from '../index/index-manifest.js';
import { writeAtomically } from './write-atomically.js';

export const MANIFEST_FILE = 'manifest.json';

/** Hex SHA-256 of some bytes or text. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The built index's folder. Every file is written to a temporary name and renamed into place, and the manifest is
 * written last with each file's hash, so an interrupted build leaves either the old, consistent index or files whose
 * hashes the old manifest does not vouch for.
 */
export class IndexStore {
  constructor(readonly folder: string) {}

  /** Writes one file atomically and returns its SHA-256. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    await writeAtomically(this.pathOf(name), (temporary) => writeFile(temporary, data));
    return sha256(data);
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await this.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  /** The manifest, or why there is none usable: missing, unreadable, or not of the expected shape. */
  async readManifest(): Promise<{ manifest: Manifest } | { problem: string }> {
    let text: string;
    try {
      text = await readFile(this.pathOf(MANIFEST_FILE), 'utf8');
    } catch {
      return { problem: `no index has been built in ${this.folder}` };
    }
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(text));
      return parsed.success
        ? { manifest: parsed.data }
        : { problem: `${MANIFEST_FILE} is not a manifest this version understands` };
    } catch {
      return { problem: `${MANIFEST_FILE} is not valid JSON` };
    }
  }

  /**
   * Reads a file the manifest names and checks it against the hash recorded there.
   *
   * @throws when the file is missing or its content is not what was built.
   */
  async readVerified(name: string, expectedSha256: string): Promise<Buffer> {
    const data = await readFile(this.pathOf(name)).catch(() => {
      throw new Error(`${name} is missing`);
    });
    if (sha256(data) !== expectedSha256)
      throw new Error(`${name} does not match its hash in the manifest (truncated or changed)`);
    return data;
  }

  pathOf(name: string): string {
    return path.join(this.folder, name);
  }
}
