import { PassageCommands } from '../passages/passage-commands.js';
import { speechTag } from '../discord/custom-ids.js';
import type { OpenedIndex } from '../search/index/open-index.js';

/** The reference commands over an opened index: its speech and retriever, buttons tagged with its text's hash. */
export function passageCommandsOf(index: Pick<OpenedIndex, 'speech' | 'retriever' | 'manifest'>): PassageCommands {
  const { speech, retriever, manifest } = index;
  return new PassageCommands({ speech, retriever, speechTag: speechTag(manifest.source.sha256), builtAt: manifest.builtAt });
}
