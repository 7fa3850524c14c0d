import type { Speech } from '../../speech/speech.js';
import { passageHandlers, sectionAutocomplete } from '../../passages/adapters/passage-handlers.js';
import { keepAnsweredAsk, queueModeratedAsk } from '../../study/adapters/discord/queue-moderated-ask.js';
import { studyCommand } from '../../study/adapters/discord/study-command.js';
import { runStudyCommand } from '../../study/adapters/discord/study-handler.js';
import { registerSubcommands, type RegisteredCommand } from './registered-command.js';

/**
 * Every command the bot has, in one explicit list: the deploy script registers these definitions and the bot routes
 * to these handlers. Each feature's handlers live in its adapters; this list only puts them together, and lets a
 * moderated study session take a public `/ask` first (an unmoderated one keeps it once answered).
 */
export function createCommandRegistry(speech: Speech): RegisteredCommand[] {
  return [
    ...passageHandlers(speech, { divert: queueModeratedAsk, answered: keepAnsweredAsk }),
    registerSubcommands(studyCommand(speech.paragraphs.length), runStudyCommand, sectionAutocomplete),
  ];
}
