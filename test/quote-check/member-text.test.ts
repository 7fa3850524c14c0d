import { describe, expect, it } from 'vitest';
import { memberExcerpt, shownMemberText } from '../../src/quote-check/views/member-text.js';

describe('a member’s words in a Check quote reply', () => {
  it('shows a lone surrogate as U+FFFD and keeps a real pair, an emoji, whole', () => {
    expect(memberExcerpt('\ud800Good morning\udc00 😀')).toBe('\ufffdGood morning\ufffd 😀');
    expect(shownMemberText('a\udc00b')).toBe('a\ufffdb');
    expect(shownMemberText('\u202eevil')).toBe('evil');
  });
});
