/**
 * Wraps `text[start, end)` in markers, leaving every other character as it is. The span is shrunk to exclude
 * surrounding spaces, since Markdown emphasis does not open or close next to whitespace.
 */
export function markHighlight(text: string, span: { start: number; end: number }, open: string, close: string = open): string {
  let { start, end } = span;
  while (start < end && text[start] === ' ') start += 1;
  while (end > start && text[end - 1] === ' ') end -= 1;
  if (start >= end) return text;
  return `${text.slice(0, start)}${open}${text.slice(start, end)}${close}${text.slice(end)}`;
}
