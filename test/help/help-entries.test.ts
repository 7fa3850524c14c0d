import { ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../src/discord/adapters/command-registry.js';
import { helpEntriesOf } from '../../src/help/adapters/help-command.js';
import { renderHelp } from '../../src/help/render-help.js';
import { embedLength } from '../../src/discord/message-view.js';
import { readSpeech } from '../../src/app/read-speech.js';

describe('/help', () => {
  it('has an entry with an example for every registered command, message command and study subcommand', async () => {
    const definitions = createCommandRegistry(await readSpeech()).map((entry) => entry.definition);
    const entries = helpEntriesOf(definitions);
    expect(entries.map((entry) => entry.usage)).toEqual([
      '/ask',
      '/section',
      '/quote',
      '/about',
      '/help',
      'Check quote',
      'Ask the speech',
      ...['config', 'start', 'next', 'previous', 'goto', 'pause', 'resume', 'end', 'status', 'map', 'export'].map(
        (sub) => `/study ${sub}`,
      ),
    ]);
    for (const entry of entries) expect(entry.example).not.toBe('');
    const view = renderHelp({ entries, speechTitle: 'The speech', speechUrl: 'https://example.org', mode: 'lexical' });
    expect(view.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    for (const embed of view.embeds) expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
  });

  it('refuses to list a command nobody wrote an example for, so that one cannot be forgotten', () => {
    const unknown = {
      type: ApplicationCommandType.ChatInput,
      name: 'new',
      description: 'x',
      options: [],
      contexts: [0],
      integration_types: [0],
    } as const;
    expect(() => helpEntriesOf([unknown])).toThrow('no /help text for "new"');
  });
});
