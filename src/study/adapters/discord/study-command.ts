import { ApplicationCommandOptionType, ApplicationCommandType, ChannelType } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../../search/validate-question.js';
import { defineCommand, GUILD_INSTALL, SERVERS_ONLY } from '../../../discord/adapters/command-definition.js';
import { STUDY_COOLDOWN_SECONDS } from '../../study-limits.js';

const SUBCOMMAND = ApplicationCommandOptionType.Subcommand;
const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const prompt = {
  type: STRING,
  name: 'prompt',
  description: 'Your own discussion prompt for this passage',
  max_length: MAX_QUESTION_LENGTH,
} as const;

/** `/study …`: moderated readings in threads. Built from the speech, because the ¶ range is the speech's own. */
export function studyCommand(paragraphs: number) {
  const paragraph = {
    type: INTEGER,
    name: 'paragraph',
    description: `Paragraph number (1–${paragraphs})`,
    required: true,
    min_value: 1,
    max_value: paragraphs,
    autocomplete: true,
  } as const;
  return defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: 'study',
    description: 'Run a study session: read the speech passage by passage in a thread',
    contexts: SERVERS_ONLY,
    integration_types: GUILD_INSTALL,
    options: [
      {
        type: SUBCOMMAND,
        name: 'config',
        description: 'Show or change this server’s study settings (moderators)',
        options: [
          {
            type: ApplicationCommandOptionType.Role,
            name: 'moderator-role',
            description: 'Members with this role run sessions',
          },
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'mod-channel',
            description: 'Where queued questions and the audit log go',
            channel_types: [ChannelType.GuildText],
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'moderated',
            description: 'Send members’ questions in sessions through the moderators',
          },
          {
            type: INTEGER,
            name: 'cooldown',
            description: 'Seconds between two questions of one member in a session',
            min_value: STUDY_COOLDOWN_SECONDS.min,
            max_value: STUDY_COOLDOWN_SECONDS.max,
          },
          {
            type: STRING,
            name: 'blocked-terms',
            description: 'Comma-separated terms that reject a question automatically ("none" clears)',
            max_length: 1000,
          },
          {
            type: STRING,
            name: 'clear',
            description: 'Forget a setting',
            choices: [
              {
                name: 'the moderator role (back to Manage Threads, Manage Server, Administrator)',
                value: 'moderator-role',
              },
              { name: 'the moderators’ channel (sessions then answer questions at once)', value: 'mod-channel' },
            ],
          },
        ],
      },
      {
        type: SUBCOMMAND,
        name: 'start',
        description: 'Open a session thread here and post the first passage (moderators)',
        options: [
          {
            type: STRING,
            name: 'section',
            description: 'The section to read',
            required: true,
            autocomplete: true,
            max_length: 100,
          },
          {
            type: INTEGER,
            name: 'from',
            description: 'Start at this paragraph instead of the section’s first',
            min_value: 1,
            max_value: paragraphs,
            autocomplete: true,
          },
          { type: STRING, name: 'title', description: 'A title for the session', max_length: 80 },
          prompt,
        ],
      },
      { type: SUBCOMMAND, name: 'next', description: 'Post the next passage (moderators)', options: [prompt] },
      { type: SUBCOMMAND, name: 'previous', description: 'Post the previous passage (moderators)', options: [prompt] },
      {
        type: SUBCOMMAND,
        name: 'goto',
        description: 'Post a passage by number (moderators)',
        options: [paragraph, prompt],
      },
      {
        type: SUBCOMMAND,
        name: 'pause',
        description: 'Pause the session: questions are held (moderators)',
        options: [],
      },
      {
        type: SUBCOMMAND,
        name: 'resume',
        description: 'Resume the session: held questions go to the moderators (moderators)',
        options: [],
      },
      {
        type: SUBCOMMAND,
        name: 'end',
        description: 'End the session: post a recap, archive and lock the thread (moderators)',
        options: [],
      },
      {
        type: SUBCOMMAND,
        name: 'status',
        description: 'The passage on the table, the queue, who runs the session',
        options: [],
      },
      {
        type: SUBCOMMAND,
        name: 'map',
        description: 'Where this session’s questions landed: every paragraph, shaded by questions',
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'public',
            description: 'Post it for everyone (moderators)',
          },
        ],
      },
      {
        type: SUBCOMMAND,
        name: 'export',
        description: 'The annotated transcript, as Markdown and HTML files (moderators)',
        options: [],
      },
    ],
  });
}
