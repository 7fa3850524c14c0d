/** An expected refusal of a study action, with the message to show the user. */
export interface StudyRefusal {
  readonly ok: false;
  readonly code:
    | 'session-ended'
    | 'session-paused'
    | 'not-paused'
    | 'out-of-range'
    | 'already-decided'
    | 'too-many-pending'
    | 'blocked-term'
    | 'too-long'
    | 'cooldown';
  readonly message: string;
}

/** A state transition's result: the new value, or why not. */
export type StudyOutcome<T> = { readonly ok: true; readonly value: T } | StudyRefusal;

export const refuse = (code: StudyRefusal['code'], message: string): StudyRefusal => ({ ok: false, code, message });
export const accept = <T>(value: T): StudyOutcome<T> => ({ ok: true, value });
