import type { SpecOperation } from './discord-openapi-spec.js';

/** A path segment as Discord reads it: discord.js sends `@original` as `%40original`. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface IndexedOperation {
  readonly operation: SpecOperation;
  readonly segments: readonly (string | null)[];
  readonly literals: number;
}

/**
 * Finds the spec operation of a request by method and path: `{name}` segments of a template match any one segment,
 * others match literally. When several templates match, the one with more literal segments wins, as Discord routes
 * them: `/webhooks/1/t/messages/@original` is the `@original` operation, not `{message_id}`'s.
 */
export class SpecOperationIndex {
  private readonly byMethod = new Map<string, IndexedOperation[]>();

  constructor(operations: readonly SpecOperation[]) {
    for (const operation of operations) {
      const segments = operation.template.split('/').map((segment) => (/^\{[^}]+\}$/u.test(segment) ? null : segment));
      const literals = segments.filter((segment) => segment !== null).length;
      const list = this.byMethod.get(operation.method) ?? [];
      list.push({ operation, segments, literals });
      this.byMethod.set(operation.method, list);
    }
  }

  /** The operation for `method` (any case) on `path` (no `/api/v10` prefix, no query, segments percent-encoded or not), or undefined. */
  find(method: string, path: string): SpecOperation | undefined {
    const parts = path.split('/').map(decodedSegment);
    let best: IndexedOperation | undefined;
    for (const candidate of this.byMethod.get(method.toUpperCase()) ?? []) {
      if (candidate.segments.length !== parts.length) continue;
      const matches = candidate.segments.every((segment, at) =>
        segment === null ? (parts[at] ?? '') !== '' : segment === parts[at],
      );
      if (matches && (best === undefined || candidate.literals > best.literals)) best = candidate;
    }
    return best?.operation;
  }
}
