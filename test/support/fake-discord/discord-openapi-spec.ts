import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discriminateUnions } from './discriminated-unions.js';

/**
 * Discord's own OpenAPI 3.1 description of API v10, copied byte for byte into the fixtures (its provenance and sha256
 * in `source.json` beside it), so that the suite needs nothing outside the project.
 */
export const DISCORD_OPENAPI_SPEC_PATH = fileURLToPath(
  new URL('../../fixtures/discord-api-spec/discord-openapi.json', import.meta.url),
);

/** The `$id` under which the spec's component schemas are given to ajv; refs into it read `<id>#/$defs/<Name>`. */
export const SPEC_SCHEMA_ID = 'https://fake-discord.invalid/discord-openapi.json';

/** A JSON Schema node as the spec writes it: loosely typed, walked and rewritten before ajv sees it. */
export type SchemaNode = { [keyword: string]: unknown };

/** One operation of the spec that takes a JSON body: where it lives and the schema of that body. */
export interface SpecOperation {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The spec's path template, e.g. `/channels/{channel_id}/messages`. */
  readonly template: string;
  /** The `application/json` body schema, refs rewritten (see {@link SPEC_SCHEMA_ID}); null when the route takes none. */
  readonly bodySchema: SchemaNode | null;
  /** The spec's `requestBody.required`. */
  readonly bodyRequired: boolean;
}

/** The spec, prepared for ajv: every operation, and the component schemas as one schema document. */
export interface PreparedSpec {
  readonly operations: readonly SpecOperation[];
  /** `{ $id: SPEC_SCHEMA_ID, $defs: components.schemas }`, rewritten. */
  readonly componentsDocument: SchemaNode;
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
const COMPONENT_REF = '#/components/schemas/';

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose values are data, not schemas: copied untouched. */
const LITERAL_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'example', 'required']);

/** Rewrites each schema of a map of names to schemas (`properties`, `components.schemas`). */
function rewriteSchemaMap(map: SchemaNode): SchemaNode {
  return Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, rewriteSchema(schema)]));
}

/**
 * Rewrites a spec schema for ajv (returns a copy; `discriminated-unions.ts` then recasts the unions told apart by
 * `type`): `$ref`s to `#/components/schemas/X` point into the components
 * document; every object schema that lists `properties` and says nothing of others gets `unevaluatedProperties:
 * false`, so an unknown field is reported. The spec leaves extra fields open, and Discord mostly ignores them, but a
 * field the bot sends that Discord does not know is a typo or a misunderstanding, and it is silently lost.
 * (`unevaluatedProperties`, unlike `additionalProperties`, sees the properties that `allOf`/`oneOf`/`anyOf` branches
 * of the same object declare.) Property names and literal values are left as they are.
 */
export function rewriteSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteSchema);
  if (!isNode(node)) return node;
  const copy: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF))
      copy[keyword] = `${SPEC_SCHEMA_ID}#/$defs/${value.slice(COMPONENT_REF.length)}`;
    else if (keyword === 'properties' && isNode(value)) copy[keyword] = rewriteSchemaMap(value);
    else if (LITERAL_KEYWORDS.has(keyword)) copy[keyword] = value;
    else copy[keyword] = rewriteSchema(value);
  }
  if (isNode(copy['properties']) && !('additionalProperties' in copy) && !('unevaluatedProperties' in copy))
    copy['unevaluatedProperties'] = false;
  return copy;
}

/** Reads the operations and component schemas of a parsed OpenAPI 3.1 document. */
export function prepareSpec(spec: unknown): PreparedSpec {
  if (!isNode(spec) || typeof spec['openapi'] !== 'string' || !spec['openapi'].startsWith('3.1'))
    throw new Error('fake-discord: the Discord spec is not an OpenAPI 3.1 document');
  const paths = isNode(spec['paths']) ? spec['paths'] : {};
  const components = isNode(spec['components']) ? spec['components'] : {};
  const definitions = rewriteSchemaMap(isNode(components['schemas']) ? components['schemas'] : {});
  const prefix = `${SPEC_SCHEMA_ID}#/$defs/`;
  const resolve = (ref: string): SchemaNode | undefined => {
    const target = ref.startsWith(prefix) ? definitions[ref.slice(prefix.length)] : undefined;
    return isNode(target) ? target : undefined;
  };
  const forAjv = (schema: unknown): SchemaNode => discriminateUnions(schema, resolve) as SchemaNode;
  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    if (!isNode(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isNode(operation)) continue;
      const requestBody = isNode(operation['requestBody']) ? operation['requestBody'] : undefined;
      const content = isNode(requestBody?.['content']) ? requestBody['content'] : {};
      const json = isNode(content['application/json']) ? content['application/json'] : undefined;
      const schema = json?.['schema'];
      operations.push({
        method: method.toUpperCase(),
        template,
        bodySchema: isNode(schema) ? forAjv(rewriteSchema(schema)) : null,
        bodyRequired: requestBody?.['required'] === true,
      });
    }
  }
  return {
    operations,
    componentsDocument: {
      $id: SPEC_SCHEMA_ID,
      $defs: Object.fromEntries(Object.entries(definitions).map(([name, schema]) => [name, forAjv(schema)])),
    },
  };
}

let prepared: PreparedSpec | undefined;

/** The fixture spec, read and prepared once per process (about a megabyte of JSON). */
export function discordSpec(): PreparedSpec {
  prepared ??= prepareSpec(JSON.parse(readFileSync(DISCORD_OPENAPI_SPEC_PATH, 'utf8')) as unknown);
  return prepared;
}
