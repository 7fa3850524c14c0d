import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ConfigError(`cannot read the feedback secret at ${file}: ${(error as Error).message}`);
  }
  const secret = randomBytes(32).toString('hex');
  try {
    mkdirSync(dataDir, { recursive: true });
    // `wx`: two processes starting at once must not overwrite each other's secret; the loser reads the winner's.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new ConfigError(`cannot keep a feedback secret at ${file}: ${(error as Error).message}`);
  }
}

/** A member id as the feedback store knows it: HMAC-SHA-256 under the secret, so ids cannot be read back or guessed. */
export function memberHasher(secret: string): (memberId: string) => string {
  return (memberId) => createHmac('sha256', secret).update(memberId).digest('hex');
}
