import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/study/transcript.js';
import { renderTranscriptHtml } from '../../src/study/views/render-transcript-html.js';
import { renderTranscriptMarkdown } from '../../src/study/views/render-transcript-markdown.js';
import { DISCORD_ATTACHMENT_BYTES, transcriptFiles, transcriptNote } from '../../src/study/views/split-transcript.js';
import { FILE_NAME_MAX_LENGTH, transcriptFileName } from '../../src/study/views/transcript-file-name.js';
import { hostileTranscript, STARTED_AT, wholeSpeechTranscript } from '../support/transcript-fixture.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const markdownHeadings = (content: string) =>
  [...content.matchAll(/^## (¶\d+ · .+)$/gmu)].map(([, heading]) => heading);
const htmlHeadings = (content: string) =>
  [...content.matchAll(/<h2>(¶\d+ · [^<]+)<\/h2>/gu)].map(([, heading]) => heading);
const headingsOf = (t: Transcript) => t.readings.map((reading) => `¶${reading.paragraph} · ${reading.sectionName}`);

describe('the transcript file name', () => {
  it('is the thread name in lower case, letters and digits with hyphens between', () => {
    expect(transcriptFileName('State Threats · 2026-12-02', STARTED_AT)).toBe('state-threats-2026-12-02');
    expect(transcriptFileName('Éclair — Week 3/4: "Q&A" <draft>?', STARTED_AT)).toBe('eclair-week-3-4-q-a-draft');
    expect(transcriptFileName('../../etc/passwd\u0000.exe', STARTED_AT)).toBe('etc-passwd-exe');
    expect(transcriptFileName('CON', STARTED_AT)).toBe('con-transcript');
  });

  it('is never empty: a name with no letter or digit it can keep becomes the date', () => {
    for (const name of ['', '   ', '🔥🔥', 'سارة', '...']) {
      expect(transcriptFileName(name, STARTED_AT)).toBe('transcript-2026-12-02');
    }
    expect(transcriptFileName('', Number.NaN)).toBe('transcript-undated');
  });

  it('is capped, at a word where one is near', () => {
    const long = transcriptFileName(`${'reading group '.repeat(20)}2026`, STARTED_AT);
    expect(long.length).toBeLessThanOrEqual(FILE_NAME_MAX_LENGTH);
    expect(long).toMatch(/^reading-group(-reading-group)*(-reading)?$/u);
    expect(transcriptFileName('x'.repeat(500), STARTED_AT)).toBe('x'.repeat(FILE_NAME_MAX_LENGTH));
  });
});

describe('the transcript files', () => {
  const t = hostileTranscript();

  it('are one Markdown and one HTML file when both fit, without a note', () => {
    expect(DISCORD_ATTACHMENT_BYTES).toBe(10_485_760);
    const files = transcriptFiles(t);
    expect(files).toEqual([
      { name: 'state-threats-2026-12-02.md', content: renderTranscriptMarkdown(t) },
      { name: 'state-threats-2026-12-02.html', content: renderTranscriptHtml(t) },
    ]);
    expect(transcriptNote(files)).toBeUndefined();
  });

  it('measure UTF-8 bytes, not characters', () => {
    const size = bytes(renderTranscriptHtml(t));
    expect(size).toBeGreaterThan(renderTranscriptHtml(t).length);
    expect(transcriptFiles(t, size)).toHaveLength(2);
    expect(transcriptFiles(t, size - 1).length).toBeGreaterThan(2);
  });
});

describe('a transcript too long for one file', () => {
  const t = wholeSpeechTranscript(3);
  const maxBytes = 30_000;
  const files = transcriptFiles(t, maxBytes);
  const parts = files.length / 2;
  const markdowns = files.filter((file) => file.name.endsWith('.md'));
  const htmls = files.filter((file) => file.name.endsWith('.html'));

  it('is split into parts, each file at most maxBytes, named in order', () => {
    expect(bytes(renderTranscriptHtml(t))).toBeGreaterThan(2 * maxBytes);
    expect(parts).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(bytes(file.content)).toBeLessThanOrEqual(maxBytes);
    expect(files.map((file) => file.name)).toEqual(
      Array.from({ length: parts }, (_, index) => [
        `state-threats-2026-12-02-part-${index + 1}.md`,
        `state-threats-2026-12-02-part-${index + 1}.html`,
      ]).flat(),
    );
    expect(transcriptNote(files)).toBe(`The session is long, so the transcript is in ${parts} parts.`);
  });

  it('has every reading exactly once across the parts, in order, the same in both formats', () => {
    expect(markdowns.flatMap((file) => markdownHeadings(file.content))).toEqual(headingsOf(t));
    expect(htmls.flatMap((file) => htmlHeadings(file.content))).toEqual(headingsOf(t));
    markdowns.forEach((file, index) => {
      expect(markdownHeadings(file.content)).toEqual(htmlHeadings(htmls[index]?.content ?? ''));
    });
  });

  it('makes each part a whole document saying which part it is', () => {
    markdowns.forEach((file, index) => {
      expect(file.content.startsWith('# ')).toBe(true);
      expect(file.content).toContain(`Study session transcript · Part ${index + 1} of ${parts}\n`);
      expect(file.content).toContain('- **Date:** 2 December 2026, 14:05–15:10 UTC');
    });
    htmls.forEach((file, index) => {
      expect(file.content.startsWith('<!doctype html>\n')).toBe(true);
      expect(file.content.trimEnd().endsWith('</html>')).toBe(true);
      expect(file.content).toContain(`<title>`);
      expect(file.content).toContain(
        `<p class="subtitle">Study session transcript · Part ${index + 1} of ${parts}</p>`,
      );
    });
  });

  it('puts the counts and the map in the last part only', () => {
    const last = parts - 1;
    markdowns.forEach((file, index) => {
      expect(file.content.includes('Rejected questions: 2 · not taken up: 1')).toBe(index === last);
      expect(file.content.includes('## Paragraph map')).toBe(index === last);
    });
    htmls.forEach((file, index) => {
      expect(file.content.includes('<p>Rejected questions: 2 · not taken up: 1</p>')).toBe(index === last);
      expect(file.content.includes(t.map.svg)).toBe(index === last);
    });
  });

  it('fills each part before starting the next', () => {
    let start = 0;
    for (const [index, file] of markdowns.slice(0, -1).entries()) {
      const count = markdownHeadings(file.content).length;
      const fuller = { ...t, readings: t.readings.slice(start, start + count + 1) };
      // Taking the session's last reading would make this part the last, with the counts and the map.
      const endsIt = start + count + 1 === t.readings.length;
      const part = { number: index + 1, of: endsIt ? index + 1 : parts };
      const overflows = [renderTranscriptMarkdown(fuller, part), renderTranscriptHtml(fuller, part)].some(
        (content) => bytes(content) > maxBytes,
      );
      expect(overflows).toBe(true);
      start += count;
    }
  });

  it('refuses when one passage with its questions cannot fit on its own', () => {
    expect(() => transcriptFiles(t, 2_000)).toThrow(/¶1 with its questions cannot fit in 2000 bytes/u);
    expect(() => transcriptFiles({ ...t, readings: [] }, 2_000)).toThrow(/The counts and the map cannot fit/u);
  });
});
