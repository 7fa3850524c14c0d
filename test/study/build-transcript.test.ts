import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../src/study/build-transcript.js';
import type { QueuedQuestion, Reading, StudySession } from '../../src/study/study-types.js';
import { speech } from '../support/transcript-fixture.js';

const START = Date.UTC(2026, 11, 2, 14, 0);
const minutes = (n: number) => START + n * 60_000;

const session = (input: Partial<StudySession>): StudySession => ({
  id: 1,
  guildId: 'guild',
  channelId: 'channel',
  threadId: 'thread',
  title: 'Week 3',
  sectionId: 'state-threats',
  startedBy: 'mod',
  startedAt: START,
  endedAt: null,
  status: 'active',
  currentParagraph: 12,
  covered: [12],
  moderated: true,
  promptCursor: 0,
  ...input,
});

const question = (id: number, input: Partial<QueuedQuestion>): QueuedQuestion => ({
  id,
  sessionId: 1,
  guildId: 'guild',
  authorId: `member-${id}`,
  authorName: `Member ${id}`,
  text: `Question ${id}?`,
  status: 'answered',
  createdAt: START,
  decidedBy: 'mod',
  decidedAt: null,
  reason: null,
  modChannelId: null,
  modMessageId: null,
  landedOn: 12,
  coAskers: [],
  ...input,
});

const build = (input: { session: StudySession; readings: Reading[]; questions: QueuedQuestion[] }) =>
  buildTranscript({
    ...input,
    speech,
    threadName: 'week-3',
    moderators: ['Mod'],
    citations: new Map(),
    map: { summary: '', svg: '<svg/>', description: '' },
  });

const layout = (transcript: ReturnType<typeof build>) =>
  transcript.readings.map((reading) => [reading.paragraph, reading.questions.map((asked) => asked.text)]);

describe('buildTranscript', () => {
  it('puts the passages a session read before readings were stored first, at its start, then the stored ones in order', () => {
    // Running at the upgrade, with ¶12 and ¶13 read before it; the moderator then went to ¶15 and back to ¶12. That ¶12
    // was also read before is known to no one: it appears once, where its stored reading puts it.
    const transcript = build({
      session: session({ covered: [12, 13, 15], currentParagraph: 12 }),
      readings: [
        { seq: 1, paragraph: 15, prompt: 'Why now?', at: minutes(30) },
        { seq: 2, paragraph: 12, prompt: 'Again?', at: minutes(40) },
      ],
      questions: [
        question(1, { status: 'approved', decidedAt: minutes(10) }),
        question(2, { status: 'answered', decidedAt: minutes(35) }),
        question(3, { status: 'answered', decidedAt: minutes(45) }),
        question(4, { status: 'rejected', decidedAt: minutes(46) }),
      ],
    });
    expect(layout(transcript)).toEqual([
      [13, ['Question 1?']],
      [15, ['Question 2?']],
      [12, ['Question 3?']],
    ]);
    expect(transcript.readings.map((reading) => reading.prompt)).toEqual(['', 'Why now?', 'Again?']);
    expect(transcript.rejected).toBe(1);
  });

  it('places an unmoderated session’s questions, never decided, by when they were asked', () => {
    const transcript = build({
      session: session({ covered: [12, 13], moderated: false }),
      readings: [
        { seq: 1, paragraph: 12, prompt: '', at: START },
        { seq: 2, paragraph: 13, prompt: '', at: minutes(20) },
      ],
      questions: [
        question(1, { decidedBy: null, createdAt: minutes(25) }),
        question(2, { decidedBy: null, createdAt: minutes(5) }),
      ],
    });
    expect(layout(transcript)).toEqual([
      [12, ['Question 2?']],
      [13, ['Question 1?']],
    ]);
    expect(transcript.moderated).toBe(false);
  });
});
