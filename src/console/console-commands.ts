import type { Retriever } from '../core/retrieval/passage-retriever.js';
import { renderAnswerText, type TextStyle } from '../core/render/render-answer-text.js';
import type { Speech } from '../core/speech/speech.js';
import { UserFacingError } from '../core/user-facing-error.js';
import { readSectionOrParagraphs } from '../cli/read-section.js';

export const CONSOLE_HELP = [
  'Type a question, or one of:',
  '  /ask QUESTION      the closest passages, quoted with their ¶ numbers',
  '  /section NAME      a whole section (a unique prefix is enough: /section enc)',
  '  /quote N [TO]      paragraphs by number, e.g. /quote 12 or /quote 12 14',
  '  /about             the speech and how this bot answers',
  '  /quit              leave',
].join('\n');

export interface ConsoleContext {
  readonly speech: Speech;
  readonly retriever: Retriever;
  readonly builtAt: string;
  readonly style: TextStyle;
}

/** Answers one line typed at the local console; `undefined` means the person asked to leave. */
export async function answerConsoleLine(line: string, context: ConsoleContext): Promise<string | undefined> {
  const [, command = '', rest = ''] = /^\s*\/(\w+)\s*(.*)$/su.exec(line) ?? [undefined, 'ask', line];
  try {
    switch (command.toLowerCase()) {
      case 'ask':
        return renderAnswerText(await context.retriever.ask(rest), context.style);
      case 'section':
        return readSectionOrParagraphs(context.speech, rest);
      case 'quote':
        return readSectionOrParagraphs(context.speech, rest.trim().replace(/\s+(?:to\s+)?/u, '-'));
      case 'about':
        return about(context);
      case 'help':
        return CONSOLE_HELP;
      case 'quit':
      case 'exit':
        return undefined;
      default:
        return `Unknown command /${command}.\n${CONSOLE_HELP}`;
    }
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
}

function about({ speech, retriever, builtAt }: ConsoleContext): string {
  const sections = speech.sections.map((section) => {
    const count = section.lastParagraph - section.firstParagraph + 1;
    const range = count === 1 ? `¶${section.firstParagraph}` : `¶${section.firstParagraph}–¶${section.lastParagraph}`;
    return `  ${section.name}: ${range} (${count} paragraph${count === 1 ? '' : 's'})`;
  });
  return [
    `${speech.title}`,
    `${speech.speaker}, ${speech.date}. ${speech.paragraphs.length} paragraphs in ${speech.sections.length} sections:`,
    ...sections,
    '',
    `Retrieval: ${retriever.mode}${retriever.mode === 'lexical' ? ' (BM25 only: the embedding model is not available)' : ' (BM25 + embeddings, fused)'}; index built ${builtAt}.`,
    'Answers quote the speech verbatim; the best-matching sentences are marked.',
  ].join('\n');
}
