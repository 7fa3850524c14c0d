import { describe, expect, it } from 'vitest';
import { renderTranscriptHtml } from '../../src/study/views/render-transcript-html.js';
import { renderTranscriptMarkdown } from '../../src/study/views/render-transcript-markdown.js';
import { escapeHtml } from '../../src/study/views/transcript-html-text.js';
import { escapeTranscriptMarkdown } from '../../src/study/views/transcript-markdown-text.js';
import { memberText } from '../../src/study/views/transcript-text.js';
import { HOSTILE, HOSTILE_TITLE, hostileTranscript } from '../support/transcript-fixture.js';

const t = hostileTranscript();
const markdown = renderTranscriptMarkdown(t);
const html = renderTranscriptHtml(t);
const allQuestions = t.readings.flatMap((reading) => reading.questions);

/** What a CommonMark viewer shows for escaped text: backslash escapes, the ping guard and the isolates removed. */
const shownMarkdown = (text: string) =>
  text
    .replace(/\\([!-/:-@[-`{-~])/gu, '$1')
    .replace(/@\u200b/gu, '@')
    .replace(/[\u2068\u2069]/gu, '');
// A character that opens structure, not preceded by the backslash that makes it literal.
const UNESCAPED_MARKUP = /(?<!\\)[*_`[\]<>#&|~]/u;

describe('the transcript as Markdown', () => {
  const lines = markdown.split('\n');

  it('opens with the escaped title, the date in UTC and the moderators', () => {
    expect(lines[0]).toBe(`# ${escapeTranscriptMarkdown(memberText(HOSTILE_TITLE))}`);
    expect(shownMarkdown(lines[0] ?? '')).toBe(`# ${HOSTILE_TITLE}`);
    expect(markdown).toContain('- **Date:** 2 December 2026, 14:05–15:10 UTC\n');
    expect(markdown).toContain('- **Moderators:** Ana, Ben \\[link\\](http://x), \u2068سارة\u2069\n');
  });

  it('has the readings in the order they were read, a paragraph read twice twice, then the end', () => {
    const headings = lines.filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      lines[0],
      '## ¶12 · State Threats',
      '## ¶13 · State Threats',
      '## ¶19 · Terrorism',
      '## ¶12 · State Threats',
      '## ¶28 · Encryption',
      '## Questions left out',
      '## Paragraph map',
    ]);
  });

  it('quotes each paragraph verbatim', () => {
    for (const reading of t.readings) {
      const quote = `> ${escapeTranscriptMarkdown(reading.text)}`;
      expect(lines).toContain(quote);
      expect(shownMarkdown(quote.slice(2))).toBe(reading.text);
    }
  });

  it('labels the prompt, in italics, and says when there is none', () => {
    expect(markdown).toContain('**Discussion prompt:** *What would @\u200beveryone and @\u200bhere say?*');
    expect(markdown).toContain('**Discussion prompt:** *\\> Is this a quote? \\# Not a heading - not a list');
    expect(markdown).toContain('**Discussion prompt:** none\n');
  });

  it('lists each approved question with who asked it and which passages answered it', () => {
    expect(markdown).toContain(
      [
        '1. \\<script\\>alert(1)\\</script\\>',
        '   - asked by Ana, Ben',
        '   - answered with: State Threats · ¶12; Terrorism · ¶19',
        '2. \\*\\*bold\\*\\* \\# heading \\[link\\](http://x)',
      ].join('\n'),
    );
    expect(markdown).toContain('   - asked by \u2068سارة\u2069, Ana\n');
    expect(markdown).toContain('   - answered with: no passage cited\n');
    expect(markdown.split('No approved questions while this passage was on the table.')).toHaveLength(3);
  });

  it('shows every question as written: nothing in it can open Markdown structure or ping', () => {
    const items = lines.filter((line) => /^\d+\. /u.test(line)).map((line) => line.replace(/^\d+\. /u, ''));
    expect(items.map(shownMarkdown)).toEqual(allQuestions.map((question) => memberText(question.text)));
    for (const item of items) expect(item).not.toMatch(UNESCAPED_MARKUP);
    expect(items).toContain(HOSTILE.long);
    expect(HOSTILE.long).toHaveLength(2000);
  });

  it('holds nothing raw that a member wrote to make structure', () => {
    // Escaped, `<script` is still in `\<script`: what must not be there is the same without the backslash.
    for (const raw of ['<script', '**bold**', '[link](', '@everyone', '@here', '```', '<b>']) {
      expect(
        markdown
          .split(raw)
          .slice(0, -1)
          .filter((before) => !before.endsWith('\\')),
      ).toEqual([]);
    }
    // Every line is one the renderer writes: no member text starts a line of its own.
    const kinds = [/^$/u, /^#{1,2} /u, /^> /u, /^- \*\*/u, /^\*On the table from \d\d:\d\d UTC\*$/u, /^\*\*/u];
    const more = [
      /^\d+\. /u,
      /^ {3}- (asked by|answered with:) /u,
      /^No approved /u,
      /^Rejected /u,
      /^Most questions/u,
    ];
    const others = lines.filter((line) => ![...kinds, ...more].some((kind) => kind.test(line)));
    expect(others).toEqual([
      'Study session transcript',
      '*The HTML version of this transcript shows the map as a picture.*',
    ]);
  });

  it('counts the rejected and waiting questions, never quoting them, and gives the map in words', () => {
    expect(markdown).toContain('\n## Questions left out\n\nRejected questions: 2 · not taken up: 1\n');
    expect(markdown).toContain(`\n## Paragraph map\n\n${escapeTranscriptMarkdown(t.map.summary)}\n`);
    expect(t.map.summary).toMatch(/^Most questions: ¶12 \(4\), ¶19 \(1\)\./u);
    expect(markdown).not.toContain('<svg');
  });

  it('escapes list markers a sentence can start with, so a quote stays a quote', () => {
    expect(escapeTranscriptMarkdown('2021. A year')).toBe('2021\\. A year');
    expect(escapeTranscriptMarkdown('3) Third')).toBe('3\\) Third');
    expect(escapeTranscriptMarkdown('+ plus - minus')).toBe('\\+ plus - minus');
    expect(escapeTranscriptMarkdown('--- rule')).toBe('\\--- rule');
    expect(escapeTranscriptMarkdown('a\\b Q&A')).toBe('a\\\\b Q\\&A');
  });
});

describe('member text before escaping', () => {
  it('is one line without controls or scoped bidi controls; marks stay', () => {
    expect(memberText('  two\nlines\t\u0000here\u202e ')).toBe('two lines here');
    expect(memberText('a\u2067b\u2069c\u200fd')).toBe('abc\u200fd');
  });
});

describe('the transcript as HTML', () => {
  it('is one self-contained HTML5 document', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toContain(`<title>${escapeHtml(memberText(HOSTILE_TITLE))} · transcript</title>`);
    expect(html.match(/<style>/gu)).toHaveLength(1);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('loads nothing: no script, no source, no link out, no import, no url()', () => {
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/\bsrc\s*=/iu);
    expect(html).not.toMatch(/href\s*=\s*["']?(?!#)/iu);
    expect(html).not.toMatch(/@import/iu);
    expect(html).not.toMatch(/url\(/iu);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img|base|form)\b/iu);
  });

  it('has only the elements the renderer writes, whatever members wrote', () => {
    const withoutMap = html.replace(t.map.svg, '');
    const tags = new Set([...withoutMap.matchAll(/<\/?([a-z][a-z0-9]*)/giu)].map(([, tag]) => tag?.toLowerCase()));
    const written =
      'html head meta title style body main header h1 p dl dt dd section h2 blockquote strong em h3 ol li';
    expect([...tags].sort()).toEqual([...written.split(' '), 'span', 'bdi', 'figure', 'div', 'figcaption'].sort());
  });

  it('escapes every string a member or moderator wrote', () => {
    expect(html).toContain(`<h1 dir="auto">${escapeHtml(HOSTILE_TITLE)}</h1>`);
    expect(html).toContain('&lt;b&gt;&quot;State&quot;&lt;/b&gt; &amp; &#39;threats&#39;');
    expect(html).toContain('<p class="question" dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<dd><bdi>Ana</bdi>, <bdi>Ben [link](http://x)</bdi>, <bdi>سارة</bdi></dd>');
    expect(html).toContain(`<p class="question" dir="auto">${escapeHtml(memberText(allQuestions[3]?.text ?? ''))}</p>`);
    expect(html).toContain(`<p class="question" dir="auto">${HOSTILE.long}</p>`);
  });

  it('has the readings in order with the same content as the Markdown', () => {
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/gu)].map(([, heading]) => heading)).toEqual([
      '¶12 · State Threats',
      '¶13 · State Threats',
      '¶19 · Terrorism',
      '¶12 · State Threats',
      '¶28 · Encryption',
      'Questions left out',
      'Paragraph map',
    ]);
    for (const reading of t.readings)
      expect(html).toContain(`<blockquote><p>${escapeHtml(reading.text)}</p></blockquote>`);
    expect(html).toContain('<p class="meta">asked by <bdi>Ana</bdi>, <bdi>Ben</bdi> · answered with: State Threats');
    expect(html).toContain('<dt>Date</dt><dd>2 December 2026, <span class="nowrap">14:05–15:10 UTC</span></dd>');
    expect(html).toContain('<p>Rejected questions: 2 · not taken up: 1</p>');
    expect(html).toContain('<strong>Discussion prompt:</strong> none</p>');
  });

  it('draws the map inline, in a figure named for screen readers and captioned with its summary', () => {
    const figure =
      /<figure>\n<div class="map-picture" role="img" aria-label="([^"]*)">(<svg[\s\S]*<\/svg>)<\/div>\n<figcaption>([^<]*)<\/figcaption>\n<\/figure>/u.exec(
        html,
      );
    expect(figure?.[1]).toBe(escapeHtml(t.map.description));
    expect(figure?.[2]).toBe(t.map.svg);
    expect(figure?.[3]).toBe(escapeHtml(t.map.summary));
  });
});

describe('the header in both renderings', () => {
  const transcript = (startedAt: number, endedAt: number | null) => ({ ...t, startedAt, endedAt, readings: [] });

  it('gives both dates past midnight, the start alone while running, and says when no passage was read', () => {
    const late = transcript(Date.UTC(2026, 11, 2, 23, 30), Date.UTC(2026, 11, 3, 0, 40));
    expect(renderTranscriptMarkdown(late)).toContain('2 December 2026, 23:30 UTC – 3 December 2026, 00:40 UTC');
    const running = transcript(Date.UTC(2026, 0, 9, 8, 0), null);
    expect(renderTranscriptMarkdown(running)).toContain('9 January 2026, from 08:00 UTC (still running');
    expect(renderTranscriptHtml(running)).toContain(
      '9 January 2026, from <span class="nowrap">08:00 UTC</span> (still',
    );
    expect(renderTranscriptMarkdown(running)).toContain('\n\nNo passage was put on the table.\n');
    expect(renderTranscriptHtml(running)).toContain('<p class="none">No passage was put on the table.</p>');
  });

  it('says when nobody moderated', () => {
    expect(renderTranscriptMarkdown({ ...t, moderators: [] })).toContain('- **Moderators:** none recorded\n');
    expect(renderTranscriptHtml({ ...t, moderators: [' '] })).toContain('<dt>Moderators</dt><dd>none recorded</dd>');
  });
});
