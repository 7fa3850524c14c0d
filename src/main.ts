/**
 * `npm start`: opens (building when needed) the index and the model, then runs the local console, where a person
 * types the same commands the Discord bot will answer.
 */
import { createInterface } from 'node:readline/promises';
import { openApp } from './app.js';
import { runCli } from './cli/run-cli.js';
import { answerConsoleLine, CONSOLE_HELP } from './console/console-commands.js';
import { PLAIN_STYLE, TERMINAL_STYLE } from './core/render/render-answer-text.js';

runCli(async () => {
  const app = await openApp();
  const { speech, retriever, manifest } = app.index;
  const context = { speech, retriever, builtAt: manifest.builtAt, style: process.stdout.isTTY ? TERMINAL_STYLE : PLAIN_STYLE };
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(`speech-study-bot: local console (${retriever.mode} retrieval). ${speech.title}, ${speech.date}.\n${CONSOLE_HELP}\n`);
  prompt.setPrompt('> ');
  prompt.prompt();
  try {
    for await (const line of prompt) {
      if (line.trim() !== '') {
        const reply = await answerConsoleLine(line, context);
        if (reply === undefined) break;
        process.stdout.write(`${reply}\n\n`);
      }
      prompt.prompt();
    }
  } finally {
    prompt.close();
    await app.close();
  }
});
