import type { Transcript, TranscriptFile, TranscriptReading } from '../transcript.js';
import { renderTranscriptHtml } from './render-transcript-html.js';
import { renderTranscriptMarkdown } from './render-transcript-markdown.js';
import { transcriptFileName } from './transcript-file-name.js';
import type { TranscriptPart } from './transcript-wording.js';

/**
 * What a bot may attach on a server without boosts, in bytes: 10 MiB, Discord's default upload limit ("Uploading
 * Files", https://discord.com/developers/docs/reference#uploading-files), which applies it to each file of a request;
 * keeping a message's files under it in total too (a split transcript: one part per message) is the safe reading. An
 * interaction carries its server's real limit (`attachment_size_limit`, `interaction.attachmentSizeLimit` in
 * discord.js), which may be passed instead.
 */
export const DISCORD_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The transcript as files to attach: `<name>.md` and `<name>.html`, named after the thread. When either rendering is
 * over `maxBytes` (UTF-8), the readings are split into consecutive parts, each part a whole document of its own in
 * both formats (`<name>-part-1.md`, `<name>-part-1.html`, …, in that order), every file at most `maxBytes`; the counts
 * and the map end the last part.
 *
 * @throws RangeError when one passage with its questions cannot fit in `maxBytes` on its own (or, in the last part,
 * with the counts and the map): then no split would do.
 */
export function transcriptFiles(t: Transcript, maxBytes: number = DISCORD_ATTACHMENT_BYTES): TranscriptFile[] {
  const name = transcriptFileName(t.threadName, t.startedAt);
  const markdown = renderTranscriptMarkdown(t);
  const html = renderTranscriptHtml(t);
  if (byteLength(markdown) <= maxBytes && byteLength(html) <= maxBytes) {
    return [
      { name: `${name}.md`, content: markdown },
      { name: `${name}.html`, content: html },
    ];
  }
  // Measured first as "part n of <readings>" (never shorter than the real count), then again with the count found,
  // which can only fit as much or more into each part.
  const groups = splitReadings(t, maxBytes, splitReadings(t, maxBytes, t.readings.length).length);
  return groups.flatMap((readings, index) => {
    const part = { number: index + 1, of: groups.length };
    const files = [
      { name: `${name}-part-${part.number}.md`, content: renderTranscriptMarkdown({ ...t, readings }, part) },
      { name: `${name}-part-${part.number}.html`, content: renderTranscriptHtml({ ...t, readings }, part) },
    ];
    for (const file of files) {
      // The sizes were measured with a part count at least as long as the real one, so this cannot happen; if it ever
      // did, Discord would refuse the upload, so say so here.
      if (byteLength(file.content) > maxBytes) throw new RangeError(`${file.name} is over ${maxBytes} bytes`);
    }
    return files;
  });
}

/** The line that goes with split files, `The session is long, so the transcript is in 3 parts.`; none for one part. */
export function transcriptNote(files: readonly TranscriptFile[]): string | undefined {
  const parts = files.filter((file) => file.name.endsWith('.md')).length;
  return parts > 1 ? `The session is long, so the transcript is in ${parts} parts.` : undefined;
}

// Greedy from the first reading: each part takes as many readings as fit, which also makes the fewest parts (a part
// only grows with its readings).
function splitReadings(t: Transcript, maxBytes: number, partsAtMost: number): TranscriptReading[][] {
  const { readings } = t;
  const groups: TranscriptReading[][] = [];
  let start = 0;
  do {
    const from = start;
    const number = groups.length + 1;
    const part = (end: number) => ({ number, of: end >= readings.length ? number : Math.max(number + 1, partsAtMost) });
    const fits = (end: number) => partFits({ ...t, readings: readings.slice(from, end) }, part(end), maxBytes);
    const end = furthestFitting(fits, Math.min(from + 1, readings.length), readings.length);
    if (end === undefined) {
      const paragraph = readings[from] ? `¶${readings[from].paragraph} with its questions` : 'The counts and the map';
      throw new RangeError(`${paragraph} cannot fit in ${maxBytes} bytes, even in a part of its own`);
    }
    groups.push(readings.slice(from, end));
    start = end;
  } while (start < readings.length);
  return groups;
}

// The largest end in [least, most] that fits, or none when even `least` does not: by doubling, then halving, so that a
// long session renders each part a few dozen times rather than once per reading.
function furthestFitting(fits: (end: number) => boolean, least: number, most: number): number | undefined {
  if (!fits(least)) return undefined;
  let good = least;
  let step = 1;
  while (good < most && fits(Math.min(good + step, most))) {
    good = Math.min(good + step, most);
    step *= 2;
  }
  // Known: `good` fits; `bad` does not (or is past the end).
  let bad = good < most ? Math.min(good + step, most) : most + 1;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

// A part that is not the last is measured as "part n of <at most>": the real count is never longer.
function partFits(shown: Transcript, part: TranscriptPart, maxBytes: number): boolean {
  return (
    byteLength(renderTranscriptMarkdown(shown, part)) <= maxBytes &&
    byteLength(renderTranscriptHtml(shown, part)) <= maxBytes
  );
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
