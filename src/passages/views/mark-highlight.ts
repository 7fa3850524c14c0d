/** Shrinks a span to exclude spaces at its ends: Markdown emphasis does not open or close next to whitespace. */
export function trimSpan(
  text: string,
  span: { readonly start: number; readonly end: number },
): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && text[start] === ' ') start += 1;
  while (end > start && text[end - 1] === ' ') end -= 1;
  return { start, end };
}

/** Wraps `text[start, end)` (trimmed of spaces) in markers, leaving every other character as it is. */
export function markHighlight(
  text: string,
  span: { start: number; end: number },
  open: string,
  close: string = open,
): string {
  const { start, end } = trimSpan(text, span);
  if (start >= end) return text;
  return `${text.slice(0, start)}${open}${text.slice(start, end)}${close}${text.slice(end)}`;
}
