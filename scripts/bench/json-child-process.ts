import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a bench script in a fresh Node process (with tsx and `--expose-gc`, as `npm run bench` runs) and parses the
 * JSON it prints on stdout. `input`, when given, is written to its stdin as JSON: bench inputs such as a thousand
 * questions can exceed what one command-line argument may hold. Its stderr goes to ours, for progress lines.
 *
 * @throws when the process exits non-zero or prints something that is not JSON.
 */
export function runJsonChild<T>(
  script: string,
  options: { args?: readonly string[]; input?: unknown; env?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.resolve(script), ...(options.args ?? [])],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...options.env },
      },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(output) as T);
      } catch {
        reject(new Error(`${script} printed something that is not JSON: ${output.slice(0, 200)}`));
      }
    });
    child.stdin.end(options.input === undefined ? '' : JSON.stringify(options.input));
  });
}
