import { DISCORD_LIMITS } from './discord-limits.js';

/**
 * Button state lives in the custom_id, so buttons keep working after a restart with nothing stored. Each kind has a
 * versioned prefix; an id of an unknown version or shape decodes to `undefined`, never to a guess. `speech` is a short
 * hash of the speech text: a button made for another text is refused rather than pointing at the wrong paragraph.
 */
export type ButtonState =
  | {
      /** Next or previous passages of an /ask answer. */
      readonly kind: 'answer-page';
      readonly owner: string;
      readonly private: boolean;
      /** How many passages, from the first, are confident matches; the rest are weak (confident ones come first). */
      readonly confidentCount: number;
      readonly offset: number;
      readonly perPage: number;
      readonly speech: string;
      /** The stored answer its rating buttons name (`a3` ids), when it could be stored; pages keep the buttons. */
      readonly answer?: number;
      /** The whole ranking: ¶ numbers with the sentence range of each highlight. */
      readonly ranking: ReadonlyArray<{
        readonly paragraph: number;
        readonly firstSentence: number;
        readonly lastSentence: number;
      }>;
    }
  | {
      readonly kind: 'section-page';
      readonly owner: string;
      readonly private: boolean;
      readonly section: number;
      readonly page: number;
      readonly speech: string;
    }
  /** "Whole section" on an answer: opens the section for whoever presses, privately, leaving the answer as it is. */
  | { readonly kind: 'section-open'; readonly section: number; readonly speech: string }
  | { readonly kind: 'quote'; readonly paragraph: number; readonly speech: string }
  /** A moderator's Approve or Reject on a queued question, and the reason modal behind Reject. */
  | {
      readonly kind: 'question';
      /** Approve, Reject (and its reason modal) and Reopen are moderators'; Me too and Ask anyway are members'. */
      readonly action: 'approve' | 'reject' | 'reject-reason' | 'reopen' | 'me-too' | 'ask-anyway';
      /** The question's id; for Ask anyway, the id of the held-back draft. */
      readonly question: number;
    }
  /** 👍 or 👎 on an /ask answer, by the answer's id in the feedback store. */
  | { readonly kind: 'rating'; readonly answer: number; readonly rating: 'up' | 'down' }
  /** The recap's Export transcript button: the session by its id in the store. */
  | { readonly kind: 'session'; readonly action: 'export'; readonly session: number };

// Canonical numbers only (no leading zeros), so that each state has exactly one id.
const SNOWFLAKE = /^(?:0|[1-9]\d{0,19})$/u;
const HASH = /^[0-9a-z]{4}$/u;
const RANKING = /^(?:[0-9a-z]{4})+$/u;
// `a2` answer pages carry a count of confident passages; `a1` (one flag for the whole answer) still decodes; `a3` adds
// the stored answer's id, so that turning a page keeps its rating buttons.
const RATED_ANSWER_PAGE = 'a3';
const PREFIX = {
  'answer-page': 'a2',
  rating: 'r1',
  'section-page': 's1',
  'section-open': 'o1',
  quote: 'q1',
  question: 'm1',
  session: 'x1',
} as const;
const QUESTION_ACTIONS = {
  approve: 'a',
  reject: 'r',
  'reject-reason': 'm',
  reopen: 'o',
  'me-too': 't',
  'ask-anyway': 'y',
} as const;

const b36 = (value: number, width: number): string => value.toString(36).padStart(width, '0');
const fromB36 = (text: string | undefined): number =>
  text !== undefined && /^[0-9a-z]+$/u.test(text) ? parseInt(text, 36) : Number.NaN;

/** A stored row's id in canonical base 36 (no leading zeros), from 1; `undefined` for anything else. */
function storedId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9a-z][0-9a-z]{0,9}$/u.test(text)) return undefined;
  const id = parseInt(text, 36);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** Encodes button state; throws if the result would exceed Discord's 100 characters (a programming error). */
export function encodeButtonState(state: ButtonState): string {
  let id: string;
  switch (state.kind) {
    case 'answer-page': {
      const ranking = state.ranking
        .map(
          (item) =>
            b36(item.paragraph, 2) + b36(Math.min(item.firstSentence, 35), 1) + b36(Math.min(item.lastSentence, 35), 1),
        )
        .join('');
      id = [
        state.answer === undefined ? PREFIX[state.kind] : RATED_ANSWER_PAGE,
        state.owner,
        state.private ? 1 : 0,
        Math.min(state.confidentCount, state.ranking.length),
        state.offset,
        state.perPage,
        state.speech,
        ranking,
        ...(state.answer === undefined ? [] : [state.answer.toString(36)]),
      ].join('.');
      break;
    }
    case 'rating':
      id = [PREFIX[state.kind], state.answer.toString(36), state.rating === 'up' ? 'u' : 'd'].join('.');
      break;
    case 'section-page':
      id = [PREFIX[state.kind], state.owner, state.private ? 1 : 0, state.section, state.page, state.speech].join('.');
      break;
    case 'section-open':
      id = [PREFIX[state.kind], state.section, state.speech].join('.');
      break;
    case 'quote':
      id = [PREFIX[state.kind], state.paragraph, state.speech].join('.');
      break;
    case 'question':
      id = [PREFIX[state.kind], QUESTION_ACTIONS[state.action], state.question].join('.');
      break;
    case 'session':
      id = [PREFIX[state.kind], 'e', state.session].join('.');
      break;
  }
  if (id.length > DISCORD_LIMITS.customId) throw new RangeError(`custom_id of ${id.length} characters: ${id}`);
  return id;
}

/** Decodes a custom_id made by {@link encodeButtonState}; `undefined` for anything else, tampered or outdated. */
export function decodeButtonState(customId: string): ButtonState | undefined {
  if (customId.length > DISCORD_LIMITS.customId) return undefined;
  const [prefix, ...parts] = customId.split('.');
  const wholeNumber = (text: string | undefined, max: number): number | undefined => {
    const value = text !== undefined && /^(?:0|[1-9]\d{0,2})$/u.test(text) ? Number(text) : Number.NaN;
    return Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
  };
  const legacy = prefix === 'a1' && parts.length === 6;
  const rated = prefix === RATED_ANSWER_PAGE && parts.length === 8;
  if ((prefix === PREFIX['answer-page'] && parts.length === 7) || legacy || rated) {
    // a1: owner.flags(private 1, confident 2).offset.perPage.speech.ranking; a2: owner.private.confidentCount.offset…;
    // a3: as a2, then the answer's id.
    const answer = rated ? storedId(parts.pop()) : undefined;
    if (rated && answer === undefined) return undefined;
    const [owner = '', flagText, ...rest] = parts;
    const [countText, offsetText, perPageText, speech = '', rankingText = ''] = legacy ? [undefined, ...rest] : rest;
    const flags = wholeNumber(flagText, legacy ? 3 : 1);
    const offset = wholeNumber(offsetText, 99);
    const perPage = wholeNumber(perPageText, 10);
    if (!SNOWFLAKE.test(owner) || flags === undefined || offset === undefined || !perPage || !HASH.test(speech))
      return undefined;
    // Whole passages of four base-36 characters, nothing else: a match that skipped a line end would drop what it hid.
    if (!RANKING.test(rankingText)) return undefined;
    const ranking = (rankingText.match(/.{4}/gu) ?? []).map((item) => ({
      paragraph: fromB36(item.slice(0, 2)),
      firstSentence: fromB36(item.slice(2, 3)),
      lastSentence: fromB36(item.slice(3, 4)),
    }));
    if (
      ranking.some(
        (item) =>
          !(item.paragraph >= 1) || Number.isNaN(item.firstSentence) || !(item.lastSentence >= item.firstSentence),
      )
    )
      return undefined;
    if (offset >= ranking.length) return undefined;
    const confidentCount = legacy ? ((flags & 2) === 2 ? ranking.length : 0) : wholeNumber(countText, ranking.length);
    if (confidentCount === undefined) return undefined;
    return {
      kind: 'answer-page',
      owner,
      private: (flags & 1) === 1,
      confidentCount,
      offset,
      perPage,
      speech,
      ranking,
      ...(answer === undefined ? {} : { answer }),
    };
  }
  if (prefix === PREFIX.rating && parts.length === 2) {
    const [answerText, ratingText] = parts;
    const answer = storedId(answerText);
    if (answer === undefined || (ratingText !== 'u' && ratingText !== 'd')) return undefined;
    return { kind: 'rating', answer, rating: ratingText === 'u' ? 'up' : 'down' };
  }
  if (prefix === PREFIX['section-page'] && parts.length === 5) {
    const [owner = '', privateText, sectionText, pageText, speech = ''] = parts;
    const isPrivate = wholeNumber(privateText, 1);
    const section = wholeNumber(sectionText, 999);
    const page = wholeNumber(pageText, 999);
    if (!SNOWFLAKE.test(owner) || isPrivate === undefined || !section || page === undefined || !HASH.test(speech))
      return undefined;
    return { kind: 'section-page', owner, private: isPrivate === 1, section, page, speech };
  }
  if (prefix === PREFIX['section-open'] && parts.length === 2) {
    const [sectionText, speech = ''] = parts;
    const section = wholeNumber(sectionText, 999);
    if (!section || !HASH.test(speech)) return undefined;
    return { kind: 'section-open', section, speech };
  }
  if (prefix === PREFIX.session && parts.length === 2) {
    const [actionText, sessionText] = parts;
    const session = sessionText !== undefined && /^[1-9]\d{0,11}$/u.test(sessionText) ? Number(sessionText) : 0;
    if (actionText !== 'e' || session < 1) return undefined;
    return { kind: 'session', action: 'export', session };
  }
  if (prefix === PREFIX.question && parts.length === 2) {
    const [actionText, questionText] = parts;
    const action = (Object.keys(QUESTION_ACTIONS) as Array<keyof typeof QUESTION_ACTIONS>).find(
      (key) => QUESTION_ACTIONS[key] === actionText,
    );
    const question = questionText !== undefined && /^[1-9]\d{0,11}$/u.test(questionText) ? Number(questionText) : 0;
    if (!action || question < 1) return undefined;
    return { kind: 'question', action, question };
  }
  if (prefix === PREFIX.quote && parts.length === 2) {
    const [paragraphText, speech = ''] = parts;
    const paragraph = wholeNumber(paragraphText, 999);
    if (!paragraph || !HASH.test(speech)) return undefined;
    return { kind: 'quote', paragraph, speech };
  }
  return undefined;
}

/** A four-character tag of the speech text (from its SHA-256) that buttons carry. */
export function speechTag(sourceSha256: string): string {
  return parseInt(sourceSha256.slice(0, 6), 16).toString(36).padStart(4, '0').slice(-4);
}
