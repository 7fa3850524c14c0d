/**
 * `npm run section -- NAME` prints a section's paragraphs with their numbers; `npm run section -- 12` prints ¶12
 * (and `12-14` a range). Reads only the vendored speech: no index or model is needed.
 */
import { readSectionOrParagraphs } from '../src/cli/read-section.js';
import { runCli } from '../src/cli/run-cli.js';
import { paragraphRange } from '../src/speech/match-section.js';
import { UserFacingError } from '../src/refusal/user-facing-error.js';
import { readSpeech } from '../src/app/read-speech.js';

runCli(async () => {
  const query = process.argv.slice(2).join(' ');
  const speech = await readSpeech();
  if (query.trim() === '') {
    const sections = speech.sections.map((section) => `${section.name} (${paragraphRange(section)})`);
    throw new UserFacingError({ code: 'section-not-named', sections });
  }
  process.stdout.write(`${readSectionOrParagraphs(speech, query)}\n`);
});
