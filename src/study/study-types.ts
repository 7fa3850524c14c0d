/** A guild's study settings; `/study config` changes them, `MODERATOR_ROLE_ID` and `MOD_LOG_CHANNEL_ID` give defaults. */
export interface GuildSettings {
  readonly guildId: string;
  readonly moderatorRoleId: string | null;
  readonly modChannelId: string | null;
  /** Members' public /ask in a session thread goes through the moderators' queue. */
  readonly moderated: boolean;
  /** Seconds between two questions of one member in a session. */
  readonly cooldownSeconds: number;
  /** Questions containing one of these (case-insensitive) are rejected automatically. */
  readonly blockedTerms: readonly string[];
}

export type SessionStatus = 'active' | 'paused' | 'ended';

/** One reading of the speech in one thread. */
export interface StudySession {
  readonly id: number;
  readonly guildId: string;
  /** The text channel the thread was opened in. */
  readonly channelId: string;
  readonly threadId: string;
  readonly title: string;
  readonly sectionId: string;
  readonly startedBy: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly status: SessionStatus;
  /** ¶ number of the passage on the table. */
  readonly currentParagraph: number;
  /** ¶ numbers posted so far, ascending, unique. */
  readonly covered: readonly number[];
  /** Snapshot of the guild's setting when the session started. */
  readonly moderated: boolean;
  /** Which built-in discussion prompt comes next. */
  readonly promptCursor: number;
}

/** held: waiting for the session to resume; pending: waiting for a moderator. */
export type QuestionStatus = 'held' | 'pending' | 'approved' | 'rejected' | 'answered';

export interface QueuedQuestion {
  readonly id: number;
  readonly sessionId: number;
  readonly guildId: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly status: QuestionStatus;
  readonly createdAt: number;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
  readonly reason: string | null;
  /** The moderators' copy, once posted. */
  readonly modChannelId: string | null;
  readonly modMessageId: string | null;
  /** The ¶ of its top passage when it was asked (null for questions asked before the map existed). */
  readonly landedOn: number | null;
  /** Members who pressed Me too, in the order they did; the author is not among them. */
  readonly coAskers: readonly Asker[];
}

/** A member as a question credits them: by display name, never by mention. */
export interface Asker {
  readonly id: string;
  readonly name: string;
}

/** A passage as it was put on a session's table. */
export interface Reading {
  readonly seq: number;
  readonly paragraph: number;
  readonly prompt: string;
  readonly at: number;
}

/** A question held back because the same one was waiting, until its author presses Ask anyway. */
export interface QuestionDraft {
  readonly id: number;
  readonly sessionId: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly landedOn: number | null;
  readonly createdAt: number;
}

export type AuditAction =
  | 'config'
  | 'start'
  | 'advance'
  | 'pause'
  | 'resume'
  | 'end'
  | 'approve'
  | 'reject'
  | 'auto-reject'
  | 'refused'
  | 'me-too'
  | 'reopen';

export interface AuditEntry {
  readonly id: number;
  readonly guildId: string;
  readonly sessionId: number | null;
  readonly actorId: string;
  readonly action: AuditAction;
  readonly detail: string;
  readonly at: number;
}

/** Counts for a session's recap. */
export interface SessionStats {
  readonly participants: number;
  readonly messages: number;
  readonly questions: {
    readonly asked: number;
    readonly approved: number;
    readonly rejected: number;
    readonly answered: number;
  };
}
