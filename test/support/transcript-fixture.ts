import { readFileSync } from 'node:fs';
import { SPEECH_SOURCE_FILE } from '../../src/speech/adapters/read-speech-source.js';
import { sectionOf } from '../../src/speech/find-paragraphs.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Speech } from '../../src/speech/speech.js';
import type { Transcript, TranscriptQuestion, TranscriptReading } from '../../src/study/transcript.js';
import { renderParagraphMap } from '../../src/study/views/render-paragraph-map.js';

/** The real speech, parsed once per test file. */
export const speech: Speech = parseSpeech(readFileSync(SPEECH_SOURCE_FILE, 'utf8'));

/** What members and moderators might write to break a rendering, each of which must show as written. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  markdown: '**bold** # heading',
  link: '[link](http://x)',
  massMention: '@everyone and @here',
  fence: '```',
  rightToLeft: 'ما هو أكبر تهديد؟',
  rightToLeftName: 'سارة',
  // One unbroken token in it: a phone must wrap it rather than scroll sideways.
  long: `Why ${'x'.repeat(240)} ${'is this so long? '.repeat(104)}`.slice(0, 2000),
} as const;

/** The moderator's title, hostile too. */
export const HOSTILE_TITLE = `Week 3: <b>"State"</b> & 'threats' # **live** @everyone`;

export const STARTED_AT = Date.UTC(2026, 11, 2, 14, 5);
export const ENDED_AT = Date.UTC(2026, 11, 2, 15, 10);

function question(text: string, askers: string[], citations: string[]): TranscriptQuestion {
  return { text, askers, citations };
}

/** A passage put on the table, verbatim from the speech, `minutes` after the start. */
export function reading(
  paragraph: number,
  prompt: string,
  questions: TranscriptQuestion[],
  minutes: number,
): TranscriptReading {
  const found = speech.paragraphs[paragraph - 1];
  if (!found) throw new RangeError(`no ¶${paragraph}`);
  return {
    paragraph,
    sectionName: sectionOf(speech, found).name,
    text: found.text,
    prompt,
    at: STARTED_AT + minutes * 60_000,
    questions,
  };
}

/** The map of these readings: one question counted on the paragraph each was approved on. */
export function mapOf(readings: readonly TranscriptReading[], title: string): Transcript['map'] {
  const counts = new Map<number, number>();
  for (const { paragraph, questions } of readings)
    counts.set(paragraph, (counts.get(paragraph) ?? 0) + questions.length);
  return renderParagraphMap({ speech, counts, title });
}

/** A session of five readings (¶12 twice) with hostile questions, prompts, names and title. */
export function hostileTranscript(): Transcript {
  const readings = [
    reading(
      12,
      '> Is this a quote?\n# Not a heading\n- not a list\n1. not numbered',
      [
        question(HOSTILE.script, ['Ana', 'Ben'], ['State Threats · ¶12', 'Terrorism · ¶19']),
        question(`${HOSTILE.markdown} ${HOSTILE.link}`, ['Ben'], ['State Threats · ¶12']),
        question(HOSTILE.rightToLeft, [HOSTILE.rightToLeftName, 'Ana'], ['State Threats · ¶13']),
      ],
      7,
    ),
    reading(13, `What would ${HOSTILE.massMention} say?`, [], 18),
    reading(
      19,
      `Compare with ¶12 ${HOSTILE.fence}js`,
      [question(`${HOSTILE.fence}\ncode\n${HOSTILE.fence}`, ['Cy'], [])],
      30,
    ),
    reading(
      12,
      'Back to ¶12: has your view changed?',
      [question(HOSTILE.long, ['Dee', 'Ana', 'Ben'], ['Terrorism · ¶19'])],
      45,
    ),
    reading(28, '', [], 58),
  ];
  return {
    title: HOSTILE_TITLE,
    threadName: 'State Threats · 2026-12-02',
    startedAt: STARTED_AT,
    endedAt: ENDED_AT,
    moderators: ['Ana', `Ben ${HOSTILE.link}`, HOSTILE.rightToLeftName],
    readings,
    rejected: 2,
    notTakenUp: 1,
    moderated: true,
    map: mapOf(readings, HOSTILE_TITLE),
  };
}

/** A long session: every paragraph of the speech read in order, each with `questionsEach` questions. */
export function wholeSpeechTranscript(questionsEach: number): Transcript {
  const readings = speech.paragraphs.map((paragraph, index) =>
    reading(
      paragraph.number,
      `What does ¶${paragraph.number} ask of us?`,
      Array.from({ length: questionsEach }, (_, n) =>
        question(
          `Question ${n + 1} on ¶${paragraph.number}: ${HOSTILE.markdown} ${HOSTILE.script}`,
          ['Ana'],
          [`¶${paragraph.number}`],
        ),
      ),
      index * 2,
    ),
  );
  return { ...hostileTranscript(), readings, map: mapOf(readings, 'The whole speech') };
}
