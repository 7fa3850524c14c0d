import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Faults, faultResult } from './faults.js';
import { parseBody, type Route, type RouteContext, type RouteResult, readBody, reply, writeResult } from './http.js';
import { invalidFormBody } from './invalid-form-body.js';
import { sharedConformance } from './openapi-conformance.js';
import type { FakeState } from './state.js';
import type { RecordedRequest } from './types.js';

/** discord.js calls `${rest.api}/v10/...`; the fake's `apiUrl` ends in `/api`. */
const PREFIX = '/api/v10';

/**
 * The REST entry point: records every request, checks its body against Discord's OpenAPI spec, applies injected
 * faults, then routes it. A body the spec refuses is recorded in `state.violations` and, after any injected fault,
 * answered 400 50035 as Discord would. Unknown paths answer 404 `{ message: 'Unknown', code: 0 }` and stay recorded
 * with `matched: false`, so tests can assert none happened.
 */
export function createRestListener(
  state: FakeState,
  routes: readonly Route[],
  faults: Faults,
  token: string | undefined,
) {
  const respond = async (record: RecordedRequest): Promise<RouteResult> => {
    const { method, path } = record;
    const hasBody = record.body !== undefined || record.rawBody !== undefined;
    const violation = sharedConformance().check(method, path, record.body, hasBody);
    if (violation) state.violations.push(violation);
    const delay = faults.takeDelay(method, path);
    if (delay) {
      record.fault = 'delay';
      await faults.sleep(delay.ms);
    }
    const fail = faults.takeFail(method, path);
    if (fail) {
      record.fault = 'fail';
      return faultResult(fail);
    }
    if (violation?.kind === 'invalid-body') return invalidFormBody(violation.problems);
    const candidates = routes.filter((candidate) => candidate.pattern.test(path));
    const found = candidates.find((candidate) => candidate.method === method);
    if (!found) {
      record.matched = false;
      return candidates.length > 0 ? reply.error(405, 0, '405: Method Not Allowed') : reply.error(404, 0, 'Unknown');
    }
    if (found.auth && token !== undefined && record.authorization !== `Bot ${token}`)
      return reply.error(401, 0, '401: Unauthorized');
    const values = found.pattern.exec(path)?.slice(1) ?? [];
    const body = record.body;
    const context: RouteContext = {
      request: record,
      body: typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {},
      param: (name) => {
        const value = values[found.names.indexOf(name)];
        if (value === undefined)
          throw new Error(`route ${found.method} ${found.pattern.source} has no parameter ${name}`);
        return decodeURIComponent(value);
      },
    };
    try {
      return await found.handle(context);
    } catch (error) {
      // A crash in the fake is a bug in the test support, not Discord behaviour: keep it visible.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      state.errors.push(`${method} ${path}: ${message}`);
      return reply.error(500, 0, `fake-discord handler error: ${message}`);
    }
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      const buffer = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const versioned = url.pathname.startsWith(`${PREFIX}/`);
      const record: RecordedRequest = {
        method: (request.method ?? 'GET').toUpperCase(),
        path: versioned ? url.pathname.slice(PREFIX.length) : url.pathname,
        query: Object.fromEntries(url.searchParams),
        ...parseBody(buffer, request.headers['content-type']),
        authorization: request.headers.authorization,
        at: Date.now(),
        status: 0,
        matched: true,
        fault: null,
      };
      state.requests.push(record);
      const result = versioned ? await respond(record) : ((record.matched = false), reply.error(404, 0, 'Unknown'));
      record.status = result.status;
      writeResult(response, result);
      state.changed();
    })().catch((error: unknown) => {
      state.errors.push(`request handling failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}
