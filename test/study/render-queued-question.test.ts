import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/discord-limits.js';
import type { QueuedQuestion, StudySession } from '../../src/study/study-types.js';
import {
  listNames,
  NAMED_ASKERS,
  renderApprovedQuestion,
  renderQueuedQuestion,
} from '../../src/study/views/render-queued-question.js';

const question = (coAskers: number, name = (n: number) => `member_${n}_`.padEnd(32, '_')): QueuedQuestion => ({
  id: 1,
  sessionId: 1,
  guildId: 'g',
  authorId: '10',
  authorName: 'Ana',
  text: 'x'.repeat(300),
  status: 'approved',
  createdAt: 0,
  decidedBy: '99',
  decidedAt: 1,
  reason: null,
  modChannelId: null,
  modMessageId: null,
  landedOn: 3,
  coAskers: Array.from({ length: coAskers }, (_, n) => ({ id: String(100 + n), name: name(n) })),
});

describe('crediting the askers of a question', () => {
  it('names up to five askers and counts the rest', () => {
    expect(listNames(['Ana'])).toBe('Ana');
    expect(listNames(['Ana', 'Ben'])).toBe('Ana and Ben');
    expect(listNames(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C, D, E and 1 other');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C, D, E and 2 others');
  });

  it('keeps an approved question’s post within one message however many members said Me too', () => {
    const post = renderApprovedQuestion(question(500), { content: '**Q:** x\nA weak match.', embeds: [], buttons: [] });
    expect(post.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(post.content).toContain(`and ${500 + 1 - NAMED_ASKERS} others`);
    expect(post.content).not.toMatch(/<@/u);
  });

  it('shows the moderators every name the approval would credit, before they approve', () => {
    const view = renderQueuedQuestion({ ...question(2, (n) => ['Ben', 'Cy'][n] ?? ''), status: 'pending' }, {
      status: 'active',
      title: 'T',
      threadId: '5',
    } as StudySession);
    expect(view.embeds[0]?.author).toBe('Ana, Ben and Cy ask');
    expect(view.embeds[0]?.footer).toContain('3 members asked');
  });
});
