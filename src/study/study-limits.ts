/**
 * A member's wait between two questions in a session, in seconds: what `/study config cooldown:` offers, what the
 * environment may set as the default, and what the services accept before storing it.
 */
export const STUDY_COOLDOWN_SECONDS = { min: 0, max: 3600, default: 30 } as const;
