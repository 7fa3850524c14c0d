import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsoleLine, type ConsoleContext } from '../../src/console/console-commands.js';
import { PLAIN_STYLE } from '../../src/core/render/render-answer-text.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

describe('the local console', () => {
  let context: ConsoleContext;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const temporary = await temporaryFolder('console');
    remove = temporary.remove;
    const { speech, retriever, manifest } = await openTestIndex(temporary.folder, { dense: false });
    context = { speech, retriever, builtAt: manifest.builtAt, style: PLAIN_STYLE };
  });
  afterAll(async () => remove());

  it('answers a bare question and /ask alike', async () => {
    const bare = await answerConsoleLine('What did he say about encryption?', context);
    expect(bare).toContain('Encryption · ¶28');
    expect(await answerConsoleLine('/ask What did he say about encryption?', context)).toBe(bare);
  });

  it('reads sections and quotes paragraphs, singly and as ranges', async () => {
    expect(await answerConsoleLine('/section terrorism', context)).toMatch(/^Terrorism \(¶17–¶24\)/u);
    expect(await answerConsoleLine('/quote 12', context)).toMatch(/^State Threats · ¶12\n“/u);
    const range = await answerConsoleLine('/quote 3 to 4', context);
    expect(range).toContain('Introduction · ¶3');
    expect(range).toContain('Introduction · ¶4');
  });

  it('shows the speech, its sections and the retrieval mode in /about', async () => {
    const about = await answerConsoleLine('/about', context);
    expect(about).toContain('Director General Ken McCallum, 2021-07-14. 31 paragraphs in 6 sections');
    expect(about).toContain('Retrieval: lexical');
  });

  it('turns mistakes into short messages and /quit into the end', async () => {
    expect(await answerConsoleLine('/quote 0', context)).toBe('Paragraphs are numbered ¶1 to ¶31.');
    expect(await answerConsoleLine('/ask    ', context)).toBe('Ask a question: the text was empty.');
    expect(await answerConsoleLine('/dance', context)).toMatch(/^Unknown command \/dance\./u);
    expect(await answerConsoleLine('/quit', context)).toBeUndefined();
  });
});
