import { randomBytes } from 'node:crypto';

/**
 * The one bot token every test uses: the fake Discord accepts it, and nothing the suite prints, logs or sends may
 * contain it (the bot harness, the process tests and the token-leak reporter check). Shaped like a real token (three
 * dot-separated parts), each part distinctive, so that a leak of a part alone is caught too.
 */
export const FAKE_TOKEN = 'ZmFrZS1ib3QtdG9rZW4.Xk3f9Q.never-printed-7c1e4b2a';

/** The parts of the test token that appear in `text`: empty when it shows none of it. */
export function tokenLeaks(text: string): string[] {
  return FAKE_TOKEN.split('.').filter((part) => text.includes(part));
}

/**
 * Every interaction token the fake Discord issues starts with this marker, so that a leak is recognisable in any
 * process's output without knowing which tokens were issued (the bot may run in a child process whose output a test
 * captures, while the fake runs in the test process). Real interaction tokens are opaque; the bot never logs them.
 */
export const INTERACTION_TOKEN_MARKER = 'fake-interaction-token-';

// The marker followed by part of a token's random tail: the marker alone (in this file, say) is not a leak.
const INTERACTION_TOKEN = new RegExp(`${INTERACTION_TOKEN_MARKER}[\\w-]{8}`, 'gu');

/** A fresh interaction token as the fake Discord issues it: the marker, then 64 random base64url characters. */
export function newInteractionToken(): string {
  return `${INTERACTION_TOKEN_MARKER}${randomBytes(48).toString('base64url')}`;
}

/** The interaction tokens (the marker and the start of the random part) that appear in `text`. */
export function interactionTokenLeaks(text: string): string[] {
  return [...text.matchAll(INTERACTION_TOKEN)].map((match) => match[0]);
}

/** `text` with every interaction token replaced by `<interaction token>`, for messages that quote request paths. */
export function maskInteractionTokens(text: string): string {
  return text.replace(new RegExp(`${INTERACTION_TOKEN_MARKER}[\\w-]*`, 'gu'), '<interaction token>');
}

/**
 * What output must never show: a part of the bot token, or an interaction token. Not for requests sent to Discord,
 * whose callback and webhook paths carry the interaction token by design: check those with {@link tokenLeaks}.
 */
export function secretLeaks(text: string): string[] {
  const found: string[] = [];
  if (tokenLeaks(text).length > 0) found.push('the bot token');
  if (interactionTokenLeaks(text).length > 0) found.push('an interaction token');
  return found;
}
