import type { Section, Speech } from '../speech/speech.js';
import { simplifyName } from '../speech/match-section.js';

/** Where in a speech or section a question points: its beginning or its end. */
export type Position = 'first' | 'last';

/** The paragraphs a question about the speech's structure asks for, best first. */
export interface StructuralReference {
  /** ¶ numbers, best first. */
  readonly paragraphs: readonly number[];
  /** Those that answer the question as asked (the opening itself, every paragraph of a named part). */
  readonly answering: readonly number[];
  /** True when the paragraphs form a part to be ordered by the question's other words (a section named alone). */
  readonly orderByContent: boolean;
}

// Words about speeches in general, not this one: where a talk begins and ends, its parts and its plan.
const FIRST = new Set([
  'opening',
  'open',
  'opens',
  'beginning',
  'begin',
  'begins',
  'start',
  'starts',
  'starting',
  'first',
  'outset',
  'introduction',
  'intro',
  'introductory',
]);
const LAST = new Set([
  'end',
  'ends',
  'ending',
  'finish',
  'finishes',
  'finishing',
  'final',
  'finally',
  'last',
  'close',
  'closes',
  'closing',
  'conclusion',
  'conclude',
  'concludes',
  'concluding',
  'wrap',
  'wraps',
]);
const PART_NOUNS = new Set(['section', 'sections', 'part', 'parts', 'portion', 'chapter', 'bit', 'segment']);
const UNIT_NOUNS = new Set([
  'paragraph',
  'paragraphs',
  'passage',
  'passages',
  'words',
  'remarks',
  'sentence',
  'sentences',
  'lines',
  'line',
  'point',
  'points',
  'thoughts',
  'thought',
  'topic',
  'note',
  'message',
  ...PART_NOUNS,
]);
const PLAN_NOUNS = new Set(['agenda', 'topics', 'subjects', 'themes', 'overview', 'outline', 'roadmap', 'structure']);
const WHOLE = new Set(['speech', 'address', 'talk', 'update', 'lecture']);
// Who or what begins and ends: the speaker or the talk ("does he finish", "how does the section end"), never "they".
const SUBJECTS = new Set(['he', 'she', 'speaker', ...WHOLE, ...PART_NOUNS]);
const SPEAKER = new Set(['he', 'she', 'his', 'her', 'speaker', ...WHOLE]);
const PREPOSITIONS = new Set(['on', 'about', 'of', 'covering', 'concerning', 'regarding', 'dealing', 'with']);
const ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'this', 'that']);
const VERB_OBJECTS = new Set(['with', 'on', 'by']);
const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'this', 'that']);
const POSITION_NOUNS = new Set([
  'opening',
  'beginning',
  'start',
  'outset',
  'introduction',
  'intro',
  'end',
  'ending',
  'finish',
  'close',
  'conclusion',
]);

function words(text: string): string[] {
  return simplifyName(text)
    .split(' ')
    .filter((word) => word.length > 0);
}

/** A position word used about the talk: "closing remarks", "the end", "does he finish", "start with". */
function positionOf(tokens: readonly string[]): Position | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    const word = tokens[index] ?? '';
    const position: Position | undefined = FIRST.has(word) ? 'first' : LAST.has(word) ? 'last' : undefined;
    if (!position) continue;
    const before = tokens[index - 1] ?? '';
    const after = tokens[index + 1] ?? '';
    // "end to end" (encryption) is no position.
    if (word === 'end' && (after === 'to' || before === 'to')) continue;
    // "of" must lead to the talk or a part of it: "the end of the speech", not "the start of the pandemic".
    const ofWhat = tokens.slice(index + 2).find((token) => !ARTICLES.has(token)) ?? '';
    const ofTheTalk = after === 'of' && (WHOLE.has(ofWhat) || PART_NOUNS.has(ofWhat));
    if (UNIT_NOUNS.has(after) || ofTheTalk) return position;
    if (POSITION_NOUNS.has(word) && DETERMINERS.has(before) && after !== 'of') return position;
    const verb = !['first', 'last', 'final', 'finally'].includes(word);
    const subject =
      SUBJECTS.has(before) || (before === 'it' && ['does', 'did', 'do'].includes(tokens[index - 2] ?? ''));
    if (verb && (subject || VERB_OBJECTS.has(after) || (word.startsWith('wrap') && after === 'up'))) return position;
  }
  return undefined;
}

/** Whether a question's word names a word of a heading: the word itself, or a prefix of it of 5 letters or more. */
function namesHeadingWord(token: string, heading: readonly string[]): boolean {
  return heading.some((word) => word === token || (token.length >= 5 && word.startsWith(token)));
}

/**
 * Sections the question names next to a word for a part: after it ("the part on encryption", "the section about
 * terrorism") or just before it ("the state threats section"), by a distinctive word of the heading.
 */
function namedSections(tokens: readonly string[], sections: readonly Section[]): Section[] {
  const near = new Set<string>();
  tokens.forEach((token, index) => {
    if (!PART_NOUNS.has(token)) return;
    const following = PREPOSITIONS.has(tokens[index + 1] ?? '') ? tokens.slice(index + 2, index + 6) : [];
    for (const word of [...following, ...tokens.slice(Math.max(0, index - 3), index)]) near.add(word);
  });
  const matches = sections.filter((section) => {
    const heading = words(section.name).filter((word) => word.length > 3);
    return [...near].some((token) => namesHeadingWord(token, heading));
  });
  return matches.length < sections.length ? matches : [];
}

/** The paragraph that lays out the speech's plan: the first section's paragraph naming the most later headings. */
function planParagraph(speech: Speech): number | undefined {
  const [opening, ...rest] = speech.sections;
  if (!opening) return undefined;
  const headingWords = rest.map((section) => new Set(words(section.name).filter((word) => word.length > 3)));
  let best: { number: number; named: number } | undefined;
  for (let number = opening.firstParagraph; number <= opening.lastParagraph; number += 1) {
    const text = new Set(words(speech.paragraphs[number - 1]?.text ?? ''));
    const named = headingWords.filter((heading) => [...heading].some((word) => text.has(word))).length;
    if (!best || named >= best.named) best = { number, named };
  }
  return best?.number;
}

function range(from: number, to: number): number[] {
  const step = from <= to ? 1 : -1;
  const numbers: number[] = [];
  for (let number = from; step > 0 ? number <= to : number >= to; number += step) numbers.push(number);
  return numbers;
}

/** "after the introduction", "before concluding": the part next to the one named. */
function relationOf(tokens: readonly string[]): 'after' | 'before' | undefined {
  const index = tokens.findIndex((token) => token === 'after' || token === 'before');
  if (index < 0) return undefined;
  const next = tokens.slice(index + 1, index + 5);
  const points = next.some((token) => FIRST.has(token) || LAST.has(token) || PART_NOUNS.has(token));
  return points ? (tokens[index] as 'after' | 'before') : undefined;
}

/** The section next to `section` in the direction of `relation`, or `section` itself without one. */
function neighbour(
  speech: Speech,
  section: Section | undefined,
  relation: 'after' | 'before' | undefined,
): Section | undefined {
  if (!section || !relation) return section;
  return speech.sections[section.number - 1 + (relation === 'after' ? 1 : -1)] ?? section;
}

/**
 * Recognises a question about the speech's structure — its opening or end, a named part, the part after or before
 * another, its plan — and returns the paragraphs it points to, from the parsed structure alone, so the rule holds for
 * any speech of this format. Within a section (`within`, the scope of `/ask section:`), the opening and the end are
 * that section's. `undefined` for a question about content.
 */
export function findStructuralReference(
  question: string,
  speech: Speech,
  within?: Section,
): StructuralReference | undefined {
  const tokens = words(question);
  const relation = relationOf(tokens);
  const named = namedSections(tokens, speech.sections);
  const reference = (paragraphs: number[], answering: number[], orderByContent = false): StructuralReference => ({
    paragraphs,
    answering,
    orderByContent,
  });
  const whole = (section: Section | undefined, position: Position | undefined) =>
    section === undefined
      ? []
      : position === 'last'
        ? range(section.lastParagraph, section.firstParagraph)
        : range(section.firstParagraph, section.lastParagraph);
  // A plan word about the talk ("the topics he covers", "an overview of the speech"), not "topics extremists discuss".
  if (
    tokens.some((token) => PLAN_NOUNS.has(token)) &&
    tokens.some((token) => SPEAKER.has(token)) &&
    named.length === 0
  ) {
    const plan = planParagraph(speech);
    if (plan !== undefined) return reference([plan], [plan]);
  }
  const position = positionOf(tokens);
  if (named.length > 0) {
    if (relation) {
      const next = neighbour(speech, relation === 'after' ? named.at(-1) : named[0], relation);
      const paragraphs = whole(next, undefined);
      return reference(paragraphs, paragraphs.slice(0, 1));
    }
    const paragraphs = named.flatMap((section) => whole(section, position));
    return position ? reference(paragraphs, paragraphs.slice(0, 1)) : reference(paragraphs, paragraphs, true);
  }
  if (!position) return undefined;
  const end = within ?? (position === 'first' ? speech.sections[0] : speech.sections.at(-1));
  if (relation && !within && (relation === 'after') === (position === 'first')) {
    const paragraphs = whole(neighbour(speech, end, relation), undefined);
    return reference(paragraphs, paragraphs.slice(0, 1));
  }
  // The speech's opening or end, then the paragraphs nearest it: the context of a last paragraph is the one before.
  const all = within
    ? whole(within, position)
    : position === 'first'
      ? range(1, speech.paragraphs.length)
      : range(speech.paragraphs.length, 1);
  return reference(all, all.slice(0, 1));
}
