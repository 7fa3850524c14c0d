/**
 * What `/study export` writes down, gathered from the store and the speech: the data the Markdown and HTML
 * renderings share. Everything a member or moderator wrote (title, prompts, questions, names) is raw text here; each
 * rendering escapes it for its own format.
 */
export interface Transcript {
  readonly title: string;
  /** The thread's name, which names the files. */
  readonly threadName: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** Whether moderators approved its questions; an unmoderated session's were answered as they were asked. */
  readonly moderated: boolean;
  /** Display names of the moderators who acted in the session (started it, moved, decided), in order of first act. */
  readonly moderators: readonly string[];
  /** Each passage in the order it was put on the table (a paragraph read twice appears twice). */
  readonly readings: readonly TranscriptReading[];
  /** Counted, never quoted: a rejected question's text stays out of the transcript. */
  readonly rejected: number;
  /** Questions still waiting (held or pending) when the export was made or the session ended. */
  readonly notTakenUp: number;
  /** The paragraph map of the whole session: its summary in words and its SVG (inline in the HTML). */
  readonly map: { readonly summary: string; readonly svg: string; readonly description: string };
}

export interface TranscriptReading {
  readonly paragraph: number;
  readonly sectionName: string;
  /** The paragraph, verbatim from the speech. */
  readonly text: string;
  /** The discussion prompt posted with it. */
  readonly prompt: string;
  /** Epoch milliseconds it was put on the table. */
  readonly at: number;
  /** Questions approved while this passage was on the table, in the order they were approved. */
  readonly questions: readonly TranscriptQuestion[];
}

export interface TranscriptQuestion {
  readonly text: string;
  /** The author first, then every member who pressed Me too, by display name. */
  readonly askers: readonly string[];
  /** Citations of the answer's passages, as the bot cites them ("State Threats · ¶12"). */
  readonly citations: readonly string[];
}

/** A file to attach. */
export interface TranscriptFile {
  readonly name: string;
  readonly content: string;
}
