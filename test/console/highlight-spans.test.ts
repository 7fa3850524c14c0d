/**
 * The local console's bold, pinned to the sentences the retriever highlighted: each quoted paragraph is exactly the
 * text before the first highlighted sentence, the sentences in bold, and the text after, on the first page and on
 * every page /more presses, in `**…**` and in the terminal's bold alike.
 */
import { expect, it } from 'vitest';
import { LocalConsole } from '../../src/console/console-commands.js';
import { TERMINAL_STYLE } from '../../src/passages/views/render-answer-text.js';
import { passageCommandsOf } from '../../src/app/compose.js';
import {
  describeHighlightCases,
  ONE_SENTENCE,
  REAL_LEXICAL,
  shownAs,
  splitMarked,
} from '../support/highlight-oracle.js';

const RANKED = 10; // the passages an /ask ranks; the console shows them three at a time
const BOLDS = [
  { name: '**', open: '**', close: '**' },
  { name: 'the terminal’s bold', open: TERMINAL_STYLE.highlightOpen, close: TERMINAL_STYLE.highlightClose },
] as const;

/** The passages of one console page: the line after each citation title, split at its bold. */
function quotedPassages(
  page: string,
  bold: { open: string; close: string },
): Array<{ paragraph: number; before: string; bold: string; after: string }> {
  const lines = page.split('\n');
  const passages: Array<{ paragraph: number; before: string; bold: string; after: string }> = [];
  lines.forEach((line, at) => {
    if (!line.startsWith(bold.open) || !line.endsWith(bold.close)) return;
    const title = /^.+ · ¶(\d+)$/u.exec(line.slice(bold.open.length, line.length - bold.close.length));
    if (!title) return;
    passages.push({ paragraph: Number(title[1]), ...splitMarked(lines[at + 1] ?? '', bold.open, bold.close) });
  });
  return passages;
}

describeHighlightCases(
  'the bold of the console’s answers, on every page',
  'highlight-console',
  [{ ...REAL_LEXICAL, name: 'the real speech' }, ONE_SENTENCE],
  (opened, { questions }) => {
    for (const bold of BOLDS) {
      it.each(questions)(
        `bolds exactly the highlighted sentences of “%s” with ${bold.name}, through /more`,
        async (question) => {
          const { index, ask } = opened();
          const { expected } = await ask(question, RANKED);
          const local = new LocalConsole(passageCommandsOf(index), { open: bold.open, close: bold.close });
          const pages = [(await local.answer(`/ask ${question}`)) ?? ''];
          for (
            let page = await local.answer('/more');
            page !== 'The last answer has no more page.';
            page = await local.answer('/more')
          ) {
            // A refused press leaves the last answer as it was: stop rather than press it again forever.
            if (!page?.includes('[Previous]') || pages.length > RANKED) throw new Error(`/more gave: ${page}`);
            pages.push(page);
          }
          expect(pages.length, 'the answer takes several pages').toBeGreaterThan(1);
          expect(pages.flatMap((page) => quotedPassages(page, bold))).toEqual(expected.map(shownAs));
        },
      );
    }
  },
);
