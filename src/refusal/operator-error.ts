/**
 * A failure the person running the bot causes and fixes (a bad variable, an index to rebuild, a database that cannot
 * be used): expected, so it ends a command-line run with its one-line message instead of a stack. The message names
 * what to fix and never echoes a secret.
 */
export abstract class OperatorError extends Error {}
