import { DISCORD_LIMITS } from '../discord/discord-limits.js';
import { COLORS, type EmbedView, type MessageView } from '../discord/message-view.js';
import { describeRetrievalMode } from '../passages/views/describe-retrieval-mode.js';
import type { RetrievalMode } from '../search/passage-retriever.js';

/** One line of the overview: how a command is called, what it does, and an example. */
export interface HelpEntry {
  readonly group: 'reading' | 'message' | 'study';
  /** `/ask`, `/study start`, or a message command's name. */
  readonly usage: string;
  readonly description: string;
  readonly example: string;
}

export interface HelpInput {
  readonly entries: readonly HelpEntry[];
  readonly speechTitle: string;
  readonly speechUrl: string;
  readonly mode: RetrievalMode;
}

const GROUPS: ReadonlyArray<{ readonly group: HelpEntry['group']; readonly title: string; readonly intro: string }> = [
  { group: 'reading', title: 'Reading the speech', intro: 'Anywhere: servers, DMs and group DMs.' },
  { group: 'message', title: 'On any message', intro: 'Right-click or long-press a message → *Apps*.' },
  {
    group: 'study',
    title: 'Study sessions',
    intro: 'In servers that installed the app; most need a moderator. Questions in a session’s thread use `/ask`.',
  },
];

/**
 * `/help`: every command, message command and study command with one example each, the retrieval mode in use and
 * the links to the speech. One embed per group keeps each within Discord's limits.
 */
export function renderHelp(input: HelpInput): MessageView {
  const embeds: EmbedView[] = GROUPS.map(({ group, title, intro }) => ({
    title,
    description: [
      intro,
      '',
      ...input.entries
        .filter((entry) => entry.group === group)
        .map((entry) => `**${entry.usage}** — ${entry.description}\n↳ \`${entry.example}\``),
    ]
      .join('\n')
      .slice(0, DISCORD_LIMITS.embedDescription),
    color: COLORS.notice,
  }));
  embeds.push({
    title: 'About these answers',
    description: [
      `Retrieval: ${describeRetrievalMode(input.mode)}`,
      `The speech: [${input.speechTitle}](${input.speechUrl}) (as published), or \`/about\` and \`/section\` to read it here.`,
      'Every quote is the speech’s own words; nothing is paraphrased.',
    ].join('\n'),
    color: COLORS.notice,
  });
  return { embeds, buttons: [] };
}
