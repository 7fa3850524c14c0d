/**
 * The bold of an /ask answer, pinned to the sentences the retriever highlighted: on the first page, on every page a
 * "More" button renders from its custom_id (after a restart too), and back with "Previous". Stripping `**` proves only
 * the text; these tests check where the bold starts and ends, character for character.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PassageCommands } from '../../src/passages/passage-commands.js';
import { fromRankingItem, toRankingItem } from '../../src/passages/answer-ranking-state.js';
import { decodeButtonState, encodeButtonState } from '../../src/discord/custom-ids.js';
import type { EmbedView, MessageView } from '../../src/discord/message-view.js';
import { renderPassageEmbeds } from '../../src/passages/views/render-passage-embeds.js';
import { sectionOf } from '../../src/speech/find-paragraphs.js';
import type { Speech } from '../../src/speech/speech.js';
import { passageCommandsOf } from '../../src/app/compose.js';
import {
  describeHighlightCases,
  everySentenceRun,
  expectAllPlaces,
  ONE_SENTENCE,
  oracleSpeeches,
  REAL_HYBRID,
  REAL_LEXICAL,
  shownAs,
  unescapeDiscord,
} from '../support/highlight-oracle.js';

const ALICE = '111111111111111111';
const RANKED = 10; // the passages an /ask ranks (PassageCommands' RANKED_PASSAGES)
const PER_PAGE = 3;

const buttonOf = (view: MessageView, label: string) =>
  view.buttons.flat().find((button) => button.label === label)?.customId;

/** One passage's embed as a reader sees it: its ¶ number and the text before, in and after its one bold span. */
function shownPassage(embed: EmbedView): { paragraph: number; before: string; bold: string; after: string } {
  expect(embed.title, 'each passage fits one embed').not.toMatch(/\(continued\)$/u);
  const paragraph = Number(/ · ¶(\d+)$/u.exec(embed.title ?? '')?.[1]);
  // Escaping turns every `*` of the text into `\*`, so a bare `**` can only be the bold's own markers.
  const parts = (embed.description ?? '').split('**');
  expect(parts, `¶${paragraph}: one bold span in ${embed.description}`).toHaveLength(3);
  const [before = '', bold = '', after = ''] = parts.map(unescapeDiscord);
  return { paragraph, before, bold, after };
}

const CASES = [
  REAL_LEXICAL,
  REAL_HYBRID,
  { ...ONE_SENTENCE, name: 'the speech with one-sentence paragraphs, lexical' },
];

describeHighlightCases(
  'the bold of /ask answers, on every page',
  'highlight-discord',
  CASES,
  (opened, { questions }) => {
    let commands: PassageCommands;
    beforeAll(() => {
      commands = passageCommandsOf(opened().index);
    });

    it.each(questions)(
      'bolds exactly the highlighted sentences of “%s” on the first page, every More page and back',
      async (question) => {
        const { index, ask } = opened();
        const { expected } = await ask(question, RANKED);

        const first = await commands.ask({ question, results: PER_PAGE, private: false, user: ALICE });
        const pages: MessageView[] = [first];
        const shown = first.embeds.map(shownPassage);
        for (let view: MessageView, more = buttonOf(first, 'More'); more !== undefined; more = buttonOf(view, 'More')) {
          // The button carries the whole ranking: each ¶ with exactly the sentences of its highlight.
          const state = decodeButtonState(more);
          expect(state?.kind === 'answer-page' && state.ranking).toEqual(
            expected.map(({ paragraph, firstSentence, lastSentence }) => ({ paragraph, firstSentence, lastSentence })),
          );
          const pressed = commands.button(more, ALICE);
          if (pressed.action !== 'update') throw new Error(`More was refused: ${JSON.stringify(pressed)}`);
          // A restarted bot has nothing but the custom_id: a fresh set of commands renders the same page.
          expect(passageCommandsOf(index).button(more, ALICE)).toEqual(pressed);
          view = pressed.view;
          pages.push(view);
          shown.push(...view.embeds.map(shownPassage));
        }
        expect(pages.length, 'the answer takes several pages').toBeGreaterThan(1);
        expect(shown).toEqual(expected.map(shownAs));

        // Previous goes back to the very same bold, page by page.
        for (let at = pages.length - 1; at > 0; at -= 1) {
          const previous = buttonOf(pages[at]!, 'Previous');
          const back = previous === undefined ? undefined : commands.button(previous, ALICE);
          expect(back?.action === 'update' && back.view.embeds.map(shownPassage)).toEqual(
            pages[at - 1]!.embeds.map(shownPassage),
          );
        }
      },
    );
  },
);

describe('a highlight carried by a button, for every run of sentences of the speech', () => {
  let speeches: Speech[];
  beforeAll(async () => {
    speeches = await oracleSpeeches();
  });

  it('survives toRankingItem, the custom_id and fromRankingItem as the same sentences, and renders bold exactly there', () => {
    const runs = speeches.flatMap((speech) => everySentenceRun(speech).map((run) => ({ speech, ...run })));
    expectAllPlaces(runs.map((run) => run.expected));
    for (const { speech, paragraph, start, end, expected } of runs) {
      const passage = { section: sectionOf(speech, paragraph), paragraph, highlight: { start, end } };
      const item = toRankingItem(passage);
      expect(item).toEqual({
        paragraph: paragraph.number,
        firstSentence: expected.firstSentence,
        lastSentence: expected.lastSentence,
      });
      const customId = encodeButtonState({
        kind: 'answer-page',
        owner: ALICE,
        private: false,
        confidentCount: 1,
        offset: 0,
        perPage: 1,
        speech: 'ab12',
        ranking: [item],
      });
      const decoded = decodeButtonState(customId);
      expect(decoded?.kind === 'answer-page' && decoded.ranking).toEqual([item]);
      const rebuilt = fromRankingItem(speech, item);
      expect(rebuilt?.highlight).toEqual({ start, end });
      const [embed, ...rest] = renderPassageEmbeds(speech, rebuilt!);
      expect(rest).toEqual([]);
      expect(shownPassage(embed!)).toEqual(shownAs(expected));
    }
  });
});
