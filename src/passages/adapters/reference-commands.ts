import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../search/validate-question.js';
import { ANY_CONTEXT, defineCommand, GUILD_OR_USER_INSTALL } from '../../discord/adapters/command-definition.js';

const CHAT = ApplicationCommandType.ChatInput;
const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const BOOLEAN = ApplicationCommandOptionType.Boolean;

export const askCommand = defineCommand({
  type: CHAT,
  name: 'ask',
  description: 'Ask about the speech: the closest passages, quoted verbatim with section and ¶ number',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
  options: [
    { type: STRING, name: 'question', description: 'Your question', required: true, max_length: MAX_QUESTION_LENGTH },
    {
      type: INTEGER,
      name: 'results',
      description: 'How many passages to show (1–5, default 3)',
      min_value: 1,
      max_value: 5,
    },
    { type: STRING, name: 'section', description: 'Only search this section', autocomplete: true, max_length: 100 },
    { type: BOOLEAN, name: 'private', description: 'Answer only to you' },
  ],
});

export const sectionCommand = defineCommand({
  type: CHAT,
  name: 'section',
  description: 'Read a whole section of the speech, paragraph by paragraph',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
  options: [
    { type: STRING, name: 'name', description: 'The section', required: true, autocomplete: true, max_length: 100 },
    { type: BOOLEAN, name: 'private', description: 'Show it only to you' },
  ],
});

/** Built from the speech, because the ¶ range is the speech's own. */
export function quoteCommand(paragraphs: number) {
  return defineCommand({
    type: CHAT,
    name: 'quote',
    description: 'Quote paragraphs of the speech by number, verbatim',
    contexts: ANY_CONTEXT,
    integration_types: GUILD_OR_USER_INSTALL,
    options: [
      {
        type: INTEGER,
        name: 'paragraph',
        description: `Paragraph number (1–${paragraphs})`,
        required: true,
        min_value: 1,
        max_value: paragraphs,
        autocomplete: true,
      },
      {
        type: INTEGER,
        name: 'to',
        description: 'Last paragraph, for a range of up to 5',
        min_value: 1,
        max_value: paragraphs,
        autocomplete: true,
      },
    ],
  });
}

export const aboutCommand = defineCommand({
  type: CHAT,
  name: 'about',
  description: 'About the speech and this bot',
  contexts: ANY_CONTEXT,
  integration_types: GUILD_OR_USER_INSTALL,
  options: [],
});
