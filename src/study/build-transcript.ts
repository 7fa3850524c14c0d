import { sectionOf } from '../speech/find-paragraphs.js';
import type { Speech } from '../speech/speech.js';
import type { QueuedQuestion, Reading, StudySession } from './study-types.js';
import type { Transcript, TranscriptReading } from './transcript.js';
import type { ParagraphMap } from './views/render-paragraph-map.js';

/**
 * The transcript of a session from what the store kept: each passage in the order it was read, with the questions
 * approved while it was on the table (approved at or after its reading and before the next one); rejected and
 * not-taken-up questions only counted; passages read before readings were stored come first. An unmoderated session's questions, answered as they were asked, are placed by
 * when they were asked.
 */
export function buildTranscript(input: {
  readonly session: StudySession;
  readonly speech: Speech;
  readonly threadName: string;
  readonly readings: readonly Reading[];
  readonly questions: readonly QueuedQuestion[];
  readonly moderators: readonly string[];
  /** Each approved question's answer citations, by question id. */
  readonly citations: ReadonlyMap<number, readonly string[]>;
  readonly map: ParagraphMap;
}): Transcript {
  const { session, speech } = input;
  // A session that was running when readings began to be stored (migration 3) has its earlier passages only in
  // `covered`: they come first, in ¶ order, at its start and without their prompts, which were never kept. One read
  // again since appears once, at its stored reading: that it was read before is known to no one.
  const stored = new Set(input.readings.map((reading) => reading.paragraph));
  const readings: readonly Omit<Reading, 'seq'>[] = [
    ...session.covered
      .filter((paragraph) => !stored.has(paragraph))
      .map((paragraph) => ({ paragraph, prompt: '', at: session.startedAt })),
    ...input.readings,
  ];
  const approved = input.questions
    .filter((question) => question.status === 'approved' || question.status === 'answered')
    .sort((a, b) => (a.decidedAt ?? a.createdAt) - (b.decidedAt ?? b.createdAt) || a.id - b.id);
  const onTable = (question: QueuedQuestion): number => {
    const at = question.decidedAt ?? question.createdAt;
    const index = readings.findLastIndex((reading) => reading.at <= at);
    return Math.max(index, 0);
  };
  const transcriptReadings = readings.flatMap((reading, index): TranscriptReading[] => {
    const paragraph = speech.paragraphs[reading.paragraph - 1];
    if (!paragraph) return [];
    return [
      {
        paragraph: paragraph.number,
        sectionName: sectionOf(speech, paragraph).name,
        text: paragraph.text,
        prompt: reading.prompt,
        at: reading.at,
        questions: approved
          .filter((question) => onTable(question) === index)
          .map((question) => ({
            text: question.text,
            askers: [question.authorName, ...question.coAskers.map((asker) => asker.name)],
            citations: input.citations.get(question.id) ?? [],
          })),
      },
    ];
  });
  return {
    title: session.title,
    threadName: input.threadName,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    moderated: session.moderated,
    moderators: input.moderators,
    readings: transcriptReadings,
    rejected: input.questions.filter((question) => question.status === 'rejected').length,
    notTakenUp: input.questions.filter((question) => question.status === 'held' || question.status === 'pending')
      .length,
    map: input.map,
  };
}
