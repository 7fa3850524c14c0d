import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { runScript } from '../support/run-script.js';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { temporaryFolder } from '../support/test-index.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../support/tiny-model-location.js';
import { FAKE_TOKEN, secretLeaks } from '../support/fake-token.js';

// `npm start` as a user runs it: a separate process, configured only through the environment.
describe('npm start with DISCORD_TOKEN set', () => {
  let fake: FakeDiscord;
  let remove: () => Promise<void>;
  let folder: string;
  beforeAll(async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    ({ folder, remove } = await temporaryFolder('process'));
  });
  afterAll(async () => {
    await fake.close();
    await remove();
  });

  it('builds the index, logs in, answers /ask, and exits cleanly on SIGTERM without ever printing the token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main.ts')], {
      env: {
        ...process.env,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: fake.world.guildId,
        INDEX_DIR: folder,
        DATA_DIR: `${folder}/data`,
        MODEL_DIR: TINY_MODEL_ROOT,
        EMBEDDING_MODEL: TINY_MODEL_ID,
        MODEL_CACHE_DIR: `${folder}/cache`,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await fake.waitForReady({ timeoutMs: 20_000 });
      await expect.poll(() => fake.commands(fake.world.guildId).length, { timeout: 10_000 }).toBe(8);
      await expect.poll(() => output.includes('bot ready'), { timeout: 10_000 }).toBe(true);
      const sent = fake.sendInteraction(
        fake.chatInput({ name: 'ask', options: [{ name: 'question', type: 3, value: 'encryption' }] }),
      );
      const record = await sent.waitForResponse((current) => current.original !== null && !current.original.loading, {
        timeoutMs: 10_000,
      });
      expect(record.original?.embeds?.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('bot stopped');
    expect(secretLeaks(output)).toEqual([]);
  }, 60_000);

  it('refuses to start, naming the path, when the study database cannot be created', async () => {
    const blocker = `${folder}/not-a-folder`;
    await writeFile(blocker, 'a file where DATA_DIR should be');
    const run = await runScript('src/main.ts', [], {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      INDEX_DIR: folder,
      DATA_DIR: blocker,
      MODEL_DIR: TINY_MODEL_ROOT,
      EMBEDDING_MODEL: TINY_MODEL_ID,
      LOG_LEVEL: 'error',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${blocker}/study.sqlite`);
    expect(run.stderr).not.toContain('    at ');
  }, 30_000);
});
