import type { PassageCommands } from '../passages/passage-commands.js';
import type { MessageView } from '../discord/message-view.js';
import { renderViewAsText } from './render-view-text.js';
import { UserFacingError } from '../refusal/user-facing-error.js';
import { renderRefusal } from '../refusal/render-refusal.js';

export const CONSOLE_HELP = [
  'Type a question, or one of:',
  '  /ask QUESTION      the closest passages, quoted with their ¶ numbers',
  '  /section NAME      a whole section (a unique prefix is enough: /section enc)',
  '  /quote N [TO]      paragraphs by number, e.g. /quote 12 or /quote 12 14',
  '  /about             the speech and how this bot answers',
  '  /more, /previous, /next   press the buttons of the last answer',
  '  /quit              leave',
].join('\n');

/** The console's user id in button state: not a Discord user, but shaped like one. */
const CONSOLE_USER = '0';

/**
 * The local console: the same commands and the same views as the Discord bot, rendered as text. It keeps the last
 * view so that its buttons can be pressed by typing their label (`/more`).
 */
export class LocalConsole {
  private lastView: MessageView | undefined;

  constructor(
    private readonly commands: PassageCommands,
    private readonly bold: { open: string; close: string } = { open: '**', close: '**' },
  ) {}

  /** Answers one typed line; `undefined` means the person asked to leave. */
  async answer(line: string): Promise<string | undefined> {
    const [, command = 'ask', rest = ''] = /^\s*\/(\w+)\s*(.*)$/su.exec(line) ?? [undefined, 'ask', line];
    try {
      const views = await this.run(command.toLowerCase(), rest.trim());
      if (views === undefined) return undefined;
      if (typeof views === 'string') return views;
      this.lastView = views.at(-1);
      return views.map((view) => renderViewAsText(view, this.bold)).join('\n\n');
    } catch (error) {
      if (error instanceof UserFacingError) return renderRefusal(error.refusal);
      throw error;
    }
  }

  private async run(command: string, rest: string): Promise<MessageView[] | string | undefined> {
    switch (command) {
      case 'ask':
        return [await this.commands.ask({ question: rest, results: 3, private: false, user: CONSOLE_USER })];
      case 'section':
        return [this.commands.section({ name: rest, user: CONSOLE_USER, private: false }).view];
      case 'quote': {
        const [from, to] = rest.split(/\s+(?:to\s+)?|\s*[-–]\s*/u).map(Number);
        return this.commands.quote({ from: from ?? Number.NaN, to });
      }
      case 'about':
        return [this.commands.about()];
      case 'help':
        return CONSOLE_HELP;
      case 'quit':
      case 'exit':
        return undefined;
      default:
        if (['more', 'previous', 'next'].includes(command))
          return this.press(command) ?? `The last answer has no ${command} page.`;
        return this.press(command) ?? `Unknown command /${command}.\n${CONSOLE_HELP}`;
    }
  }

  private press(label: string): MessageView[] | string | undefined {
    const button = this.lastView?.buttons
      .flat()
      .find((candidate) => candidate.label.toLowerCase().split(/[\s:]/u)[0] === label);
    if (!button) return undefined;
    const outcome = this.commands.button(button.customId, CONSOLE_USER);
    return outcome.action === 'refuse' ? renderRefusal(outcome.refusal) : [outcome.view];
  }
}
