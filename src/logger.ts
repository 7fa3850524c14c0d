import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * A logger on stderr, so that stdout stays clean for machine-readable output (`npm run ask -- --json`): JSON lines
 * for machines, readable lines when a person watches the terminal. Writes are synchronous: a CLI that exits right
 * after logging must not lose the line.
 */
export function createLogger(level: string, humanReadable: boolean = process.stderr.isTTY): Logger {
  const destination = humanReadable
    ? pretty({ destination: 2, sync: true, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' })
    : pino.destination({ dest: 2, sync: true });
  // Defence in depth: the token is never passed to a log call, but any object that carries it is censored.
  const redact = { paths: ['token', '*.token', 'discordToken', '*.discordToken', '*.headers.authorization', '*.headers.Authorization'], censor: '[redacted]' };
  return pino({ level, base: null, redact, serializers: { err: serializeError } }, destination);
}

/**
 * Errors as logged: name, message, code, HTTP status and stack. discord.js' API errors also carry the request's URL
 * (an interaction's webhook token is in it) and body (quoted text, the user's question); those stay out of the logs.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return { type: error.name, message: error.message, ...(code === undefined ? {} : { code }), ...(status === undefined ? {} : { status }), stack: error.stack };
}

export type { Logger };
