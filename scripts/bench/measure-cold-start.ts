import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FakeDiscord } from '../../test/support/fake-discord/index.js';
import { median } from './latency-summary.js';

export interface ColdStartFigures {
  readonly runs: number;
  readonly medianMs: number;
  readonly readyRssMb: number;
}

/**
 * Process start to "ready to answer": `node src/main.ts` with a prebuilt index, logged in to the fake Discord, until
 * it logs `bot ready` (index, model and BM25 loaded, commands checked). The median of `runs` fresh processes.
 */
export async function measureColdStart(
  runs: number,
  fake: FakeDiscord,
  token: string,
  env: Record<string, string>,
): Promise<ColdStartFigures> {
  const times: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main.ts')], {
      env: {
        ...process.env,
        ...env,
        DISCORD_TOKEN: token,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: fake.world.guildId,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bot did not get ready within 60 s')), 60_000);
      let output = '';
      child.stderr.on('data', (data: Buffer) => {
        output += data.toString();
        if (output.includes('"bot ready"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    times.push(performance.now() - started);
    // The bot's own memory with the model loaded, read as the kernel counts it.
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    rss.push(Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? Number.NaN) / 1024);
    child.kill('SIGTERM');
    await exited;
  }
  return { runs, medianMs: Math.round(median(times)), readyRssMb: Math.round(median(rss)) };
}
