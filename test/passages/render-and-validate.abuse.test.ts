import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/discord/escape-markdown.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import type { MessageView } from '../../src/discord/message-view.js';
import { renderSectionList } from '../../src/passages/views/render-section-page.js';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../../src/search/validate-question.js';
import { parseSpeech } from '../../src/speech/parse-speech.js';
import type { Speech } from '../../src/speech/speech.js';
import { discussionPrompt } from '../../src/study/discussion-prompts.js';
import { admitQuestion, decideQuestion, MAX_PENDING_PER_MEMBER } from '../../src/study/queue-decisions.js';
import { renderApprovedQuestion, renderQueuedQuestion } from '../../src/study/views/render-queued-question.js';
import {
  renderOpening,
  renderRecap,
  renderStatus,
  renderStudyPassage,
} from '../../src/study/views/render-study-messages.js';
import { startSession } from '../../src/study/session-transitions.js';
import type { GuildSettings, QueuedQuestion, StudySession } from '../../src/study/study-types.js';
import { speechSource } from '../support/test-index.js';
import {
  discordUnescape,
  hostileString,
  internals,
  options,
  quoteViolations,
  refusalOrSync,
  refusalViolations,
  unescapedMarkup,
  viewViolations,
} from '../support/abuse-support.js';

// Escaping, question validation, the queue's decisions and the study messages, fed hostile text.

let speech: Speech;
beforeAll(async () => {
  speech = parseSpeech((await speechSource()).text);
});

/** A member's question as it reaches the queue: validated by Discord's max_length (300) and validateQuestion. */
const question = hostileString(400).filter((text) => {
  try {
    validateQuestion(text);
    return true;
  } catch {
    return false;
  }
});
/** A session title as /study start stores it: Discord's max_length of 80, trimmed, never empty. */
const title = hostileString(80).map((text) => text.trim() || 'State Threats');
/** A moderator's prompt or reject reason: max_length 300. */
const prompt300 = hostileString(300);
const snowflake = fc.stringMatching(/^[1-9]\d{16,19}$/u);
const displayName = hostileString(32).map((text) => text || 'member');

const sessionArb = fc
  .record({
    title,
    status: fc.constantFrom('active' as const, 'paused' as const, 'ended' as const),
    moderated: fc.boolean(),
    from: fc.integer({ min: 1, max: 31 }),
    startedBy: snowflake,
  })
  .map(({ status, ...input }): StudySession => ({
    id: 7,
    ...startSession({
      guildId: '1',
      channelId: '2',
      threadId: '3',
      sectionId: 'state-threats',
      startedAt: 0,
      ...input,
    }),
    status,
  }));
const queuedArb = fc
  .record({
    text: question,
    authorName: displayName,
    authorId: snowflake,
    status: fc.constantFrom(
      'held' as const,
      'pending' as const,
      'approved' as const,
      'rejected' as const,
      'answered' as const,
    ),
    decidedBy: fc.option(snowflake, { nil: null }),
    reason: fc.option(prompt300, { nil: null }),
  })
  .map((input): QueuedQuestion => ({
    id: 42,
    sessionId: 7,
    guildId: '1',
    createdAt: 0,
    decidedAt: null,
    modChannelId: null,
    modMessageId: null,
    landedOn: null,
    coAskers: [],
    ...input,
  }));

/** The text between `before` and the last `after` of the first line that has `before`. */
function between(text: string, before: string, after: string): string {
  const start = text.indexOf(before);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + before.length);
  const end = rest.lastIndexOf(after);
  expect(end).toBeGreaterThanOrEqual(0);
  return rest.slice(0, end);
}

/** A zero-width space the user typed after `@` is as invisible as the one the escape adds. */
const visible = (text: string) => text.replace(/@\u200b(?=everyone|here)/gu, '@');

function fine(view: MessageView): void {
  expect(viewViolations(view)).toEqual([]);
}

describe('abuse: escaping, validation, queue decisions and study messages', () => {
  it('escapeMarkdown leaves no markdown or mention syntax working (10,000 cases)', () => {
    fc.assert(
      fc.property(hostileString(6000), (text) => {
        const escaped = escapeMarkdown(text);
        expect(unescapedMarkup(escaped)).toEqual([]);
        // Block syntax only works at the start of a line: every line must start with plain text or an escape.
        for (const line of escaped.split(/\r\n|\r|\n/u)) expect(line).not.toMatch(/^\s*([#>-]|\d+\.\s)/u);
        expect(internals(escaped)).toEqual(internals(text));
      }),
      options(),
    );
  });

  // Guards: a numbered line is escaped at its dot ("1. a" → "1\. a"), which Discord displays as typed; a backslash
  // before the digits ("\1. a") would be shown, since Discord drops a backslash only before punctuation.
  it('escapeMarkdown shows the text as typed: what Discord displays equals the input (10,000 cases)', () => {
    fc.assert(
      fc.property(hostileString(6000), (text) => {
        expect(discordUnescape(escapeMarkdown(text))).toBe(visible(text));
      }),
      options(),
    );
  });

  it('validateQuestion refuses only with UserFacingError and keeps what it accepts within 1–300 characters (10,000 cases)', () => {
    fc.assert(
      fc.property(hostileString(7000), (raw) => {
        const result = refusalOrSync(() => validateQuestion(raw));
        if ('refusal' in result) {
          expect(['question-empty', 'question-too-long', 'question-without-words']).toContain(result.refusal.code);
          expect(refusalViolations(result.refusal, [raw], escapeMarkdown)).toEqual([]);
          return;
        }
        expect(result.value).toBe(raw.trim());
        expect([...result.value].length).toBeGreaterThan(0);
        expect([...result.value].length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        expect(result.value).toMatch(/[\p{L}\p{N}]/u);
      }),
      options(),
    );
  });

  it('admitQuestion never throws, rejects every blocked term without echoing it, and never echoes the question (10,000 cases)', () => {
    const terms = fc.array(
      fc.oneof(hostileString(40), fc.constantFrom('china', 'CHINA', ' spoiler ', '', '  ', '@everyone', '**')),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        question,
        sessionArb,
        terms,
        fc.integer({ min: 0, max: 10 }),
        (text, session, blockedTerms, waiting) => {
          const settings: GuildSettings = {
            guildId: '1',
            moderatorRoleId: null,
            modChannelId: null,
            moderated: true,
            cooldownSeconds: 0,
            blockedTerms,
          };
          const outcome = admitQuestion(text, session, settings, waiting);
          const blocked = blockedTerms.some(
            (term) => term.trim() !== '' && text.toLowerCase().includes(term.trim().toLowerCase()),
          );
          if (session.status === 'ended' || waiting >= MAX_PENDING_PER_MEMBER) {
            expect(outcome.ok).toBe(false);
          } else if (blocked) {
            expect(outcome).toEqual({
              ok: true,
              value: { status: 'rejected', reason: 'It contains a term this server does not allow in questions.' },
            });
          } else {
            expect(outcome).toEqual({ ok: true, value: { status: session.status === 'paused' ? 'held' : 'pending' } });
          }
          const message = outcome.ok
            ? outcome.value.status === 'rejected'
              ? outcome.value.reason
              : ''
            : renderRefusal(outcome.refusal);
          if (text.trim().length >= 12) expect(message.includes(text)).toBe(false);
          expect(internals(message)).toEqual([]);
        },
      ),
      options(),
    );
  });

  it('decideQuestion decides only an open question, and its refusal mentions the decider by id only (10,000 cases)', () => {
    fc.assert(
      fc.property(queuedArb, fc.constantFrom('approved' as const, 'rejected' as const), (queued, decision) => {
        const outcome = decideQuestion(queued, decision);
        expect(outcome.ok).toBe(queued.status === 'pending' || queued.status === 'held');
        if (!outcome.ok) {
          const shown = renderRefusal(outcome.refusal);
          expect(shown.replace(/<@\d+>/gu, '')).not.toMatch(/[<*_`|~]/u);
          expect(shown.length).toBeLessThan(200);
        }
      }),
      options(),
    );
  });

  it('a queued question for the moderators is within limits, its text and the session title escaped (10,000 cases)', () => {
    fc.assert(
      fc.property(queuedArb, sessionArb, (queued, session) => {
        const view = renderQueuedQuestion(queued, session);
        fine(view);
        expect(unescapedMarkup(view.embeds[0]?.description ?? '')).toEqual([]);
        if (view.content?.startsWith('Question for **'))
          expect(unescapedMarkup(between(view.content, 'Question for **', '** in <#'))).toEqual([]);
        else if (view.content?.startsWith('Not taken up: **'))
          expect(unescapedMarkup(between(view.content, 'Not taken up: **', '** ended first.'))).toEqual([]);
        else expect(view.content).toMatch(/^(Approved|Rejected) by <@\d+>\.$/u);
        // Approve and Reject only while a moderator can still decide: undecided, in a session that has not ended;
        // Reopen on a rejected question while its session runs.
        const live = session.status !== 'ended';
        const open = (queued.status === 'pending' || queued.status === 'held') && live;
        const reopenable = queued.status === 'rejected' && live;
        expect(view.buttons.flat().map((button) => button.label)).toEqual(
          open ? ['Approve', 'Reject'] : reopenable ? ['Reopen'] : [],
        );
      }),
      options(),
    );
  });

  it('an approved question in the thread is within limits, its text escaped, the answer verbatim (10,000 cases)', () => {
    fc.assert(
      fc.property(
        queuedArb,
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('', '\nThe speech does not seem to answer this question.'),
        (queued, paragraph, note) => {
          const answer = renderStudyPassage(speech, paragraph, 'x');
          const view = renderApprovedQuestion(queued, { ...answer, content: `**Q:** whatever${note}` });
          fine(view);
          expect(quoteViolations(speech, view)).toEqual([]);
          expect(unescapedMarkup(between((view.content ?? '').split('\n')[0] ?? '', ':** ', ''))).toEqual([]);
        },
      ),
      options(),
    );
  });

  it('a study passage with any moderator prompt is within limits, verbatim, the prompt escaped (10,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.nat(),
        fc.option(prompt300, { nil: undefined }),
        (paragraph, cursor, own) => {
          const chosen = discussionPrompt(cursor, own);
          const view = renderStudyPassage(speech, paragraph, chosen);
          fine(view);
          expect(quoteViolations(speech, view)).toEqual([]);
          if (own?.trim()) expect(unescapedMarkup(between(view.content ?? '', '**Discussion:** ', ''))).toEqual([]);
        },
      ),
      options(),
    );
  });

  it('/study status with any title is short and shows the title escaped (10,000 cases)', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 1000 }), (session, waiting) => {
        const status = renderStatus(speech, session, waiting);
        expect(status.length).toBeLessThanOrEqual(2000);
        expect(unescapedMarkup(between(status, '**', '** is '))).toEqual([]);
      }),
      options(),
    );
  });

  it('the opening and the recap of a session with any title are within limits (10,000 cases)', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 5 }), (session, index) => {
        const section = speech.sections[index % speech.sections.length];
        if (!section) return;
        fine(renderOpening(session, section));
        const covered = Array.from({ length: 31 }, (_, at) => at + 1);
        fine(
          renderRecap(
            { ...session, covered },
            { participants: 1e9, messages: 1e12, questions: { asked: 1, approved: 1, rejected: 1, answered: 1 } },
            1e15,
          ),
        );
      }),
      options(),
    );
  });

  // Guards: the session title a moderator types in /study start shows as typed in the embed titles of the pinned
  // opening ("Study session: …") and of the recap ("Recap: …"), escaped as /study status and the queued question show it.
  it('the opening and the recap show any session title escaped (10,000 cases)', () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const section = speech.sections[0];
        if (!section) return;
        expect(
          unescapedMarkup(between(renderOpening(session, section).embeds[0]?.title ?? '', 'Study session: ', '')),
        ).toEqual([]);
        expect(
          unescapedMarkup(
            between(
              renderRecap(
                session,
                { participants: 0, messages: 0, questions: { asked: 0, approved: 0, rejected: 0, answered: 0 } },
                0,
              ).embeds[0]?.title ?? '',
              'Recap: ',
              '',
            ),
          ),
        ).toEqual([]);
      }),
      options(),
    );
  });

  it('the list of sections for an unknown name of any length is within limits, the name escaped (10,000 cases)', () => {
    fc.assert(
      fc.property(hostileString(6000), fc.boolean(), (query, ambiguous) => {
        const view = renderSectionList(speech, query, ambiguous);
        fine(view);
        const first = (view.content ?? '').split('\n')[0] ?? '';
        expect(unescapedMarkup(first.slice(first.indexOf('“') + 1, first.lastIndexOf('”')))).toEqual([]);
      }),
      options(),
    );
  });
});
