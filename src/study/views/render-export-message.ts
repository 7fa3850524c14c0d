import type { FileView, MessageView } from '../../discord/message-view.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import type { Transcript, TranscriptFile } from '../transcript.js';

/** `/study export`'s private reply: the transcript's files, and what they hold in a line. */
export function renderExportMessage(
  transcript: Transcript,
  files: readonly TranscriptFile[],
  note?: string,
): MessageView {
  const questions = transcript.readings.reduce((sum, reading) => sum + reading.questions.length, 0);
  const encoder = new TextEncoder();
  const attached: FileView[] = files.map((file) => ({
    name: file.name,
    data: encoder.encode(file.content),
    description:
      `Transcript of ${transcript.title}, as ${file.name.endsWith('.html') ? 'a web page' : 'Markdown'}`.slice(0, 1024),
  }));
  const read = transcript.readings.length;
  const passages = `${read} ${read === 1 ? 'passage' : 'passages'} read`;
  const noun = questions === 1 ? 'question' : 'questions';
  const counts = transcript.moderated
    ? `${passages}, ${questions} approved ${noun}, ${transcript.rejected} rejected, ${transcript.notTakenUp} not taken up`
    : `${passages}, ${questions} ${noun} answered`;
  const summary = `Transcript of **${escapeMarkdown(transcript.title)}**: ${counts}.`;
  return { content: note === undefined ? summary : `${summary}\n${note}`, embeds: [], buttons: [], files: attached };
}
