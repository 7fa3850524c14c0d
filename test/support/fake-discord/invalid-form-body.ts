import { type RouteResult, reply } from './http.js';
import type { BodyProblem } from './openapi-conformance.js';
import type { JsonObject } from './types.js';

/** Discord's error codes for the schema keywords it has one for; anything else is `INVALID`. */
const CODES: Readonly<Record<string, string>> = {
  maxLength: 'BASE_TYPE_MAX_LENGTH',
  minLength: 'BASE_TYPE_MIN_LENGTH',
  maxItems: 'BASE_TYPE_MAX_LENGTH',
  minItems: 'BASE_TYPE_MIN_LENGTH',
  required: 'BASE_TYPE_REQUIRED',
  type: 'BASE_TYPE_INVALID',
  enum: 'BASE_TYPE_CHOICES',
  const: 'BASE_TYPE_CHOICES',
};

/**
 * Discord's 400 answer to a body its schema refuses: code 50035 `Invalid Form Body`, each problem under its path in
 * `errors` (`{ data: { components: { 0: { custom_id: { _errors: [...] } } } } }`), as @discordjs/rest reports it.
 */
export function invalidFormBody(problems: readonly BodyProblem[]): RouteResult {
  const errors: JsonObject = {};
  for (const problem of problems) {
    let node = errors;
    for (const segment of problem.at.split('/').slice(1)) {
      const key = segment.replace(/~1/gu, '/').replace(/~0/gu, '~');
      const next = node[key];
      const child: JsonObject = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
      node[key] = child;
      node = child;
    }
    const listed = node['_errors'];
    const entry = { code: CODES[problem.keyword] ?? 'INVALID', message: problem.message };
    node['_errors'] = Array.isArray(listed) ? [...listed, entry] : [entry];
  }
  return reply.error(400, 50035, 'Invalid Form Body', errors);
}
