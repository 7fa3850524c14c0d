import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import sharp from 'sharp';
import { outlineSvgText, type OutlineFonts } from './outline-svg-text.js';

// Fonts: sharp rasterises SVG with librsvg, which finds fonts for <text> through fontconfig, i.e. among the fonts
// installed on the machine. A fresh machine, a slim container or CI may have none, and then every label would come out
// as empty boxes or nothing at all. So the text is not left to fontconfig: DejaVu Sans ships in an npm package
// (dejavu-fonts-ttf, installed with the project like any other dependency) and opentype.js turns each <text> into a
// <path> of its glyphs before sharp sees the SVG. The picture then depends on no system font, and looks the same on
// every machine. DejaVu for its wide coverage (Latin, Greek, Cyrillic and more, ¶ and – included) of what a moderator
// may type in a title; pointing fontconfig at the package's folder instead would still depend on fontconfig's
// configuration, its cache and the family name matching, and on setting an environment variable before libvips
// first reads it.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

let fonts: Promise<OutlineFonts> | undefined;

async function loadFont(specifier: string): Promise<opentype.Font> {
  const bytes = await readFile(require.resolve(specifier));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

// Parsed once per process (about a quarter of a second for both faces), on first use.
function loadFonts(): Promise<OutlineFonts> {
  fonts ??= Promise.all([loadFont(FONT_FILES.regular), loadFont(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      // Not cached when it fails, so that the next image tries again.
      fonts = undefined;
      throw error;
    },
  );
  return fonts;
}

/**
 * A PNG of `svg` at its own size (one pixel per user unit), its text drawn in the shipped DejaVu Sans whatever fonts
 * the machine has (see above). Throws on text it cannot draw that way, as {@link outlineSvgText} does.
 */
export async function rasterizeSvg(svg: string): Promise<Buffer> {
  const outlined = outlineSvgText(svg, await loadFonts());
  return sharp(Buffer.from(outlined), { density: 72 }).png().toBuffer();
}
