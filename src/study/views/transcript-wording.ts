import { formatSpeechDate } from '../../passages/views/render-passage-embeds.js';
import type { Transcript } from '../transcript.js';

/** Which part of a split transcript a document is; a transcript that fits in one file has none. */
export interface TranscriptPart {
  /** From 1. */
  readonly number: number;
  readonly of: number;
}

/** The words both renderings share, before either escapes anything: one wording, two formats. */
export const TRANSCRIPT_WORDS = {
  subtitle: 'Study session transcript',
  date: 'Date',
  moderators: 'Moderators',
  noModerators: 'none recorded',
  prompt: 'Discussion prompt',
  noPrompt: 'none',
  questions: 'Approved questions',
  noQuestions: 'No approved questions while this passage was on the table.',
  answered: 'Questions answered',
  noAnswered: 'No questions answered while this passage was on the table.',
  noReadings: 'No passage was put on the table.',
  askedBy: 'asked by',
  answeredWith: 'answered with',
  noCitation: 'no passage cited',
  leftOut: 'Questions left out',
  map: 'Paragraph map',
} as const;

/** `2 December 2026`, in UTC: the transcript is read by members in every time zone. */
export function utcDate(epochMs: number): string {
  const date = new Date(epochMs);
  if (!Number.isFinite(date.getTime())) return 'unknown date';
  return formatSpeechDate(date.toISOString().slice(0, 10));
}

/** `14:05`, in UTC. */
export function utcTime(epochMs: number): string {
  const date = new Date(epochMs);
  if (!Number.isFinite(date.getTime())) return '--:--';
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * When the session ran: `2 December 2026, 14:05–15:10 UTC`; both dates when it ran past midnight UTC; only its start
 * while it is still running.
 */
export function sessionWhen(t: Pick<Transcript, 'startedAt' | 'endedAt'>): string {
  const day = utcDate(t.startedAt);
  const start = utcTime(t.startedAt);
  if (t.endedAt === null) return `${day}, from ${start} UTC (still running when this was written)`;
  const endDay = utcDate(t.endedAt);
  if (endDay !== day) return `${day}, ${start} UTC – ${endDay}, ${utcTime(t.endedAt)} UTC`;
  return `${day}, ${start}–${utcTime(t.endedAt)} UTC`;
}

/** `Part 2 of 3`. */
export function partLine(part: TranscriptPart): string {
  return `Part ${part.number} of ${part.of}`;
}

/** Whether a document ends the transcript, so carries the counts and the map: the only part, or the last. */
export function endsTranscript(part: TranscriptPart | undefined): boolean {
  return part === undefined || part.number >= part.of;
}

/** The questions that are not in the transcript, counted: a rejected question's text is never shown. */
export function leftOutLine(t: Pick<Transcript, 'rejected' | 'notTakenUp'>): string {
  return `Rejected questions: ${t.rejected} · not taken up: ${t.notTakenUp}`;
}

/** When a passage was put on the table. */
export function readingTimeLine(epochMs: number): string {
  return `On the table from ${utcTime(epochMs)} UTC`;
}
