import { StorageError } from '../study/adapters/sqlite/storage-error.js';
import { ConfigError } from '../app/config.js';
import { UserFacingError } from '../refusal/user-facing-error.js';
import { IndexOutOfDateError } from '../search/index/open-index.js';

/**
 * Runs a command-line entry point: expected failures (bad configuration, an index to rebuild, a bad question, a
 * database that cannot be opened) end
 * with their one-line message and exit code 2; anything else is a fault, shown in full with exit code 1.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof IndexOutOfDateError || error instanceof UserFacingError || error instanceof StorageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
