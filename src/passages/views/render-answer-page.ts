import { WEAK_MATCH_NOTE } from './render-answer-text.js';
import type { Speech } from '../../speech/speech.js';
import { encodeButtonState, type ButtonState } from '../../discord/custom-ids.js';
import { DISCORD_LIMITS } from '../../discord/discord-limits.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import { countFitting, pageStarts } from '../../discord/fit-embeds.js';
import type { ButtonView, EmbedView, MessageView } from '../../discord/message-view.js';
import { toRankingItem } from '../answer-ranking-state.js';
import { renderPassageEmbeds, type ShownPassage } from './render-passage-embeds.js';

export interface AnswerPageInput {
  readonly speech: Speech;
  /** Short hash of the speech text, carried by buttons. */
  readonly speechTag: string;
  readonly owner: string;
  readonly private: boolean;
  /** How many passages, from the first, are confident matches; the rest are marked as weak. */
  readonly confidentCount: number;
  /** The whole ranking, best first. */
  readonly passages: readonly ShownPassage[];
  readonly offset: number;
  readonly perPage: number;
  /** The question as asked; given for the first message, absent when a button turns the page (the text stays). */
  readonly question?: string;
  /** The stored answer, when it could be stored: the answer then carries 👍 and 👎, and its pages keep them. */
  readonly answerId?: number;
}

const NOTHING_FOUND = 'Nothing in the speech matches this question. Try other words, or `/section` to read a section.';

/**
 * One page of an /ask answer: an embed per passage (as many of `perPage` as Discord's limits allow), the question
 * echoed (escaped) with a plain note when the match is weak, and buttons whose state lives in their custom_ids.
 */
export function renderAnswerPage(input: AnswerPageInput): MessageView {
  const groups = input.passages.map((passage, index) =>
    renderPassageEmbeds(input.speech, passage, { weak: index >= input.confidentCount }),
  );
  const count = input.passages.length === 0 ? 0 : countFitting(groups, input.offset, input.perPage);
  const embeds = groups.slice(input.offset, input.offset + count).flat();
  const content =
    input.question === undefined
      ? undefined
      : answerContent(input.question, input.confidentCount > 0, input.passages.length > 0);
  return { ...(content === undefined ? {} : { content }), embeds, buttons: answerButtons(input, groups, count) };
}

function answerContent(question: string, confident: boolean, found: boolean): string {
  const asked = `**Q:** ${escapeMarkdown(question.replace(/\s+/gu, ' '))}`.slice(0, DISCORD_LIMITS.content - 200);
  if (!found) return `${asked}\n${NOTHING_FOUND}`;
  return confident ? asked : `${asked}\n${WEAK_MATCH_NOTE}`;
}

/** 👍 and 👎 on a stored answer, in a row of their own below the answer's other buttons. */
function ratingRow(answer: number): ButtonView[] {
  return [
    { customId: encodeButtonState({ kind: 'rating', answer, rating: 'up' }), label: '👍 Helpful', style: 'secondary' },
    {
      customId: encodeButtonState({ kind: 'rating', answer, rating: 'down' }),
      label: '👎 Not helpful',
      style: 'secondary',
    },
  ];
}

function answerButtons(input: AnswerPageInput, groups: readonly EmbedView[][], shown: number): ButtonView[][] {
  const rows = pageButtons(input, groups, shown);
  return input.answerId === undefined ? rows : [...rows, ratingRow(input.answerId)];
}

function pageButtons(input: AnswerPageInput, groups: readonly EmbedView[][], shown: number): ButtonView[][] {
  if (input.passages.length === 0) return [];
  const page = (offset: number): ButtonState => ({
    kind: 'answer-page',
    owner: input.owner,
    private: input.private,
    confidentCount: input.confidentCount,
    offset,
    perPage: input.perPage,
    speech: input.speechTag,
    ranking: input.passages.map(toRankingItem),
    ...(input.answerId === undefined ? {} : { answer: input.answerId }),
  });
  const first = input.passages[input.offset];
  const buttons: ButtonView[] = [];
  if (input.offset > 0) {
    // The page before is the last page start below this one: pages hold fewer than perPage when passages are long.
    const previous =
      pageStarts(groups, input.perPage)
        .filter((start) => start < input.offset)
        .at(-1) ?? 0;
    buttons.push({ customId: encodeButtonState(page(previous)), label: 'Previous', style: 'secondary' });
  }
  if (input.offset + shown < input.passages.length) {
    buttons.push({ customId: encodeButtonState(page(input.offset + shown)), label: 'More', style: 'primary' });
  }
  if (first) {
    const section: ButtonState = { kind: 'section-open', section: first.section.number, speech: input.speechTag };
    buttons.push({
      customId: encodeButtonState(section),
      label: `Whole section: ${first.section.name}`.slice(0, DISCORD_LIMITS.buttonLabel),
      style: 'secondary',
    });
    if (input.private) {
      const quote: ButtonState = { kind: 'quote', paragraph: first.paragraph.number, speech: input.speechTag };
      buttons.push({
        customId: encodeButtonState(quote),
        label: `Quote ¶${first.paragraph.number} in chat`,
        style: 'secondary',
      });
    }
  }
  return buttons.length > 0 ? [buttons] : [];
}
