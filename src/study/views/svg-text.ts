// Advance widths of DejaVu Sans Bold (the face the rasteriser ships) for ASCII 32–126, in hundredths of an em, rounded
// up: the bold face is the wider one, so measuring regular text with it errs on the side of room to spare.
const ASCII_WIDTHS = [
  35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84,
  84, 84, 59, 100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86, 74, 86, 78, 73, 69, 82, 78, 111, 78, 73,
  73, 46, 37, 46, 84, 50, 50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72, 69, 72, 72, 50, 60, 48, 72, 66,
  93, 65, 66, 59, 72, 37, 72, 84,
];
// Beyond ASCII (accents, ¶, en dash, other scripts) a full em: wider than nearly every such glyph in the face.
const OTHER_WIDTH = 100;
const ELLIPSIS = '…';

/**
 * `text` as one line of plain text: characters XML 1.0 forbids (control characters, lone surrogates) dropped, so that
 * one odd character in a moderator's title cannot make the whole image unreadable, and whitespace (newlines included)
 * folded to single spaces.
 */
export function plainText(text: string): string {
  return Array.from(text)
    .filter((character) => isXmlCharacter(character.codePointAt(0) ?? 0))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

// XML 1.0's Char production: tab, newline, carriage return, and the rest of Unicode bar surrogates, U+FFFE and U+FFFF
// (a lone surrogate comes out of Array.from as itself, so it is caught here too).
function isXmlCharacter(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff;
}

/** Text made safe for an SVG text node or attribute value: {@link plainText} with the markup characters escaped. */
export function escapeXml(text: string): string {
  return plainText(text)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** An upper estimate of `text`'s width in px at `fontSize`, set in DejaVu Sans (bold or regular). */
export function textWidth(text: string, fontSize: number): number {
  let hundredths = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    hundredths += ASCII_WIDTHS[code - 32] ?? OTHER_WIDTH;
  }
  return (hundredths / 100) * fontSize;
}

/**
 * `text` broken into at most `maxLines` lines no wider than `maxWidth` at `fontSize`: at spaces, inside a word only
 * when the word alone is too wide; what does not fit ends the last line with an ellipsis.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const fits = (line: string) => textWidth(line, fontSize) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of plainText(text).split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const character of word) {
      // A lone character wider than the line still goes on a line of its own rather than looping.
      if (!line || fits(line + character)) line += character;
      else {
        lines.push(line);
        line = character;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && !fits(`${last}${ELLIPSIS}`)) last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}${ELLIPSIS}`;
  return kept;
}
