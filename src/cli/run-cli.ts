import { classifyFailure, exitCodeOf } from '../refusal/classify-failure.js';
import { renderRefusal } from '../refusal/render-refusal.js';

/**
 * Runs a command-line entry point: expected failures (bad configuration, an index to rebuild, a bad question, a
 * database that cannot be opened) end with their one-line message and exit code 2; anything else is a fault, shown in
 * full with exit code 1.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const failure = classifyFailure(error);
    process.exitCode = exitCodeOf(failure);
    const shown =
      failure.kind === 'refusal'
        ? renderRefusal(failure.refusal)
        : failure.kind === 'operator'
          ? failure.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
    process.stderr.write(`${shown}\n`);
  });
}
