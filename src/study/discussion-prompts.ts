/** Prompts for a passage when the moderator gives none; they ask readers to look closely, not to agree. */
export const DISCUSSION_PROMPTS = [
  'What is the main claim of this passage, in one sentence of your own?',
  'What evidence does the Director General offer here, and is it enough to carry the claim?',
  'Which word or phrase carries the most weight in this passage, and why was it chosen?',
  'Who is this passage addressed to, and how can you tell?',
  'What does this passage leave unsaid, and why might that be?',
  'How does this passage build on, or change, what came before it?',
] as const;

/** The prompt for the n-th passage of a session: the moderator's own, or the next of the built-in set. */
export function discussionPrompt(cursor: number, own?: string): string {
  return own?.trim() || (DISCUSSION_PROMPTS[cursor % DISCUSSION_PROMPTS.length] ?? DISCUSSION_PROMPTS[0]);
}
