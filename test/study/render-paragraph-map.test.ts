import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import { contrastRatio, shadeFor } from '../../src/study/views/paragraph-map-shading.js';
import { compressRanges } from '../../src/study/views/paragraph-map-summary.js';
import { DESCRIPTION_LIMIT, MAP_WIDTH, renderParagraphMap } from '../../src/study/views/render-paragraph-map.js';
import { textWidth } from '../../src/study/views/svg-text.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const last = speech.paragraphs.length;
const map = (counts: [number, number][], title = 'Week 3') =>
  renderParagraphMap({ speech, counts: new Map(counts), title });
const summary = (counts: [number, number][]) => map(counts).summary;
const cells = (svg: string) =>
  [...svg.matchAll(/<g data-paragraph="(\d+)" data-count="(\d+)">(.*?)<\/g>/gu)].map(([, number, count, body]) => ({
    number: Number(number),
    count: Number(count),
    texts: [...(body ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/gu)].map(([, text]) => text),
  }));

describe('the paragraph map in words', () => {
  it('names the busiest paragraphs, then the ones with no question as ranges', () => {
    expect(
      summary([
        [19, 4],
        [12, 3],
      ]),
    ).toBe(`Most questions: ¶19 (4), ¶12 (3). No questions yet on ¶1–11, ¶13–18, ¶20–${last}.`);
  });

  it('breaks ties by paragraph number and names at most five', () => {
    expect(
      summary([
        [30, 2],
        [7, 2],
        [3, 2],
        [1, 5],
        [9, 1],
        [10, 1],
        [2, 2],
      ]),
    ).toBe(`Most questions: ¶1 (5), ¶2 (2), ¶3 (2), ¶7 (2), ¶30 (2). No questions yet on ¶4–6, ¶8, ¶11–29, ¶31.`);
  });

  it('says so when nothing was asked, and ignores zero, negative and unknown paragraphs', () => {
    expect(summary([])).toBe('No questions yet.');
    expect(
      summary([
        [4, 0],
        [5, -2],
        [99, 3],
      ]),
    ).toBe('No questions yet.');
  });

  it('leaves out the second sentence when every paragraph has a question', () => {
    expect(summary(speech.paragraphs.map((paragraph) => [paragraph.number, 1]))).toBe(
      'Most questions: ¶1 (1), ¶2 (1), ¶3 (1), ¶4 (1), ¶5 (1).',
    );
  });

  it('compresses runs with an en dash and leaves single paragraphs alone', () => {
    expect(compressRanges([1, 2, 3, 4, 5, 8, 10, 11, 14, 15, 16, 17])).toEqual(['¶1–5', '¶8', '¶10–11', '¶14–17']);
    expect(compressRanges([])).toEqual([]);
  });
});

describe('the paragraph map as a picture', () => {
  const { svg } = map(
    [
      [19, 4],
      [12, 3],
      [3, 1],
      [20, 1],
    ],
    'Threats & <b>"reading"</b> \'group\'',
  );

  it('is a white picture 900 px wide with one cell per paragraph, in order, each labelled with its number', () => {
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${MAP_WIDTH}" height="\\d+"`, 'u'));
    expect(svg).toContain(`<rect width="${MAP_WIDTH}" height=`);
    expect(svg).toMatch(/<rect width="900" height="\d+" fill="#ffffff"\/>/u);
    const all = cells(svg);
    expect(all.map((cell) => cell.number)).toEqual(speech.paragraphs.map((paragraph) => paragraph.number));
    for (const cell of all) expect(cell.texts[0]).toBe(`¶${cell.number}`);
  });

  it('writes the count in every cell that has one, and none in the others', () => {
    const counted = cells(svg).filter((cell) => cell.count > 0);
    expect(counted.map(({ number, count }) => [number, count])).toEqual([
      [3, 1],
      [12, 3],
      [19, 4],
      [20, 1],
    ]);
    for (const cell of counted) expect(cell.texts[1]).toBe(`${cell.count} asked`);
    for (const cell of cells(svg).filter((cell) => cell.count === 0)) expect(cell.texts).toHaveLength(1);
  });

  it('heads each group with its section name, in the speech’s order', () => {
    const positions = speech.sections.map((section) => svg.indexOf(`>${section.name.replace(/&/gu, '&amp;')}</text>`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const firstCell = (number: number) => svg.indexOf(`data-paragraph="${number}"`);
    speech.sections.forEach((section, index) => {
      expect(positions[index]).toBeLessThan(firstCell(section.firstParagraph));
      if (index > 0) expect(positions[index]).toBeGreaterThan(firstCell(section.firstParagraph - 1));
    });
  });

  it('escapes the title and leaves no markup of its own', () => {
    expect(svg).toContain('Threats &amp; &lt;b&gt;&quot;reading&quot;&lt;/b&gt; &#39;group&#39;');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/&(?!amp;|lt;|gt;|quot;|#39;)/gu)).toBeNull();
  });

  it('drops characters XML forbids rather than write an unreadable SVG', () => {
    expect(map([], 'a\u0001b\u0007\ud800c').svg).toContain('>abc</text>');
  });

  it('explains the shading from 0 to the session’s maximum', () => {
    const legendValues = (of: string) =>
      [...(/<g data-legend="">(.*?)<\/g>/u.exec(of)?.[1] ?? '').matchAll(/>(\d+)<\/text>/gu)].map(([, v]) => Number(v));
    expect(svg).toContain('>Shading: questions asked</text>');
    expect(legendValues(svg)).toEqual([0, 1, 2, 3, 4]);
    expect(legendValues(map([[5, 22]]).svg)).toEqual([0, 6, 11, 17, 22]);
    expect(legendValues(map([]).svg)).toEqual([0]);
    expect(map([]).svg).toContain('>No questions yet</text>');
  });

  it('wraps a long title onto at most three lines that fit the width', () => {
    const lines = [...map([], 'Wide '.repeat(80)).svg.matchAll(/<text [^>]*font-size="22"[^>]*>([^<]*)</gu)];
    expect(lines).toHaveLength(3);
    for (const [, line = ''] of lines) expect(textWidth(line, 22)).toBeLessThanOrEqual(MAP_WIDTH - 48);
    expect(lines[2]?.[1]).toMatch(/…$/u);
  });
});

describe('the shading', () => {
  it('darkens with the count, starting clearly apart from none', () => {
    const max = 9;
    const fills = Array.from({ length: max + 1 }, (_, count) => shadeFor(count, max).fill);
    const contrastWithWhite = fills.map((fill) => contrastRatio(fill, '#ffffff'));
    expect(contrastWithWhite).toEqual([...contrastWithWhite].sort((a, b) => a - b));
    expect(new Set(fills).size).toBe(fills.length);
    expect(shadeFor(1, 1).fill).toBe(shadeFor(9, 9).fill);
  });

  it('keeps every label at 4.5:1 or more on its cell (WCAG AA), switching to white on dark cells', () => {
    const below: string[] = [];
    for (let max = 0; max <= 40; max += 1) {
      for (let count = 0; count <= max; count += 1) {
        const { fill, text } = shadeFor(count, max);
        if (contrastRatio(fill, text) < 4.5) below.push(`${count} of ${max}: ${text} on ${fill}`);
      }
    }
    expect(below).toEqual([]);
    expect(shadeFor(4, 4).text).toBe('#ffffff');
    expect(shadeFor(0, 4).text).not.toBe('#ffffff');
  });
});

describe('the description for screen readers', () => {
  it('names the title, the speech’s shape and the summary', () => {
    const { description, summary: words } = map([[19, 4]], 'Week 3');
    expect(description).toBe(
      `Paragraph map of "Week 3": ${last} paragraphs in ${speech.sections.length} sections, shaded by questions asked. ${words}`,
    );
  });

  it('stays within Discord’s 1024 characters for a 300-character title, keeping the summary whole', () => {
    const many: [number, number][] = speech.paragraphs
      .filter((p) => p.number % 2 === 0)
      .map((p) => [p.number, p.number]);
    for (const title of ['x'.repeat(300), 'Long title & more '.repeat(17), '😀'.repeat(600), 'y'.repeat(5000)]) {
      const { description, summary: words } = map(many, title);
      expect(description.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
      expect(description.endsWith(words)).toBe(true);
      expect(description).not.toMatch(/\p{Cs}/u);
    }
  });
});
