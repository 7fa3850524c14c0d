import type { SchemaNode } from './discord-openapi-spec.js';

/** Finds the schema a `$ref` points to, or undefined. */
export type RefResolver = (ref: string) => SchemaNode | undefined;

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Scalar = string | number | boolean | null;

/** The values a branch's `type` property takes, when the branch requires it and lists them; else null. */
function typeValues(branch: SchemaNode, resolve: RefResolver): Scalar[] | null {
  const ref = branch['$ref'];
  if (Object.keys(branch).length !== 1 || typeof ref !== 'string') return null;
  const target = resolve(ref);
  if (!isNode(target) || !Array.isArray(target['required']) || !target['required'].includes('type')) return null;
  const type = isNode(target['properties']) ? target['properties']['type'] : undefined;
  if (!isNode(type)) return null;
  if (Array.isArray(type['enum'])) return type['enum'] as Scalar[];
  return 'const' in type ? [type['const'] as Scalar] : null;
}

/**
 * Rewrites Discord's unions of component, option and callback shapes, told apart by a required `type` whose values no
 * two branches share, as one `if`/`then` per branch (returns a copy; other unions stay as they are). Which values
 * are valid does not change: with disjoint `type`s, at most one branch can match, which is what `oneOf` and `anyOf`
 * ask. What changes is what ajv reports: only the problems of the branch the body's `type` picks, not every other
 * branch's complaint that the type is wrong, so a long `custom_id` reads as that, not as forty failed branches.
 */
export function discriminateUnions(node: unknown, resolve: RefResolver): unknown {
  if (Array.isArray(node)) return node.map((item) => discriminateUnions(item, resolve));
  if (!isNode(node)) return node;
  const copy: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) {
    const branches = (keyword === 'oneOf' || keyword === 'anyOf') && Array.isArray(value) ? value : null;
    const values = branches?.map((branch) => (isNode(branch) ? typeValues(branch, resolve) : null));
    const all = values?.flatMap((list) => list ?? []) ?? [];
    const disjoint = new Set(all.map((item) => JSON.stringify(item))).size === all.length;
    if (branches && values && values.length > 1 && values.every((list) => list !== null) && disjoint) {
      copy['allOf'] = [
        ...(Array.isArray(copy['allOf']) ? copy['allOf'] : []),
        { type: 'object', required: ['type'], properties: { type: { enum: all } } },
        ...branches.map((branch, at) => ({
          if: { required: ['type'], properties: { type: { enum: values[at] } } },
          then: branch,
        })),
      ];
    } else if (keyword === 'allOf' && Array.isArray(copy['allOf'])) {
      copy['allOf'] = [...(discriminateUnions(value, resolve) as unknown[]), ...copy['allOf']];
    } else copy[keyword] = discriminateUnions(value, resolve);
  }
  return copy;
}
