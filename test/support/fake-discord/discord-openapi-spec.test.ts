import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISCORD_OPENAPI_SPEC_PATH } from './discord-openapi-spec.js';

const SOURCE_PATH = new URL('../../fixtures/discord-api-spec/source.json', import.meta.url);

describe("the copy of Discord's OpenAPI spec in the fixtures", () => {
  it('is byte for byte the file source.json describes (its sha256)', () => {
    const source = JSON.parse(readFileSync(SOURCE_PATH, 'utf8')) as { sha256?: unknown; path?: unknown };
    expect(source.path).toBe('specs/openapi.json');
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const actual = createHash('sha256').update(readFileSync(DISCORD_OPENAPI_SPEC_PATH)).digest('hex');
    expect(actual).toBe(source.sha256);
  });

  it('is OpenAPI 3.1, the dialect the validator reads (JSON Schema 2020-12, type arrays for nullable)', () => {
    const spec = JSON.parse(readFileSync(DISCORD_OPENAPI_SPEC_PATH, 'utf8')) as { openapi?: unknown };
    expect(spec.openapi).toMatch(/^3\.1\./u);
  });
});
