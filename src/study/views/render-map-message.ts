import type { MessageView } from '../../discord/message-view.js';
import type { ParagraphMap } from './render-paragraph-map.js';

/** The map's file name in messages and transcripts. */
export const MAP_FILE = 'paragraph-map.png';

/**
 * `/study map`'s reply: the map as a picture with its description for screen readers, and the same in words.
 * `note` says why a requested public map is shown privately.
 */
export function renderMapMessage(map: ParagraphMap, png: Uint8Array, note?: string): MessageView {
  return {
    content: [`**Paragraph map** · ${map.summary}`, ...(note === undefined ? [] : [note])].join('\n'),
    embeds: [],
    buttons: [],
    files: [{ name: MAP_FILE, data: png, description: map.description }],
  };
}
