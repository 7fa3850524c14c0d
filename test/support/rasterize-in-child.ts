import sharp from 'sharp';
import { rasterizeSvg } from '../../src/study/adapters/rasterize-svg.js';

/**
 * Run by test/study/rasterize-svg.test.ts in a child process whose fontconfig is given no fonts (fontconfig reads its
 * configuration once per process, so the test's own process cannot be the one). Rasterises the SVG on stdin, and, as
 * the control, measures how wide a run of `i` and a run of `W` come out when `<text>` is left to fontconfig: in any
 * real font the W are far wider, while with no font each draws as missing-glyph boxes or as nothing.
 */
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

async function inkWidth(word: string): Promise<number> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="600" height="60" fill="#ffffff"/>' +
    `<text x="10" y="40" font-size="28" font-family="DejaVu Sans, sans-serif">${word}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let right = 0;
  data.forEach((value, index) => {
    if (value < 128) right = Math.max(right, (index % info.width) + 1);
  });
  return right;
}

// The control first, before anything else in this process has asked fontconfig for a font.
const control = { narrow: await inkWidth('iiiiiiii'), wide: await inkWidth('WWWWWWWW') };
const png = await rasterizeSvg(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify({ png: png.toString('base64'), control }));
