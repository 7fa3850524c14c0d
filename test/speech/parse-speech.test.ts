import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import { describe, expect, it } from 'vitest';
import { findSection } from '../../src/speech/find-section.js';
import { parseSpeech, SpeechFormatError } from '../../src/speech/parse-speech.js';
import type { Speech } from '../../src/speech/speech.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';

const read = (relative: string): string => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

const REAL_PAGE = read('../../embeddings/source/mi5-dg-annual-threat-update-2021.txt');
const SECOND_PAGE = read('../fixtures/second-page.txt');
const real = parseSpeech(REAL_PAGE);
const second = parseSpeech(SECOND_PAGE);

/** Runs `action` and returns what it threw; fails the test if it did not throw. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function expectFormatError(page: string, code: SpeechFormatError['code']): void {
  const error = thrownBy(() => parseSpeech(page));
  expect(error).toBeInstanceOf(SpeechFormatError);
  expect(error).toMatchObject({ code });
}

function expectUserFacingError(action: () => unknown, code: UserFacingError['code']): UserFacingError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(UserFacingError);
  expect(error).toMatchObject({ code });
  return error as UserFacingError;
}

/** Replaces exactly one line of a page (matched without its line ending); fails loudly if the line is not there. */
function editLine(page: string, line: string, replacement: string | null): string {
  const lines = page.split('\n');
  const at = lines.findIndex((candidate) => candidate.replace(/\r$/u, '') === line);
  if (at < 0) throw new Error(`fixture has no line "${line}"`);
  if (replacement === null) lines.splice(at, 1);
  else lines.splice(at, 1, replacement);
  return lines.join('\n');
}

const paragraphsOf = (speech: Speech, sectionId: string) =>
  speech.paragraphs.filter((paragraph) => paragraph.sectionId === sectionId);

describe.each([
  { page: 'the real speech', speech: real, source: REAL_PAGE, paragraphCount: 31, perSection: [5, 11, 8, 3, 3, 1] },
  { page: 'the second page', speech: second, source: SECOND_PAGE, paragraphCount: 9, perSection: [3, 4, 2] },
])('structure of $page', ({ speech, source, paragraphCount, perSection }) => {
  it(`numbers its ${paragraphCount} paragraphs 1…${paragraphCount} without gaps`, () => {
    expect(speech.paragraphs.map((paragraph) => paragraph.number)).toEqual(
      Array.from({ length: paragraphCount }, (_, i) => i + 1),
    );
  });

  it('numbers sections 1…n in order and gives each the expected number of paragraphs', () => {
    expect(speech.sections.map((section) => section.number)).toEqual(perSection.map((_, i) => i + 1));
    expect(speech.sections.map((section) => paragraphsOf(speech, section.id).length)).toEqual(perSection);
  });

  it('restarts numberInSection at 1 in every section and counts up without gaps', () => {
    for (const section of speech.sections) {
      const inSection = paragraphsOf(speech, section.id);
      expect(inSection.map((paragraph) => paragraph.numberInSection)).toEqual(inSection.map((_, i) => i + 1));
    }
  });

  it('gives sections first/last ¶ ranges that tile the whole speech and match their paragraphs', () => {
    let next = 1;
    for (const section of speech.sections) {
      expect(section.firstParagraph).toBe(next);
      expect(section.lastParagraph).toBeGreaterThanOrEqual(section.firstParagraph);
      const inRange = speech.paragraphs.slice(section.firstParagraph - 1, section.lastParagraph);
      expect(inRange.every((paragraph) => paragraph.sectionId === section.id)).toBe(true);
      next = section.lastParagraph + 1;
    }
    expect(next - 1).toBe(paragraphCount);
  });

  it('gives every paragraph a unique id of the form <section id>-<number in section>', () => {
    const sectionIds = new Set(speech.sections.map((section) => section.id));
    for (const paragraph of speech.paragraphs) {
      expect(sectionIds.has(paragraph.sectionId)).toBe(true);
      expect(paragraph.id).toBe(`${paragraph.sectionId}-${paragraph.numberInSection}`);
    }
    expect(new Set(speech.paragraphs.map((paragraph) => paragraph.id)).size).toBe(paragraphCount);
  });

  it('gives sections unique slug ids made of lowercase letters, digits and hyphens', () => {
    const ids = speech.sections.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it('produces the same ids when the same page is parsed again', () => {
    const again = parseSpeech(source);
    expect(again.paragraphs.map((paragraph) => paragraph.id)).toEqual(
      speech.paragraphs.map((paragraph) => paragraph.id),
    );
    expect(again.sections.map((section) => section.id)).toEqual(speech.sections.map((section) => section.id));
    expect(again).toEqual(speech);
  });

  it('keeps the web summary as metadata and never as a paragraph', () => {
    expect(speech.summary).toHaveLength(2);
    const texts = new Set(speech.paragraphs.map((paragraph) => paragraph.text));
    for (const line of speech.summary) {
      expect(texts.has(line)).toBe(false);
      for (const paragraph of speech.paragraphs) expect(paragraph.text).not.toContain(line.slice(0, 40));
    }
  });

  it('gives every paragraph at least one sentence', () => {
    for (const paragraph of speech.paragraphs) expect(paragraph.sentences.length).toBeGreaterThan(0);
  });
});

describe('parseSpeech on the real speech (MI5 DG annual threat update, 14 July 2021)', () => {
  it('reads the title, the speaker and the ISO date', () => {
    expect(real.title).toBe('Director General Ken McCallum gives annual threat update 2021');
    expect(real.speaker).toBe('Director General Ken McCallum');
    expect(real.date).toBe('2021-07-14');
  });

  it('keeps the two-paragraph web summary, whitespace folded', () => {
    expect(real.summary).toHaveLength(2);
    expect(real.summary[0]).toBe(
      'MI5 Director General Ken McCallum gave his annual threat update today, 14 July 2021, which was filmed at our headquarters in Thames House, London.',
    );
    expect(real.summary[1]).toMatch(/^He spoke about the challenges posed by state threats/u);
  });

  it('finds the six sections in order with their published headings, display names and slugs', () => {
    expect(real.sections.map((section) => section.name)).toEqual([
      'Introduction',
      'State Threats',
      'Terrorism',
      'Constant Learning, Adaptation, Improvement',
      'Encryption',
      'Conclusion',
    ]);
    expect(real.sections.map((section) => section.heading)).toEqual([
      'INTRODUCTION',
      'STATE THREATS',
      'TERRORISM',
      'CONSTANT LEARNING, ADAPTATION, IMPROVEMENT',
      'ENCRYPTION',
      'CONCLUSION',
    ]);
    expect(real.sections.map((section) => section.id)).toEqual([
      'introduction',
      'state-threats',
      'terrorism',
      'constant-learning-adaptation-improvement',
      'encryption',
      'conclusion',
    ]);
  });

  it('has 31 paragraphs, with ¶ ranges 1–5, 6–16, 17–24, 25–27, 28–30 and 31', () => {
    expect(real.paragraphs).toHaveLength(31);
    expect(real.sections.map((section) => [section.firstParagraph, section.lastParagraph])).toEqual([
      [1, 5],
      [6, 16],
      [17, 24],
      [25, 27],
      [28, 30],
      [31, 31],
    ]);
  });

  it('names paragraphs by section, e.g. state-threats-1 is ¶6 and conclusion-1 is ¶31', () => {
    expect(real.paragraphs[0]?.id).toBe('introduction-1');
    expect(real.paragraphs[5]?.id).toBe('state-threats-1');
    expect(real.paragraphs[15]?.id).toBe('state-threats-11');
    expect(real.paragraphs[30]?.id).toBe('conclusion-1');
  });

  it('starts ¶1 with "Good morning everyone." and ends the last paragraph with "Thank you."', () => {
    expect(real.paragraphs[0]?.text.startsWith('Good morning everyone.')).toBe(true);
    expect(real.paragraphs.at(-1)?.text.endsWith('Thank you.')).toBe(true);
  });

  it('lets no site chrome into any paragraph', () => {
    const chrome = [
      'Your web browser is out of date',
      'Anti-Terrorist Hotline',
      'Current Threat Level',
      'Find out more',
      'Published date',
      'Read his address below',
      'Related News',
      'View all News',
      'Five Eyes conference at Stanford University',
      'Bowman lecture',
    ];
    for (const paragraph of real.paragraphs) {
      for (const text of chrome) expect(paragraph.text).not.toContain(text);
      expect(paragraph.text).not.toBe(real.speaker);
      expect(paragraph.text).not.toBe(real.title);
    }
  });

  it('never mistakes a heading for a paragraph', () => {
    const headings = new Set(real.sections.map((section) => section.heading));
    for (const paragraph of real.paragraphs) expect(headings.has(paragraph.text)).toBe(false);
  });
});

describe('parseSpeech on a second, fictional page (test fixture)', () => {
  it('reads its title, speaker and the date "3 Mar 2019" as 2019-03-03', () => {
    expect(second.title).toBe('Test fixture: Director General Jane Example gives a fictional annual update 2019');
    expect(second.speaker).toBe('Director General Jane Example');
    expect(second.date).toBe('2019-03-03');
  });

  it('keeps its two-paragraph summary with no-break spaces folded', () => {
    expect(second.summary).toEqual([
      'This is a test fixture, not a real speech. Director General Jane Example gave an invented update today, 3 March 2019.',
      'She spoke about an imaginary pandemic, the service’s response – and what comes next.',
    ]);
  });

  it('title-cases headings, keeping minor words lowercase and digit-bearing words (COVID-19, MI5) in capitals', () => {
    expect(second.sections.map((section) => section.name)).toEqual([
      'Opening Remarks, in Brief',
      'COVID-19 and MI5',
      'Looking Ahead',
    ]);
    expect(second.sections.map((section) => section.heading)).toEqual([
      'OPENING REMARKS, IN BRIEF',
      'COVID-19 AND MI5',
      'LOOKING AHEAD',
    ]);
    expect(second.sections.map((section) => section.id)).toEqual([
      'opening-remarks-in-brief',
      'covid-19-and-mi5',
      'looking-ahead',
    ]);
  });

  it('has 9 paragraphs with ¶ ranges 1–3, 4–7 and 8–9', () => {
    expect(second.paragraphs).toHaveLength(9);
    expect(second.sections.map((section) => [section.firstParagraph, section.lastParagraph])).toEqual([
      [1, 3],
      [4, 7],
      [8, 9],
    ]);
    expect(second.paragraphs.map((paragraph) => paragraph.id)).toEqual([
      'opening-remarks-in-brief-1',
      'opening-remarks-in-brief-2',
      'opening-remarks-in-brief-3',
      'covid-19-and-mi5-1',
      'covid-19-and-mi5-2',
      'covid-19-and-mi5-3',
      'covid-19-and-mi5-4',
      'looking-ahead-1',
      'looking-ahead-2',
    ]);
  });

  it('starts with "Good afternoon." and ends with "Thank you."', () => {
    expect(second.paragraphs[0]?.text.startsWith('Good afternoon.')).toBe(true);
    expect(second.paragraphs.at(-1)?.text).toBe('We will meet them together. Thank you.');
  });

  it('reads a heading that directly follows the speaker line, and paragraphs with no blank line between them', () => {
    expect(second.paragraphs[0]?.sectionId).toBe('opening-remarks-in-brief');
    expect(second.paragraphs[1]?.text).toBe(
      'We said last year that we would “listen more and talk less”. We have tried… with mixed results.',
    );
  });

  it('leaves no carriage return in any text and parses the page exactly as its all-LF and all-CRLF versions', () => {
    expect(SECOND_PAGE).toContain('\r\n');
    const texts = [
      second.title,
      second.speaker,
      ...second.summary,
      ...second.sections.map((section) => section.heading),
    ];
    texts.push(
      ...second.paragraphs.flatMap((paragraph) => [
        paragraph.text,
        ...paragraph.sentences.map((sentence) => sentence.text),
      ]),
    );
    for (const text of texts) expect(text).not.toContain('\r');
    const lf = SECOND_PAGE.replace(/\r\n/gu, '\n');
    expect(parseSpeech(lf)).toEqual(second);
    expect(parseSpeech(lf.replace(/\n/gu, '\r\n'))).toEqual(second);
  });

  it('folds no-break spaces inside paragraphs to single spaces and ignores lines holding only a no-break space', () => {
    expect(SECOND_PAGE).toContain('easy.\u00a0\u00a0But');
    expect(SECOND_PAGE).toMatch(/^\u00a0\r?$/mu);
    expect(second.paragraphs[6]?.text).toBe('None of this was easy. But it was necessary.');
    expect(second.paragraphs[0]?.text).toBe(
      'Good afternoon. This fixture’s words are invented – none of them were ever spoken.',
    );
    expect(second.paragraphs.every((paragraph) => paragraph.text.trim() !== '')).toBe(true);
  });

  it('lets no site chrome into any paragraph', () => {
    const chrome = [
      'Your web browser is out of date',
      'Test fixture banner',
      'Current Threat Level',
      'Published date',
      'Read her address below',
      'Related News',
      'View all News',
      'fictional related item',
      'Another fictional headline',
    ];
    for (const paragraph of second.paragraphs) {
      for (const text of chrome) expect(paragraph.text).not.toContain(text);
      expect(paragraph.text).not.toBe(second.speaker);
    }
  });
});

describe('parseSpeech on malformed pages', () => {
  it('rejects a page without a "Published date" line (no-published-date)', () => {
    expectFormatError(editLine(SECOND_PAGE, 'Published date: 3 Mar 2019', null), 'no-published-date');
  });

  it('rejects a "Published date" line whose month is not a month (no-published-date)', () => {
    expectFormatError(
      editLine(SECOND_PAGE, 'Published date: 3 Mar 2019', 'Published date: 3 Foo 2019'),
      'no-published-date',
    );
  });

  it('rejects a page with no title line before the published date (no-published-date)', () => {
    const page = SECOND_PAGE.slice(SECOND_PAGE.indexOf('Published date:'));
    expectFormatError(page, 'no-published-date');
  });

  it('rejects a page without a "Read … below:" line (no-address-marker)', () => {
    expectFormatError(editLine(SECOND_PAGE, 'Read her address below:', null), 'no-address-marker');
  });

  it('rejects a page whose address marker is followed by a heading instead of a speaker (no-speaker)', () => {
    expectFormatError(editLine(SECOND_PAGE, 'Director General Jane Example', null), 'no-speaker');
  });

  it('rejects text between the speaker line and the first heading (text-before-heading)', () => {
    const page = editLine(
      SECOND_PAGE,
      'Director General Jane Example',
      'Director General Jane Example\n\nA stray paragraph before any heading.',
    );
    expectFormatError(page, 'text-before-heading');
  });

  it('rejects a page whose speech is empty (no-sections)', () => {
    const page = `${SECOND_PAGE.slice(0, SECOND_PAGE.indexOf('OPENING REMARKS'))}Related News & Speeches\n`;
    expectFormatError(page, 'no-sections');
  });

  it('rejects a page with paragraphs but no headings at all', () => {
    let page = SECOND_PAGE;
    for (const heading of ['OPENING REMARKS, IN BRIEF', 'COVID-19 AND MI5', 'LOOKING AHEAD\u00a0'])
      page = editLine(page, heading, '');
    expect(thrownBy(() => parseSpeech(page))).toBeInstanceOf(SpeechFormatError);
  });

  it('reports a page with paragraphs but no headings at all as no-sections', () => {
    let page = SECOND_PAGE;
    for (const heading of ['OPENING REMARKS, IN BRIEF', 'COVID-19 AND MI5', 'LOOKING AHEAD\u00a0'])
      page = editLine(page, heading, '');
    expectFormatError(page, 'no-sections');
  });

  // The footer is the line "Related News & Speeches"; a paragraph that starts with the word is the speaker's.
  it('does not end the speech at a paragraph that merely starts with "Related"', () => {
    const added = 'Related to this, we changed how we recruit.';
    const page = editLine(
      SECOND_PAGE,
      'None of this was easy.\u00a0\u00a0But it was necessary.',
      `${added}\n\nNone of this was easy. But it was necessary.`,
    );
    const speech = parseSpeech(page);
    expect(speech.paragraphs.map((paragraph) => paragraph.text)).toContain(added);
    expect(speech.paragraphs).toHaveLength(10);
    expect(speech.sections.map((section) => section.name)).toEqual([
      'Opening Remarks, in Brief',
      'COVID-19 and MI5',
      'Looking Ahead',
    ]);
  });

  it('reads an all-capitals sentence in quotes as a paragraph, not a heading', () => {
    const shout = '“WE WILL NOT BE INTIMIDATED.”';
    const page = editLine(
      SECOND_PAGE,
      'None of this was easy.\u00a0\u00a0But it was necessary.',
      `${shout}\n\nNone of this was easy. But it was necessary.`,
    );
    const speech = parseSpeech(page);
    expect(speech.paragraphs.map((paragraph) => paragraph.text)).toContain(shout);
    expect(speech.sections).toHaveLength(3);
  });
});

describe('findSection', () => {
  const sections = real.sections;
  const find = (query: string) => findSection(sections, query).name;

  it('finds a section by its exact display name', () => {
    expect(find('Encryption')).toBe('Encryption');
    expect(find('Constant Learning, Adaptation, Improvement')).toBe('Constant Learning, Adaptation, Improvement');
  });

  it('ignores case and finds a section by its published heading', () => {
    expect(find('state THREATS')).toBe('State Threats');
    expect(find('CONSTANT LEARNING, ADAPTATION, IMPROVEMENT')).toBe('Constant Learning, Adaptation, Improvement');
  });

  it('accepts a unique prefix: "enc" → Encryption, "state" → State Threats, "concl" → Conclusion', () => {
    expect(find('enc')).toBe('Encryption');
    expect(find('state')).toBe('State Threats');
    expect(find('Constant')).toBe('Constant Learning, Adaptation, Improvement');
    expect(find('concl')).toBe('Conclusion');
  });

  it('finds a section by its slug id', () => {
    expect(find('state-threats')).toBe('State Threats');
    expect(find('constant-learning-adaptation-improvement')).toBe('Constant Learning, Adaptation, Improvement');
  });

  it('finds sections of the second page, including one named with digits', () => {
    expect(findSection(second.sections, 'covid').name).toBe('COVID-19 and MI5');
    expect(findSection(second.sections, 'covid-19-and-mi5').name).toBe('COVID-19 and MI5');
    expect(findSection(second.sections, 'opening remarks in brief').name).toBe('Opening Remarks, in Brief');
  });

  it('rejects an ambiguous prefix with ambiguous-section, listing only the sections it matches', () => {
    const error = renderRefusal(expectUserFacingError(() => findSection(sections, 'c'), 'ambiguous-section').refusal);
    expect(error).toContain('Constant Learning, Adaptation, Improvement');
    expect(error).toContain('Conclusion');
    expect(error).not.toContain('Encryption');
    expectUserFacingError(() => findSection(sections, 'con'), 'ambiguous-section');
  });

  it('rejects an unknown section with unknown-section, listing every section name', () => {
    const error = renderRefusal(
      expectUserFacingError(() => findSection(sections, 'weather'), 'unknown-section').refusal,
    );
    for (const section of sections) expect(error).toContain(section.name);
    expect(error).toContain('weather');
  });

  it('rejects an empty or punctuation-only query as unknown-section', () => {
    expectUserFacingError(() => findSection(sections, ''), 'unknown-section');
    expectUserFacingError(() => findSection(sections, '  -- '), 'unknown-section');
  });
});
