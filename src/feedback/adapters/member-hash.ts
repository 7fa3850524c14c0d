import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../refusal/config-error.js';

/** The file under DATA_DIR that holds the generated secret when FEEDBACK_SECRET is not set. */
export const FEEDBACK_SECRET_FILE_NAME = 'feedback-secret';

/**
 * The key that hashes member ids in the feedback store: FEEDBACK_SECRET when set, else a random one generated once and
 * kept in `<dataDir>/feedback-secret` (readable by the owner only), so hashes stay comparable across restarts without
 * an operator having to invent a secret. Never logged.
 *
 * @throws {ConfigError} when the kept secret cannot be read or written, naming the file.
 */
export function loadFeedbackSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  const file = path.join(dataDir, FEEDBACK_SECRET_FILE_NAME);
  const kept = readKeptSecret(file);
  if (kept !== undefined) return kept;
  const secret = randomBytes(32).toString('hex');
  // Written whole to a file of its own, then linked into place: a process starting at the same moment either links
  // first or finds the other's complete secret, never a half-written or empty one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(draft, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeptSecret(file) ?? secret;
    throw new ConfigError(`cannot keep a feedback secret at ${file}: ${(error as Error).message}`);
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // Not written, or already gone: nothing to clean up.
    }
  }
}

/**
 * The kept secret, or `undefined` when there is no file yet.
 *
 * @throws {ConfigError} when it cannot be read, or holds less than a secret (empty, cut short): an empty key would
 *   let anyone recompute members' hashes from their public ids.
 */
function readKeptSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read the feedback secret at ${file}: ${(error as Error).message}`);
  }
  if (text.length < 16)
    throw new ConfigError(
      `the feedback secret at ${file} is ${text.length === 0 ? 'empty' : 'too short'}; delete it to have a new one made, or set FEEDBACK_SECRET`,
    );
  return text;
}

/** A member id as the feedback store knows it: HMAC-SHA-256 under the secret, so ids cannot be read back or guessed. */
export function memberHasher(secret: string): (memberId: string) => string {
  return (memberId) => createHmac('sha256', secret).update(memberId).digest('hex');
}
