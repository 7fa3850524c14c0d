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
