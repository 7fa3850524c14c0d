import { describe, expect, it } from 'vitest';
import { renderQuoteCheck } from '../../src/quote-check/views/render-quote-check.js';
import { checker, passageOf, speech, speechPieces } from '../support/quote-check-fixture.js';

/**
 * The median CPU time of a run, in ms, after a few to warm the JIT up. CPU time rather than wall time, and the median
 * rather than the slowest, because the machine running the tests is shared: another process taking the core for
 * 100 ms says nothing about this code.
 */
function medianCpuMs(run: () => void): number {
  for (let index = 0; index < 3; index += 1) run();
  const times: number[] = [];
  for (let index = 0; index < 15; index += 1) {
    const started = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(started);
    times.push((user + system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// Every second word of the speech changed: the worst case, one long quote that is the speech's but far from verbatim.
const pasted = passageOf(speechPieces.slice(400, 800)).slice(0, 2000);
const altered = pasted
  .split(' ')
  .map((word, index) => (index % 2 === 0 ? `${word}x` : word))
  .join(' ')
  .slice(0, 2000);
const tenQuotes = Array.from(
  { length: 10 },
  (_, index) => `“${passageOf(speechPieces.slice(index * 300, index * 300 + 40))}”`,
)
  .join(' ')
  .slice(0, 2000);
const unrelated = Array.from({ length: 400 }, (_, index) => `word${index % 37} the`)
  .join(' ')
  .slice(0, 2000);

describe('QuoteChecker: a 2000-character message checks well under 50 ms', () => {
  it.each([
    ['one pasted passage', pasted],
    ['one passage with every second word changed', altered],
    ['ten quotes', tenQuotes],
    ['unrelated words', unrelated],
  ])('%s', (_name, message) => {
    expect(message.length).toBeGreaterThan(1900);
    const ms = medianCpuMs(() => renderQuoteCheck(checker.check(message), speech));
    console.info(`check + render ${_name}: ${ms.toFixed(1)} ms of CPU (median)`);
    expect(ms).toBeLessThan(50);
  });
});
