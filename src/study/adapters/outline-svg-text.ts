import type { Font } from 'opentype.js';

/** The faces `<text>` is set in: `font-weight="bold"` (or 600 and above) takes the bold one. */
export interface OutlineFonts {
  readonly regular: Font;
  readonly bold: Font;
}

const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/gu;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/gu;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * `svg` with every `<text>` element replaced by a `<path>` of its glyphs' outlines, so that it renders the same with
 * no font installed. Handles the text our views write: plain character content (entities allowed) positioned by `x`
 * and `y`, with `font-size`, `font-weight`, `text-anchor` and `fill`. Throws on any `<text>` it cannot convert (nested
 * `<tspan>`, say) rather than leave it to fall back silently to whatever fonts the machine has, or to none.
 */
export function outlineSvgText(svg: string, fonts: OutlineFonts): string {
  const outlined = svg.replace(TEXT_ELEMENT, (_, attributeText: string, content: string) => {
    const attributes = new Map(
      [...attributeText.matchAll(ATTRIBUTE)].map(([, name = '', value = '']) => [name, value]),
    );
    const size = Number(attributes.get('font-size') ?? '16');
    if (!Number.isFinite(size) || size <= 0) throw new Error(`<text> with font-size ${attributes.get('font-size')}`);
    const weight = attributes.get('font-weight') ?? 'normal';
    const font = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 ? fonts.bold : fonts.regular;
    const [x, y] = [Number(attributes.get('x') ?? '0'), Number(attributes.get('y') ?? '0')];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(`<text> at (${attributes.get('x')}, ${attributes.get('y')})`);
    }
    const anchor = attributes.get('text-anchor') ?? 'start';
    const path = glyphOutlines(font, decodeEntities(content), { x, y, size, anchor });
    const fill = attributes.get('fill') ?? '#000000';
    return path ? `<path d="${path}" fill="${fill}"/>` : '';
  });
  if (/<text\b/u.test(outlined)) throw new Error('outlineSvgText: a <text> element it cannot convert is left');
  return outlined;
}

// Glyph by glyph, with the font's pair kerning, instead of Font.getPath: opentype.js 2.0's shaping throws on DejaVu's
// contextual substitutions (lookup type 6, format 2), and the Latin labels here need none of it. A character the
// face lacks draws as its .notdef box, visibly, rather than vanishing.
function glyphOutlines(
  font: Font,
  content: string,
  at: { x: number; y: number; size: number; anchor: string },
): string {
  const scale = at.size / font.unitsPerEm;
  const glyphs = Array.from(content, (character) => font.charToGlyph(character));
  const offsets: number[] = [];
  let advance = 0;
  glyphs.forEach((glyph, index) => {
    const previous = glyphs[index - 1];
    if (previous) advance += font.getKerningValue(previous, glyph) * scale;
    offsets.push(advance);
    advance += (glyph.advanceWidth ?? 0) * scale;
  });
  const start = at.anchor === 'middle' ? at.x - advance / 2 : at.anchor === 'end' ? at.x - advance : at.x;
  return glyphs
    .map((glyph, index) => glyph.getPath(start + (offsets[index] ?? 0), at.y, at.size).toPathData(2))
    .filter(Boolean)
    .join('');
}

function decodeEntities(content: string): string {
  return content.replace(/&(#x[\da-f]+|#\d+|\w+);/giu, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name] ?? entity;
  });
}
