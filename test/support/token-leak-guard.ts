import fs from 'node:fs';
import { afterAll, expect } from 'vitest';
import { secretLeaks } from './fake-token.js';

// Runs in every test file (vitest setupFiles): anything that writes to stdout or stderr directly, not through console,
// is watched here for the test token and for the interaction tokens the fake Discord issues (they carry a marker, see
// fake-token.ts); the file fails if any part of the bot token, or any interaction token, was written. Both ways of
// writing are watched: the streams' `write` (libraries, process.stdout.write) and the file descriptors 1 and 2 (pino
// and pino-pretty write there with fs.writeSync/fs.write through sonic-boom, never through the streams).
const leaks: string[] = [];

function look(chunk: unknown, where: string): void {
  const text =
    typeof chunk === 'string'
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8')
        : '';
  for (const secret of secretLeaks(text)) leaks.push(`${secret} in ${where}`);
}

for (const [name, stream] of [
  ['stdout', process.stdout],
  ['stderr', process.stderr],
] as const) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = (chunk: unknown, ...rest: unknown[]) => {
    look(chunk, `a write to ${name}`);
    return write(chunk, ...rest);
  };
}

const descriptors: Readonly<Record<number, string>> = { 1: 'fd 1 (stdout)', 2: 'fd 2 (stderr)' };
/** Keeps what Node hangs on the original (fs.write's promisify shape, { bytesWritten, buffer }) on the wrapper. */
function likeOriginal<F extends object>(wrapper: F, original: object): F {
  for (const key of Object.getOwnPropertySymbols(original))
    Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key) ?? {});
  return wrapper;
}
/** `original` (fs.writeSync or fs.write), looking first at what goes to fd 1 or 2. */
function watchingDescriptors<F extends (...args: never[]) => unknown>(original: F): F {
  const call = original as unknown as (...args: unknown[]) => unknown;
  return likeOriginal((fd: unknown, data: unknown, ...rest: unknown[]) => {
    const where = typeof fd === 'number' ? descriptors[fd] : undefined;
    if (where) look(data, `a write to ${where}`);
    return call(fd, data, ...rest);
  }, original) as unknown as F;
}
fs.writeSync = watchingDescriptors(fs.writeSync);
fs.write = watchingDescriptors(fs.write);

afterAll(() => {
  expect(
    [...new Set(leaks)],
    'a secret (the test token or an interaction token) was written to stdout or stderr',
  ).toEqual([]);
});
