import { encodeButtonState } from '../../discord/custom-ids.js';
import { escapeMarkdown } from '../../discord/escape-markdown.js';
import type { MessageView } from '../../discord/message-view.js';
import { renderPassageEmbeds } from '../../passages/views/render-passage-embeds.js';
import { sectionOf } from '../../speech/find-paragraphs.js';
import { paragraphRange } from '../../speech/match-section.js';
import type { Section, Speech } from '../../speech/speech.js';
import type { SessionStats, StudySession } from '../study-types.js';

const STUDY_COLOR = 0x2c7a7b;

/** The pinned opening of a session: what will be read, the rules, how to ask. */
export function renderOpening(session: StudySession, section: Section): MessageView {
  const asking = session.moderated
    ? 'Ask about the speech with `/ask`: your question goes to the moderators, who post approved questions here with their answer. `/ask private:True` answers only you, at once.'
    : 'Ask about the speech with `/ask`: the answer is posted here with the passages that answer it.';
  return {
    embeds: [
      {
        title: `Study session: ${escapeMarkdown(session.title)}`.slice(0, 256),
        description: [
          `We read **${section.name}** (${paragraphRange(section)}) together, one passage at a time, starting at ¶${session.currentParagraph}.`,
          '',
          '**Rules**: discuss the passage on the table; quote the text when you make a claim about it; disagree with ideas, not people.',
          `**Asking**: ${asking}`,
          '`/study status` shows where we are.',
        ].join('\n'),
        footer: `${section.name} · one passage at a time`,
        color: STUDY_COLOR,
      },
    ],
    buttons: [],
  };
}

/** A passage put on the table, verbatim, with its discussion prompt. */
export function renderStudyPassage(speech: Speech, paragraphNumber: number, prompt: string): MessageView {
  const paragraph = speech.paragraphs[paragraphNumber - 1];
  if (!paragraph) throw new RangeError(`no paragraph ${paragraphNumber}`);
  const section = sectionOf(speech, paragraph);
  return {
    content: `**Passage ¶${paragraph.number}** · ${section.name}\n**Discussion:** ${escapeMarkdown(prompt)}`,
    embeds: renderPassageEmbeds(speech, { section, paragraph }, { color: STUDY_COLOR }),
    buttons: [],
  };
}

function duration(milliseconds: number): string {
  const minutes = Math.max(0, Math.round(milliseconds / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** The closing recap: passages covered, participants, messages, questions, duration. */
export function renderRecap(session: StudySession, stats: SessionStats, endedAt: number): MessageView {
  const covered = session.covered.map((number) => `¶${number}`).join(', ');
  const { asked, approved, rejected, answered } = stats.questions;
  return {
    embeds: [
      {
        title: `Recap: ${escapeMarkdown(session.title)}`.slice(0, 256),
        fields: [
          { name: 'Passages covered', value: `${session.covered.length}: ${covered}`.slice(0, 1024) },
          { name: 'Participants', value: String(stats.participants), inline: true },
          { name: 'Messages', value: String(stats.messages), inline: true },
          { name: 'Duration', value: duration(endedAt - session.startedAt), inline: true },
          {
            name: 'Questions',
            value: session.moderated
              ? `${asked} asked · ${approved} approved · ${rejected} rejected · ${answered} answered`
              : `${asked} asked and answered`,
          },
        ],
        footer: 'This thread is now archived and locked. Thank you for reading together.',
        color: STUDY_COLOR,
      },
    ],
    buttons: [
      [
        {
          customId: encodeButtonState({ kind: 'session', action: 'export', session: session.id }),
          label: 'Export transcript',
          style: 'secondary',
        },
      ],
    ],
  };
}

/** `/study status`. */
export function renderStatus(speech: Speech, session: StudySession, waiting: number): string {
  const paragraph = speech.paragraphs[session.currentParagraph - 1];
  const where = paragraph
    ? `¶${paragraph.number} (${sectionOf(speech, paragraph).name})`
    : `¶${session.currentParagraph}`;
  const state = session.status === 'active' ? 'running' : session.status;
  const queue = session.moderated
    ? `${waiting} question${waiting === 1 ? '' : 's'} waiting for the moderators.`
    : 'Questions are answered at once.';
  return `**${escapeMarkdown(session.title)}** is ${state}, run by <@${session.startedBy}>. On the table: ${where}. ${session.covered.length} passages covered. ${queue}`;
}
