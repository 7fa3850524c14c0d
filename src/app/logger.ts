import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * A logger on stderr, so that stdout stays clean for machine-readable output (`npm run ask -- --json`): JSON lines
 * for machines, readable lines when a person watches the terminal. Writes are synchronous: a CLI that exits right
 * after logging must not lose the line.
 */
export function createLogger(
  level: string,
  humanReadable: boolean = process.stderr.isTTY,
  dest: number | string = 2,
): Logger {
  // `dest` is a file descriptor or a file path: stderr in production, a file when a test reads back what was written.
  const destination = humanReadable
    ? pretty({ destination: dest, sync: true, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' })
    : pino.destination({ dest, sync: true });
  // Defence in depth: the token is never passed to a log call, but any object that carries it is censored.
  const redact = {
    paths: [
      'token',
      '*.token',
      'discordToken',
      '*.discordToken',
      'headers.authorization',
      'headers.Authorization',
      '*.headers.authorization',
      '*.headers.Authorization',
    ],
    censor: '[redacted]',
  };
  // An error logged as `error` rather than `err` is kept to the same fields: spread whole, a discord.js API error would
  // print its request's URL (an interaction's token) and body (a member's words).
  return pino({ level, base: null, redact, serializers: { err: serializeError, error: serializeError } }, destination);
}

/**
 * Errors as logged: name, message, code, HTTP status and stack. discord.js' API errors also carry the request's URL
 * (an interaction's webhook token is in it) and body (quoted text, the user's question); those stay out of the logs.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    stack: error.stack,
  };
}

export type { Logger };
