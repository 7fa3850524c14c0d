import { readSpeechSource } from '../speech/adapters/read-speech-source.js';
import { parseSpeech } from '../speech/parse-speech.js';
import type { Speech } from '../speech/speech.js';

/**
 * The project's copy of the speech, parsed: for what needs the text but no index (`section`, `deploy-commands`). Apart
 * from compose.ts so that those scripts do not load the model runtime, hnswlib and discord.js to print a paragraph.
 */
export async function readSpeech(): Promise<Speech> {
  return parseSpeech((await readSpeechSource()).text);
}
