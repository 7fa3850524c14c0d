import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject, JsonValue, RecordedRequest } from './types.js';

/** What a route handler sees. */
export interface RouteContext {
  readonly request: RecordedRequest;
  /** The body if it was a JSON object, else `{}`, so handlers can read fields without guards. */
  readonly body: JsonObject;
  /** A path parameter; throws for a name the route template lacks (a bug in the fake). */
  param(name: string): string;
}

/** What a route handler answers. */
export interface RouteResult {
  readonly status: number;
  readonly body?: JsonValue;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One REST route: method, path template (`/channels/:channel/messages`), handler. */
export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** False for interaction callbacks and webhook-token routes, which discord.js sends without Authorization. */
  readonly auth: boolean;
  readonly handle: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

/** Declares a route; `:name` segments become parameters, anything else must match literally. */
export function route(method: string, template: string, handle: Route['handle'], auth = true): Route {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), names, auth, handle };
}

/** Response helpers shaped like Discord's: JSON bodies, errors as `{ message, code }`. */
export const reply = {
  json: (body: JsonValue, status = 200): RouteResult => ({ status, body }),
  noContent: (): RouteResult => ({ status: 204 }),
  error: (status: number, code: number, message: string, errors?: JsonObject): RouteResult => ({
    status,
    body: errors ? { message, code, errors } : { message, code },
  }),
};

/** Parses a request body: JSON, or multipart (discord.js sends `payload_json` plus `files[n]` parts when files are attached). */
export function parseBody(
  buffer: Buffer,
  contentType: string | undefined,
): Pick<RecordedRequest, 'body' | 'rawBody' | 'files'> {
  if (buffer.length === 0) return { body: undefined, rawBody: undefined, files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (contentType?.startsWith('multipart/form-data') && boundary) {
    return parseMultipart(buffer, boundary[1] ?? boundary[2] ?? '');
  }
  const text = buffer.toString('utf8');
  try {
    return { body: JSON.parse(text) as JsonValue, rawBody: undefined, files: [] };
  } catch {
    return { body: undefined, rawBody: text, files: [] };
  }
}

function parseMultipart(buffer: Buffer, boundary: string): Pick<RecordedRequest, 'body' | 'rawBody' | 'files'> {
  // latin1 maps bytes 1:1, so binary file parts survive the split and their sizes stay exact.
  const text = buffer.toString('latin1');
  const files: { field: string; filename: string; size: number }[] = [];
  let body: JsonValue | undefined;
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) files.push({ field, filename, size: Buffer.byteLength(content, 'latin1') });
    else if (field === 'payload_json') {
      try {
        body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8')) as JsonValue;
      } catch {
        body = undefined;
      }
    }
  }
  return { body, rawBody: text.slice(0, 64 * 1024), files };
}

/** Reads the whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes a route result as Discord would: JSON with a content type, nothing at all for 204. */
export function writeResult(response: ServerResponse, result: RouteResult): void {
  if (response.destroyed || response.writableEnded) return;
  if (result.status === 204 || result.body === undefined) {
    response.writeHead(result.status, { ...result.headers });
    response.end();
    return;
  }
  response.writeHead(result.status, { 'content-type': 'application/json', ...result.headers });
  response.end(JSON.stringify(result.body));
}
