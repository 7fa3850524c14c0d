import { OperatorError } from '../refusal/operator-error.js';
import { UserFacingError } from '../refusal/user-facing-error.js';

/**
 * Runs a command-line entry point: expected failures (bad configuration, an index to rebuild, a bad question, a
 * database that cannot be opened) end
 * with their one-line message and exit code 2; anything else is a fault, shown in full with exit code 1.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof OperatorError || error instanceof UserFacingError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
