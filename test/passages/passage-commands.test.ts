import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import type { PassageCommands } from '../../src/passages/passage-commands.js';
import { passageCommandsOf } from '../../src/app/compose.js';
import { decodeButtonState, encodeButtonState, speechTag } from '../../src/discord/custom-ids.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

const ALICE = '111111111111111111';
const BOB = '222222222222222222';
const label = (view: MessageView, text: string) =>
  view.buttons.flat().find((button) => button.label.startsWith(text))?.customId ?? '';

describe('the reference commands’ decisions', () => {
  let commands: PassageCommands;
  let tag: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const temporary = await temporaryFolder('commands');
    remove = temporary.remove;
    const opened = await openTestIndex(temporary.folder, { dense: false });
    tag = speechTag(opened.manifest.source.sha256);
    commands = passageCommandsOf(opened);
  });
  afterAll(async () => remove());

  const publicAnswer = () =>
    commands.ask({ question: 'How do hostile states threaten the UK?', results: 2, private: false, user: ALICE });

  it('pages its owner’s public answer in place, and the pages join up', async () => {
    const first = await publicAnswer();
    const more = commands.button(label(first, 'More'), ALICE);
    expect(more.action).toBe('update');
    if (more.action !== 'update') return;
    const shown = [...first.embeds, ...more.view.embeds].map((embed) => embed.title);
    expect(new Set(shown).size).toBe(4);
    const back = commands.button(label(more.view, 'Previous'), ALICE);
    expect(back.action === 'update' && back.view.embeds.map((embed) => embed.title)).toEqual(
      first.embeds.map((embed) => embed.title),
    );
  });

  it('gives someone else a private copy of a public answer’s next page, leaving the original alone', async () => {
    const outcome = commands.button(label(await publicAnswer(), 'More'), BOB);
    expect(outcome).toMatchObject({ action: 'reply', private: true });
    if (outcome.action !== 'reply') return;
    expect(decodeButtonState(label(outcome.view, 'Previous'))).toMatchObject({ owner: BOB, private: true });
  });

  it('refuses anyone but the asker on a private answer', async () => {
    const first = await commands.ask({
      question: 'How do hostile states threaten the UK?',
      results: 2,
      private: true,
      user: ALICE,
    });
    const refused = commands.button(label(first, 'More'), BOB);
    expect(refused).toEqual({ action: 'refuse', refusal: { code: 'not-yours' } });
    expect(refused.action === 'refuse' && renderRefusal(refused.refusal)).toBe(
      'Only the person who asked can use these buttons.',
    );
    expect(commands.button(label(first, 'More'), ALICE).action).toBe('update');
  });

  it('quotes the first passage publicly from a private answer', async () => {
    const first = await commands.ask({ question: 'encryption', results: 1, private: true, user: ALICE });
    const outcome = commands.button(label(first, 'Quote ¶'), BOB);
    expect(outcome).toMatchObject({ action: 'reply', private: false });
  });

  it('refuses tampered buttons and buttons made for another text', async () => {
    expect(commands.button('a1.1.0.0.3.zzzz.0101', ALICE).action).toBe('refuse');
    expect(commands.button(encodeButtonState({ kind: 'quote', paragraph: 99, speech: tag }), ALICE)).toMatchObject({
      action: 'refuse',
    });
    const outdated = encodeButtonState({ kind: 'quote', paragraph: 3, speech: tag === 'aaaa' ? 'bbbb' : 'aaaa' });
    const refused = commands.button(outdated, ALICE);
    expect(refused).toMatchObject({ action: 'refuse' });
    expect(refused.action === 'refuse' && renderRefusal(refused.refusal)).toContain('older version');
  });

  it('opens the whole section privately for whoever presses, leaving the answer alone', async () => {
    const outcome = commands.button(label(await publicAnswer(), 'Whole section'), BOB);
    expect(outcome).toMatchObject({ action: 'reply', private: true });
    expect(outcome.action === 'reply' && outcome.view.content).toMatch(/^\*\*State Threats\*\*/u);
  });

  it('goes back to exactly the page before, even when long passages made pages short', async () => {
    const first = await commands.ask({
      question: 'How do hostile states threaten the UK?',
      results: 5,
      private: false,
      user: ALICE,
    });
    const more = commands.button(label(first, 'More'), ALICE);
    if (more.action !== 'update') throw new Error('no second page');
    const back = commands.button(label(more.view, 'Previous'), ALICE);
    expect(back.action === 'update' && back.view.embeds.map((embed) => embed.title)).toEqual(
      first.embeds.map((embed) => embed.title),
    );
  });

  it('answers an unknown section with the list of sections, privately', () => {
    const { view, private: isPrivate } = commands.section({ name: 'weather', user: ALICE, private: false });
    expect(isPrivate).toBe(true);
    expect(view.content).toContain('State Threats');
  });
});
