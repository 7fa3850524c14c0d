// Inline markdown (emphasis, code, spoilers, masked links) and mention or timestamp syntax (`<@id>`, `<t:0>`).
const INLINE = /[\\*_~`|[\]<]/gu;
// Headings, block quotes and list markers only mean something at the start of a line.
const LINE_START = /^(\s*)(?:([#>-])|(\d+)\.)/gmu;

/**
 * Escapes text so Discord shows it as written: markdown, masked links and mention syntax display literally, and
 * `@everyone`/`@here` cannot render as a mention. The reader sees the same characters; only backslashes (and a
 * zero-width space after `@`) are added.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(INLINE, (character) => `\\${character}`)
      // "1." is escaped at its dot: Discord would show a backslash before a digit.
      .replace(LINE_START, (_match, space: string, marker: string | undefined, number: string | undefined) =>
        marker ? `${space}\\${marker}` : `${space}${number}\\.`,
      )
      .replace(/@(?=everyone|here)/gu, '@\u200b')
  );
}
