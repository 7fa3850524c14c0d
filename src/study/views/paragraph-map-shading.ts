/** A cell's colours: its fill and the text colour that reads on it. */
export interface CellShade {
  readonly fill: string;
  readonly text: string;
}

/** A paragraph no one asked about: near-white, with an outline so that it still reads as a cell on a white page. */
export const EMPTY_SHADE: CellShade = { fill: '#f4f5f7', text: '#1f2328' };
export const EMPTY_CELL_OUTLINE = '#b8bec6';

type Rgb = readonly [number, number, number];

// A light-to-dark teal ramp (the study embeds' colour, 0x2c7a7b, in the middle) in two halves: dark text on the light
// half, white on the dark half. The halves skip the mid-tones whose luminance (about 0.18–0.25) gives neither text
// colour 4.5:1, so every label in every cell meets WCAG AA. The light end is already clearly tinted so that one
// question never looks like none.
const LIGHT_HALF: readonly [Rgb, Rgb] = [
  [0xcd, 0xee, 0xea],
  [0x5f, 0xb3, 0xad],
];
const DARK_HALF: readonly [Rgb, Rgb] = [
  [0x2c, 0x7a, 0x7b],
  [0x0b, 0x3b, 0x3c],
];
const DARK_TEXT = '#1f2328';
const LIGHT_TEXT = '#ffffff';

/**
 * The shade of a cell with `count` questions when the busiest paragraph has `max`: 0 is plain, 1 … max run from
 * light to dark teal, and the text is whichever of near-black and white contrasts more with the fill.
 */
export function shadeFor(count: number, max: number): CellShade {
  if (count <= 0 || max <= 0) return EMPTY_SHADE;
  // With max = 1 the one step is the darkest, as it is the session's busiest paragraph.
  const t = max === 1 ? 1 : (Math.min(count, max) - 1) / (max - 1);
  const [from, to] = t <= 0.5 ? LIGHT_HALF : DARK_HALF;
  const along = t <= 0.5 ? t * 2 : (t - 0.5) * 2;
  const fill = `#${from
    .map((channel, index) => Math.round(channel + (to[index]! - channel) * along))
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
  return { fill, text: contrastRatio(fill, LIGHT_TEXT) >= contrastRatio(fill, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT };
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
