import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` through a temporary file in the same folder and a rename, so a reader sees the old file or the new
 * one, never half of one. `write` fills the temporary path; an empty result is an error, because hnswlib, for one,
 * writes nothing at all (and says nothing) into a folder that does not exist.
 */
export async function writeAtomically(
  file: string,
  write: (temporaryPath: string) => Promise<void> | void,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    if ((await stat(temporary)).size === 0) throw new Error(`nothing was written to ${temporary}`);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
