/**
 * `npm start`: opens (building when needed) the index and the model, then runs the Discord bot when DISCORD_TOKEN is
 * set, or else the local console, where a person types the same commands and sees the same content as text.
 */
import { createInterface } from 'node:readline/promises';
import { openApp, runBot, type App } from './app/compose.js';
import { runCli } from './cli/run-cli.js';
import { CONSOLE_HELP, LocalConsole } from './console/console-commands.js';

runCli(async () => {
  const app = await openApp();
  if (app.config.discordToken === undefined) {
    await runConsole(app);
    return;
  }
  const bot = await runBot(app, app.config.discordToken).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    try {
      await bot.stop();
      await app.close();
      process.exit(0);
    } catch (error) {
      app.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
});

async function runConsole(app: App): Promise<void> {
  const terminal = process.stdout.isTTY;
  const local = new LocalConsole(app.commands, terminal ? { open: '\u001b[1m', close: '\u001b[22m' } : undefined);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const { speech, retriever } = app.index;
  process.stdout.write(
    `speech-study-bot: local console (${retriever.mode} retrieval; set DISCORD_TOKEN to run the bot).\n`,
  );
  process.stdout.write(`${speech.title}, ${speech.date}.\n${CONSOLE_HELP}\n`);
  prompt.setPrompt('> ');
  prompt.prompt();
  try {
    for await (const line of prompt) {
      if (line.trim() !== '') {
        const reply = await local.answer(line);
        if (reply === undefined) break;
        process.stdout.write(`${reply}\n\n`);
      }
      prompt.prompt();
    }
  } finally {
    prompt.close();
    await app.close();
  }
}
