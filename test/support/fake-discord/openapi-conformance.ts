import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { type AllowedUnknownField, DISCORD_JS_UNKNOWN_FIELDS } from './conformance-allow-list.js';
import { discordSpec, type PreparedSpec, type SpecOperation } from './discord-openapi-spec.js';
import { SpecOperationIndex } from './spec-operation-index.js';
import type { JsonValue } from './types.js';

/** One thing wrong with a body, as ajv found it. */
export interface BodyProblem {
  /** JSON pointer into the body (`/data/components/0/custom_id`); `''` is the body itself. */
  readonly at: string;
  /** The JSON Schema keyword that failed (`maxLength`, `type`, `unevaluatedProperties`, …). */
  readonly keyword: string;
  readonly message: string;
}

/** A request whose body Discord's spec does not accept. Names the route by its template, never by its tokens. */
export interface ConformanceViolation {
  /**
   * `invalid-body`: the operation's schema refuses the body (or it lacks a required one), and the fake answers 400
   * 50035 as Discord does. `unspecified-body`: a body came for a route the spec gives none (or knows not at all); the
   * fake routes the request as usual, but the bot sent something Discord does not read.
   */
  readonly kind: 'invalid-body' | 'unspecified-body';
  readonly method: string;
  /** The spec's path template, e.g. `/interactions/{interaction_id}/{interaction_token}/callback`. */
  readonly route: string;
  /** The most telling problems, deepest first (at most {@link MAX_PROBLEMS}). */
  readonly problems: readonly BodyProblem[];
}

/** How many problems a violation keeps: enough to find the field, not every failed branch of every union. */
export const MAX_PROBLEMS = 5;

// ajv-formats is CommonJS whose `exports.default` is the plugin; under NodeNext its default import is the module.
const addFormats = formatsModule.default;

/** A request's path with every segment that is not a plain word masked, so ids and tokens stay out of reports. */
function maskedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || /^@?[a-z][a-z-]*$/u.test(segment) ? segment : '{…}'))
    .join('/');
}

/** A copy of `value` without the field at `path` (`*` walks every item of an array) when it holds `allowed`. */
function withoutField(value: JsonValue, path: readonly string[], allowed: JsonValue): JsonValue {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(value)) return head === '*' ? value.map((item) => withoutField(item, rest, allowed)) : value;
  if (typeof value !== 'object' || value === null) return value;
  const field = value[head];
  if (field === undefined) return value;
  const copy = { ...value };
  if (rest.length > 0) copy[head] = withoutField(field, rest, allowed);
  else if (JSON.stringify(field) === JSON.stringify(allowed)) delete copy[head];
  return copy;
}

/** Keywords whose failure only says that a branch below failed: the branch's own problem tells more. */
const UNION_KEYWORDS = new Set(['oneOf', 'anyOf', 'if']);

/** What ajv said, reduced to what tells: a failed union's own error and its branches' discriminator misses go. */
export function summariseErrors(errors: readonly ErrorObject[]): BodyProblem[] {
  const problems = errors.map((error): BodyProblem & { readonly noise: boolean } => {
    const params = error.params as Record<string, unknown>;
    const detail = typeof params['unevaluatedProperty'] === 'string' ? `: ${params['unevaluatedProperty']}` : '';
    const discriminatorMiss =
      (error.keyword === 'const' || error.keyword === 'enum') && /\/type$/u.test(error.instancePath);
    // The `{ type: 'null' }` branch of a nullable `oneOf`, which a present value always misses.
    const nullBranchMiss = error.keyword === 'type' && params['type'] === 'null';
    return {
      at: error.instancePath,
      keyword: error.keyword,
      message: `${error.message ?? error.keyword}${detail}`,
      noise: UNION_KEYWORDS.has(error.keyword) || discriminatorMiss || nullBranchMiss,
    };
  });
  const telling = problems.some((problem) => !problem.noise) ? problems.filter((problem) => !problem.noise) : problems;
  const depth = (problem: BodyProblem): number => (problem.at === '' ? 0 : problem.at.split('/').length);
  const seen = new Set<string>();
  return telling
    .sort((a, b) => depth(b) - depth(a))
    .filter((problem) => {
      const key = `${problem.at} ${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_PROBLEMS)
    .map(({ at, keyword, message }) => ({ at, keyword, message }));
}

/**
 * Checks request bodies against the `requestBody` schema of the matching operation of Discord's OpenAPI spec. Each
 * operation's validator is compiled the first time a body for it arrives and kept; the component schemas are given
 * to ajv once. `oneOf`/`anyOf` unions need one matching branch, type arrays (`["string", "null"]`) are OpenAPI 3.1's
 * way to say nullable, and an unknown field anywhere is a problem unless the allow-list names it.
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv2020({
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Every problem, not the first: a report that names both of two unknown fields saves a round.
    allErrors: true,
  });
  private readonly operations: SpecOperationIndex;
  private readonly validators = new Map<SpecOperation, ValidateFunction>();

  constructor(
    spec: PreparedSpec,
    private readonly allowed: readonly AllowedUnknownField[] = DISCORD_JS_UNKNOWN_FIELDS,
  ) {
    addFormats(this.ajv, ['date-time', 'uri', 'int32', 'int64', 'double']);
    // Discord's own formats: a snowflake is a decimal string (the spec's pattern says so too); a nonce is any string.
    this.ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/u);
    this.ajv.addFormat('nonce', true);
    // An annotation: the spec writes Discord's discriminated unions as `anyOf` and notes that only one branch applies.
    this.ajv.addKeyword({ keyword: 'x-discord-union', schemaType: 'string' });
    this.ajv.addSchema(spec.componentsDocument);
    this.operations = new SpecOperationIndex(spec.operations);
  }

  /**
   * The violation in a request, or null when it conforms. `path` has no `/api/v10` prefix and no query; `body` is
   * the parsed JSON body (for multipart, its `payload_json` part), `hasBody` whether any body arrived at all.
   */
  check(method: string, path: string, body: JsonValue | undefined, hasBody: boolean): ConformanceViolation | null {
    const operation = this.operations.find(method, path);
    const violation = (
      kind: ConformanceViolation['kind'],
      route: string,
      problems: BodyProblem[],
    ): ConformanceViolation => ({ kind, method: method.toUpperCase(), route, problems });
    const whole = (keyword: string, message: string): BodyProblem[] => [{ at: '', keyword, message }];
    if (!operation)
      return hasBody
        ? violation('unspecified-body', maskedPath(path), whole('operation', 'no operation of the spec has this route'))
        : null;
    if (!hasBody)
      return operation.bodyRequired
        ? violation('invalid-body', operation.template, whole('required', 'the operation requires a body'))
        : null;
    if (operation.bodySchema === null)
      return violation('unspecified-body', operation.template, whole('operation', 'the operation takes no JSON body'));
    if (body === undefined)
      return violation('invalid-body', operation.template, whole('type', 'the body (or its payload_json) is not JSON'));
    const validate = this.validatorFor(operation, operation.bodySchema);
    const key = `${operation.method} ${operation.template}`;
    const checked = this.allowed
      .filter((entry) => entry.operation === key)
      .reduce((value, entry) => withoutField(value, entry.path, entry.value), body);
    return validate(checked)
      ? null
      : violation('invalid-body', operation.template, summariseErrors(validate.errors ?? []));
  }

  private validatorFor(operation: SpecOperation, schema: object): ValidateFunction {
    let validate = this.validators.get(operation);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(operation, validate);
    }
    return validate;
  }
}

let shared: OpenApiConformance | undefined;

/** The process's one checker over the fixture spec, made on first use so that compiled validators are shared. */
export function sharedConformance(): OpenApiConformance {
  shared ??= new OpenApiConformance(discordSpec());
  return shared;
}
