import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { readOptionValues, type GivenOption } from '../../src/discord/adapters/command-definition.js';
import { askCommand } from '../../src/passages/adapters/reference-commands.js';
import { studyCommand } from '../../src/study/adapters/discord/study-command.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';

const { String: STRING, Integer: INTEGER, Boolean: BOOLEAN } = ApplicationCommandOptionType;
const given =
  (options: Record<string, GivenOption>) =>
  (name: string): GivenOption | null =>
    options[name] ?? null;
const read = (options: Record<string, GivenOption>) => readOptionValues(given(options), askCommand.options);
const refusal = (options: Record<string, GivenOption>) => {
  try {
    read(options);
  } catch (error) {
    return error instanceof UserFacingError ? error.code : error;
  }
  return 'read';
};

describe('readOptionValues', () => {
  it('reads each declared option by its type, and leaves an absent optional one undefined', () => {
    expect(
      read({
        question: { type: STRING, value: 'Why?' },
        results: { type: INTEGER, value: 2 },
        private: { type: BOOLEAN, value: true },
      }),
    ).toEqual({
      question: 'Why?',
      results: 2,
      section: undefined,
      private: true,
    });
    expect(read({ question: { type: STRING, value: 'Why?' }, results: { type: INTEGER, value: null } })).toEqual({
      question: 'Why?',
      results: undefined,
      section: undefined,
      private: undefined,
    });
  });

  it('ignores options the definition does not declare', () => {
    expect(
      read({ question: { type: STRING, value: 'Why?' }, colour: { type: STRING, value: 'red' } }),
    ).not.toHaveProperty('colour');
  });

  it('refuses as a stale command a required option that is missing or empty', () => {
    expect(refusal({})).toBe('stale-command');
    expect(refusal({ question: { type: STRING, value: null } })).toBe('stale-command');
  });

  it('refuses as a stale command an option of another type than declared, by its declared type or by its value', () => {
    expect(refusal({ question: { type: STRING, value: 'Why?' }, results: { type: STRING, value: 'three' } })).toBe(
      'stale-command',
    );
    expect(refusal({ question: { type: STRING, value: 'Why?' }, results: { type: INTEGER, value: '3' } })).toBe(
      'stale-command',
    );
    expect(refusal({ question: { type: STRING, value: 'Why?' }, private: { type: BOOLEAN, value: 1 } })).toBe(
      'stale-command',
    );
    expect(refusal({ question: { type: INTEGER, value: 12 } })).toBe('stale-command');
    expect(refusal({ question: { type: STRING, value: 'Why?' }, results: { type: INTEGER, value: 1.5 } })).toBe(
      'stale-command',
    );
  });

  it('accepts only the declared choices of an option that has them', () => {
    const clear = studyCommand(31)
      .options.find((option) => option.name === 'config')
      ?.options.find((option) => option.name === 'clear');
    if (!clear) throw new Error('no clear option');
    const readClear = (value: string) => readOptionValues(given({ clear: { type: STRING, value } }), [clear]);
    expect(readClear('mod-channel')).toEqual({ clear: 'mod-channel' });
    expect(() => readClear('everything')).toThrow(UserFacingError);
  });
});
