import type { MessageView } from '../discord/message-view.js';

/** Undoes {@link escapeMarkdown}: the characters a Discord reader would see. */
function unescape(text: string): string {
  return text.replace(/\\([\\*_~`|[\]<#>.-])/gu, '$1').replace(/@\u200b/gu, '@');
}

/**
 * A message as plain text, for the local console: what a Discord reader would see, with bold as `**…**` (or the
 * terminal's bold, when `bold` is given) and buttons listed by label.
 */
export function renderViewAsText(
  view: MessageView,
  bold: { open: string; close: string } = { open: '**', close: '**' },
): string {
  const emphasis = (text: string) => unescape(text.replace(/\*\*([^*]+)\*\*/gu, `${bold.open}$1${bold.close}`));
  const blocks: string[] = [];
  if (view.content) blocks.push(emphasis(view.content));
  for (const embed of view.embeds) {
    const lines: string[] = [];
    if (embed.author) lines.push(`[${embed.author}]`);
    if (embed.title) lines.push(`${bold.open}${embed.title}${bold.close}`);
    if (embed.description) lines.push(emphasis(embed.description));
    for (const field of embed.fields ?? []) lines.push(`${field.name}: ${emphasis(field.value)}`);
    if (embed.footer) lines.push(`— ${embed.footer}`);
    blocks.push(lines.join('\n'));
  }
  const buttons = view.buttons.flat().map((button) => `[${button.label}]`);
  if (buttons.length > 0) blocks.push(`Buttons: ${buttons.join(' ')}`);
  return blocks.join('\n\n');
}
