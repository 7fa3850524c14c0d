import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import { outlineSvgText } from '../../src/study/adapters/outline-svg-text.js';
import { rasterizeSvg } from '../../src/study/adapters/rasterize-svg.js';
import { renderParagraphMap } from '../../src/study/views/render-paragraph-map.js';
import { runScript } from '../support/run-script.js';

const speech = parseSpeech(readFileSync('embeddings/source/mi5-dg-annual-threat-update-2021.txt', 'utf8'));
const { svg } = renderParagraphMap({
  speech,
  counts: new Map([
    [19, 4],
    [12, 3],
    [3, 1],
    [20, 1],
  ]),
  title: 'Week 3: State Threats & Terrorism',
});
const height = Number(/height="(\d+)"/u.exec(svg)?.[1]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}
const cellRegion = (paragraph: number): Region => {
  const match = new RegExp(`data-paragraph="${paragraph}"[^>]*><rect x="([\\d.]+)" y="([\\d.]+)"`, 'u').exec(svg);
  // Inside the rounded corners and the outline, so that only fill and text are left.
  return { left: Math.ceil(Number(match?.[1])) + 4, top: Math.ceil(Number(match?.[2])) + 4, width: 54, height: 47 };
};
/** How many pixels of the region are dark (below 100 of 255) and light (above 200), in grey. */
const inkIn = async (png: Buffer, region: Region) => {
  const grey = await sharp(png).extract(region).greyscale().raw().toBuffer();
  return { dark: grey.filter((v) => v < 100).length, light: grey.filter((v) => v > 200).length, all: grey.length };
};

describe('rasterizeSvg', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await rasterizeSvg(svg);
  });

  it('makes a PNG at the SVG’s own size', async () => {
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const metadata = await sharp(png).metadata();
    expect(metadata.format).toBe('png');
    expect([metadata.width, metadata.height]).toEqual([900, height]);
  });

  it('draws the labels: dark text on a plain cell, light text on a dark one, nothing on the margin', async () => {
    const plain = await inkIn(png, cellRegion(1));
    expect(plain.dark).toBeGreaterThan(40);
    expect(plain.light).toBeGreaterThan(plain.all / 2);
    const busiest = await inkIn(png, cellRegion(19));
    expect(busiest.light).toBeGreaterThan(40);
    expect(busiest.dark).toBeGreaterThan(busiest.all / 2);
    const margin = await inkIn(png, { left: 600, top: cellRegion(1).top, width: 250, height: 47 });
    expect(margin.light).toBe(margin.all);
  });

  it('needs no system font: with fontconfig given none, the text is still drawn, pixel for pixel the same', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'no-fonts-'));
    const config = path.join(folder, 'fonts.conf');
    writeFileSync(config, `<?xml version="1.0"?>\n<fontconfig><cachedir>${folder}</cachedir></fontconfig>\n`);
    const run = await runScript('test/support/rasterize-in-child.ts', [], { FONTCONFIG_FILE: config }, svg);
    expect(run.code, run.stderr).toBe(0);
    const { png: childPng, control } = JSON.parse(run.stdout) as {
      png: string;
      control: { narrow: number; wide: number };
    };
    // The control shows that this fontconfig really has no font. Any real font sets "WWWWWWWW" far wider than
    // "iiiiiiii" (DejaVu Sans: 230 px against 70); with none, each word comes out as missing-glyph boxes or as nothing,
    // and which of the two varies from run to run, so the test asks only that no real font was found.
    const setInARealFont = control.narrow > 0 && control.wide > 2 * control.narrow;
    expect(setInARealFont, JSON.stringify(control)).toBe(false);
    const [ours, theirs] = await Promise.all(
      [png, Buffer.from(childPng, 'base64')].map((image) => sharp(image).raw().toBuffer()),
    );
    expect(theirs?.equals(ours!)).toBe(true);
  });

  it('refuses text it cannot outline instead of leaving it to the machine’s fonts', async () => {
    const nested =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>a<tspan>b</tspan></text></svg>';
    await expect(rasterizeSvg(nested)).rejects.toThrow(/<text>/u);
  });

  it('outlines entities and anchors as the text says', async () => {
    const fonts = await import('opentype.js').then(({ default: opentype }) => {
      const load = (file: string) => {
        const bytes = readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${file}`);
        return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      };
      return { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
    });
    const outline = (text: string) => outlineSvgText(`<svg>${text}</svg>`, fonts);
    expect(outline('<text x="0" y="10" fill="#123456">&amp;</text>')).toBe(
      outline('<text x="0" y="10" fill="#123456">&#38;</text>'),
    );
    expect(outline('<text x="0" y="10" fill="#123456">&amp;</text>')).toMatch(
      /^<svg><path d="M[^"]+" fill="#123456"\/><\/svg>$/u,
    );
    const startX = (text: string) => Number(/d="M([\d.]+)/u.exec(text)?.[1]);
    const start = startX(outline('<text x="100" y="10">H</text>'));
    const middle = startX(outline('<text x="100" y="10" text-anchor="middle">H</text>'));
    expect(middle).toBeLessThan(start);
    expect(outline('<text x="0" y="10" font-weight="bold">H</text>')).not.toBe(outline('<text x="0" y="10">H</text>'));
  });
});
