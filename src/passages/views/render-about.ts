import type { RetrievalMode } from '../../search/passage-retriever.js';
import { paragraphRange } from '../../speech/match-section.js';
import type { Speech } from '../../speech/speech.js';
import { COLORS, type MessageView } from '../../discord/message-view.js';
import { formatSpeechDate } from './render-passage-embeds.js';
import { describeRetrievalMode } from './describe-retrieval-mode.js';

export interface AboutInput {
  readonly speech: Speech;
  readonly mode: RetrievalMode;
  /** ISO time the index was built. */
  readonly builtAt: string;
}

/** `/about`: the speech, its sections with paragraph counts, how to use the bot, the retrieval mode and index date. */
export function renderAbout({ speech, mode, builtAt }: AboutInput): MessageView {
  const retrieval = describeRetrievalMode(mode);
  return {
    embeds: [
      {
        title: speech.title,
        description: [
          `${speech.speaker}, ${formatSpeechDate(speech.date)}. ${speech.paragraphs.length} paragraphs in ${speech.sections.length} sections.`,
          '',
          '`/ask` a question: the closest passages, quoted verbatim with section and ¶ number, best sentences in bold.',
          '`/section` reads a whole section; `/quote` shows paragraphs by number.',
        ].join('\n'),
        fields: [
          ...speech.sections.map((section) => {
            const count = section.lastParagraph - section.firstParagraph + 1;
            return {
              name: section.name,
              value: `${paragraphRange(section)} · ${count} paragraph${count === 1 ? '' : 's'}`,
              inline: true,
            };
          }),
          { name: 'Retrieval', value: retrieval },
          { name: 'Index built', value: builtAt.replace('T', ' ').replace(/\.\d+Z$/u, ' UTC') },
        ],
        footer: 'Quotes are the speech’s own words; only whitespace is folded.',
        color: COLORS.notice,
      },
    ],
    buttons: [],
  };
}
