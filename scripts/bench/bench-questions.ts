import { LABELLED_QUESTIONS, OFF_TOPIC_QUESTIONS } from '../../test/fixtures/questions.js';
import { mulberry32 } from '../../test/support/seeded-random.js';

/**
 * `count` questions, half real (the labelled and off-topic sets, in turn) and half random: 3–16 words drawn from the
 * speech's vocabulary and made-up words, so that caches and lucky terms do not flatter the figures.
 */
export function benchQuestions(count: number, speechText: string, seed = 2021): string[] {
  const next = mulberry32(seed);
  const real = [...LABELLED_QUESTIONS.map((question) => question.question), ...OFF_TOPIC_QUESTIONS];
  const words = [...new Set(speechText.toLowerCase().match(/[a-z]{3,}/gu) ?? [])];
  const madeUp = () =>
    Array.from({ length: 3 + Math.floor(next() * 6) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(
      '',
    );
  return Array.from({ length: count }, (_, index) => {
    if (index % 2 === 0) return real[(index / 2) % real.length] ?? 'encryption';
    const length = 3 + Math.floor(next() * 14);
    const picked = Array.from({ length }, () =>
      next() < 0.8 ? (words[Math.floor(next() * words.length)] ?? 'threat') : madeUp(),
    );
    return `${picked.join(' ')}?`;
  });
}
