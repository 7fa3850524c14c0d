import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import type { Retriever } from '../../src/search/passage-retriever.js';
import { MAX_QUESTION_LENGTH } from '../../src/search/validate-question.js';
import type { Speech } from '../../src/speech/speech.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { openTestIndex, temporaryFolder } from '../support/test-index.js';

// One suite, run against every implementation: BM25 alone, and BM25 + HNSW with the tiny model through transformers.js.
describe.each([
  { name: 'lexical retriever', dense: false },
  { name: 'hybrid retriever (tiny model)', dense: true },
])('$name', ({ dense }) => {
  let opened: OpenedIndex;
  let retriever: Retriever;
  let speech: Speech;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const temporary = await temporaryFolder('contract');
    remove = temporary.remove;
    opened = await openTestIndex(temporary.folder, { dense });
    ({ retriever, speech } = opened);
  });
  afterAll(async () => {
    await opened.embedder?.dispose();
    await remove();
  });

  const refusal = async (question: string, options = {}) => {
    const error = await retriever.ask(question, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    return error as UserFacingError;
  };

  it('reports its mode', () => {
    expect(retriever.mode).toBe(dense ? 'hybrid' : 'lexical');
  });

  it('quotes whole paragraphs verbatim, with a highlight that is a slice of the paragraph', async () => {
    const answer = await retriever.ask('How do the threats from states and terrorists affect the public?', {
      limit: 5,
    });
    expect(answer.passages).toHaveLength(5);
    for (const passage of answer.passages) {
      const paragraph = speech.paragraphs[passage.paragraph.number - 1];
      expect(passage.paragraph.text).toBe(paragraph?.text);
      expect(passage.highlight.text).toBe(passage.paragraph.text.slice(passage.highlight.start, passage.highlight.end));
      expect(passage.highlight.text.length).toBeGreaterThan(0);
      expect(passage.section.id).toBe(paragraph?.sectionId);
      expect(passage.id).toBe(paragraph?.id);
    }
  });

  it('ranks distinct paragraphs with scores in [0, 1], best first', async () => {
    const answer = await retriever.ask('Russia China cyber espionage', { limit: 10 });
    const scores = answer.passages.map((passage) => passage.score);
    expect(new Set(answer.passages.map((passage) => passage.id)).size).toBe(answer.passages.length);
    expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers a question about encryption from the Encryption section, confidently', async () => {
    const answer = await retriever.ask('What did he say about encryption?');
    expect(answer.confident).toBe(true);
    expect(answer.passages[0]?.section.name).toBe('Encryption');
  });

  it('returns three passages by default and at most the number asked for', async () => {
    expect((await retriever.ask('terrorism')).passages).toHaveLength(3);
    expect((await retriever.ask('terrorism', { limit: 1 })).passages).toHaveLength(1);
  });

  it.each([1, 3, 5, 10])('returns exactly %i passages however few words match, confident ones first', async (limit) => {
    for (const question of [
      'Christopher Andrew',
      'What did he say about Vernon Kell?',
      'What is the capital of France?',
      'encyption',
    ]) {
      const answer = await retriever.ask(question, { limit });
      expect(answer.passages, question).toHaveLength(limit);
      const flags = answer.passages.map((passage) => passage.confident);
      expect(flags, question).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      expect(answer.confident).toBe(flags[0]);
    }
  });

  it('fills an answer nothing matches, in a section of one paragraph too', async () => {
    const conclusion = speech.sections.at(-1);
    expect((await retriever.ask('xylophone', { limit: 3, sectionId: conclusion?.id ?? '' })).passages).toHaveLength(1);
    expect((await retriever.ask('xylophone', { limit: 3, sectionId: 'encryption' })).passages).toHaveLength(3);
  });

  it.each(['What does he say about cooking?', 'opera', 'jazz'])(
    'is not confident on synonyms or near-miss spellings alone: %j',
    async (question) => {
      expect((await retriever.ask(question)).confident).toBe(false);
    },
  );

  it('returns every paragraph of a section smaller than the number asked, and no more', async () => {
    const conclusion = speech.sections.at(-1);
    const answer = await retriever.ask('threats', { limit: 5, sectionId: conclusion?.id ?? '' });
    expect(answer.passages.map((passage) => passage.paragraph.number)).toEqual([conclusion?.lastParagraph]);
    const encryption = await retriever.ask('Russia', { limit: 10, sectionId: 'encryption' });
    expect(encryption.passages).toHaveLength(3);
  });

  it('marks a question about the structure confident at the paragraph it points to', async () => {
    const answer = await retriever.ask('What does he finish on?');
    expect(answer.passages.map((passage) => passage.paragraph.number)).toEqual([31, 30, 29]);
    expect(answer.confident).toBe(true);
    expect(answer.passages.slice(1).every((passage) => !passage.confident)).toBe(true);
  });

  it('restricts results to one section when asked', async () => {
    const answer = await retriever.ask('threats to the UK', { limit: 10, sectionId: 'terrorism' });
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.every((passage) => passage.section.id === 'terrorism')).toBe(true);
  });

  it('gives the same answer to the same question', async () => {
    const first = await retriever.ask('How does MI5 work with the police?');
    const second = await retriever.ask('How does MI5 work with the police?');
    expect(second).toEqual(first);
  });

  it.each(['What is the capital of France?', 'How do I bake bread?', 'Who won the 2018 World Cup?'])(
    'is not confident for the off-topic question %j',
    async (question) => {
      expect((await retriever.ask(question)).confident).toBe(false);
    },
  );

  it('refuses an empty or whitespace-only question', async () => {
    expect((await refusal('')).code).toBe('question-empty');
    expect((await refusal(' \u00a0\t\n ')).code).toBe('question-empty');
  });

  it(`refuses a question over ${MAX_QUESTION_LENGTH} characters and says so, and accepts one of exactly ${MAX_QUESTION_LENGTH}`, async () => {
    // One character over the limit, and nothing for the trim to take off (it ends "…encx").
    const tooLong = `${'encryption '.repeat(30).slice(0, MAX_QUESTION_LENGTH)}x`;
    expect(tooLong.trim()).toHaveLength(MAX_QUESTION_LENGTH + 1);
    const error = await refusal(tooLong);
    expect(error.code).toBe('question-too-long');
    expect(renderRefusal(error.refusal)).toContain(
      `is ${MAX_QUESTION_LENGTH + 1} characters long; the limit is ${MAX_QUESTION_LENGTH}.`,
    );
    const longest = 'e'.repeat(MAX_QUESTION_LENGTH);
    expect(longest).toHaveLength(MAX_QUESTION_LENGTH);
    await expect(retriever.ask(longest)).resolves.toBeDefined();
  });

  it('refuses punctuation-only and emoji-only questions', async () => {
    expect((await refusal('?!… — ***')).code).toBe('question-without-words');
    expect((await refusal('🕵️‍♂️🔐💣')).code).toBe('question-without-words');
  });

  it('answers a question in another language sanely, without confidence', async () => {
    const answer = await retriever.ask('¿Qué dijo sobre el cifrado de extremo a extremo?');
    expect(answer.confident).toBe(false);
    expect(answer.passages.length).toBeLessThanOrEqual(3);
  });

  it('ignores markdown and mention syntax when matching, and keeps the question as asked', async () => {
    const question = '**What** about `encryption`? @everyone <@123456789012345678> <@&42>';
    const answer = await retriever.ask(question);
    expect(answer.question).toBe(question);
    expect(answer.passages[0]?.section.name).toBe('Encryption');
  });

  it('refuses an out-of-range number of results or an unknown section', async () => {
    expect((await refusal('terrorism', { limit: 0 })).code).toBe('results-out-of-range');
    expect((await refusal('terrorism', { limit: 11 })).code).toBe('results-out-of-range');
    expect((await refusal('terrorism', { sectionId: 'weather' })).code).toBe('unknown-section');
  });
});
