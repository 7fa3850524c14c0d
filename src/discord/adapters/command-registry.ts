import type { Speech } from '../../speech/speech.js';
import { passageHandlers, referenceAutocomplete } from '../../passages/adapters/passage-handlers.js';
import { askTheSpeechHandler } from '../../passages/adapters/ask-the-speech.js';
import { helpHandler } from '../../help/adapters/help-command.js';
import { checkQuoteHandler } from '../../quote-check/adapters/check-quote-command.js';
import { keepAnsweredAsk, queueModeratedAsk } from '../../study/adapters/discord/queue-moderated-ask.js';
import { studyCommand } from '../../study/adapters/discord/study-command.js';
import { runStudyCommand } from '../../study/adapters/discord/study-handler.js';
import { registerSubcommands, type AnyRegisteredCommand } from './registered-command.js';

/**
 * Every command the bot has, in one explicit list: the deploy script registers these definitions and the bot routes
 * to these handlers. Each feature's handlers live in its adapters; this list only puts them together, and lets a
 * moderated study session take a public `/ask` first (an unmoderated one keeps it once answered). `/help` reads the
 * same list, so it lists exactly what is registered.
 */
export function createCommandRegistry(speech: Speech): AnyRegisteredCommand[] {
  const registry: AnyRegisteredCommand[] = [
    ...passageHandlers(speech, { divert: queueModeratedAsk, answered: keepAnsweredAsk }),
    helpHandler(() => registry.map((entry) => entry.definition)),
    checkQuoteHandler(speech),
    askTheSpeechHandler(),
    registerSubcommands(studyCommand(speech.paragraphs.length), runStudyCommand, referenceAutocomplete),
  ];
  return registry;
}
