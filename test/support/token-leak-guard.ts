import { afterAll, expect } from 'vitest';
import { tokenLeaks } from './fake-token.js';

// Runs in every test file (vitest setupFiles): pino and anything else that writes to stdout or stderr directly, not
// through console, is watched here for the test token; the file fails if any part of it was written.
const leaks: string[] = [];
for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';
    if (tokenLeaks(text).length > 0) leaks.push(`a write to ${name}`);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

afterAll(() => {
  expect(leaks, 'the test token was written to stdout or stderr').toEqual([]);
});
