import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageCommandsOf } from '../../src/app/compose.js';
import { LocalConsole } from '../../src/console/console-commands.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

describe('the local console', () => {
  let local: LocalConsole;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const temporary = await temporaryFolder('console');
    remove = temporary.remove;
    local = new LocalConsole(passageCommandsOf(await openTestIndex(temporary.folder, { dense: false })));
  });
  afterAll(async () => remove());

  it('answers a bare question and /ask alike, as the bot would: question, cited passages, buttons', async () => {
    const bare = await local.answer('What did he say about encryption?');
    expect(bare).toMatch(/^\*\*Q:\*\* What did he say about encryption\?/u);
    expect(bare).toContain('**Encryption · ¶28**');
    expect(bare).toContain('— Director General Ken McCallum gives annual threat update 2021 · 14 July 2021');
    expect(bare).toContain('[Whole section: Encryption]');
    expect(await local.answer('/ask What did he say about encryption?')).toBe(bare);
  });

  it('presses the last answer’s buttons by their label', async () => {
    await local.answer('/ask threats from states');
    const more = await local.answer('/more');
    expect(more).toContain('[Previous]');
    expect(more).not.toContain('**Q:**');
  });

  it('reads sections and quotes paragraphs, singly and as ranges', async () => {
    expect(await local.answer('/section terrorism')).toMatch(/^\*\*Terrorism\*\* · ¶17/u);
    expect(await local.answer('/quote 12')).toMatch(/^\*\*State Threats · ¶12\*\*\nThis leads me to misinformation/u);
    const range = await local.answer('/quote 3 to 4');
    expect(range).toContain('Introduction · ¶3');
    expect(range).toContain('Introduction · ¶4');
  });

  it('shows the speech, its sections and the retrieval mode in /about', async () => {
    const about = await local.answer('/about');
    expect(about).toContain('Director General Ken McCallum, 14 July 2021. 31 paragraphs in 6 sections.');
    expect(about).toContain('Conclusion: ¶31 · 1 paragraph');
    expect(about).toContain('Retrieval: Lexical');
  });

  it('turns mistakes into short messages and /quit into the end', async () => {
    expect(await local.answer('/quote 0')).toBe('Paragraphs are numbered ¶1 to ¶31.');
    expect(await local.answer('/quote 1 9')).toMatch(/^A quote can show at most 5 paragraphs/u);
    expect(await local.answer('/ask    ')).toBe('Ask a question: the text was empty.');
    expect(await local.answer('/section nowhere')).toMatch(/^No section is called “nowhere”\.\nThe sections are:/u);
    expect(await local.answer('/dance')).toMatch(/^Unknown command \/dance\./u);
    expect(await local.answer('/quit')).toBeUndefined();
  });
});
