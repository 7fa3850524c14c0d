/**
 * `npm run feedback` prints how members rated /ask answers: the share rated up, then every answer rated down, most
 * recent first, with its question, mode and ranking, so the team sees which questions the bot fails. `--json` prints
 * the same report as JSON. Reads the bot's database under DATA_DIR; members appear only as hashes, and not even those
 * are printed.
 */
import 'dotenv/config';
import { loadConfig } from '../src/app/config.js';
import { feedbackStoreOf } from '../src/app/compose.js';
import { readSpeech } from '../src/app/read-speech.js';
import { runCli } from '../src/cli/run-cli.js';
import { buildFeedbackReport } from '../src/feedback/feedback-report.js';
import { renderFeedbackReport } from '../src/feedback/views/render-feedback-report.js';
import { sectionOf } from '../src/speech/find-paragraphs.js';

runCli(async () => {
  const config = loadConfig();
  const store = feedbackStoreOf(config);
  try {
    const report = buildFeedbackReport(store.repository.ratedAnswers());
    if (process.argv.includes('--json')) {
      const ratedDown = report.ratedDown.map(({ ownerHash: _hidden, ...answer }) => answer);
      process.stdout.write(`${JSON.stringify({ ...report, ratedDown }, null, 2)}\n`);
      return;
    }
    const speech = await readSpeech();
    const citation = (number: number): string => {
      const paragraph = speech.paragraphs[number - 1];
      return paragraph ? `¶${number} ${sectionOf(speech, paragraph).name}` : `¶${number}`;
    };
    process.stdout.write(`${renderFeedbackReport(report, citation)}\n`);
  } finally {
    store.close();
  }
});
