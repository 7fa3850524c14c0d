import type { RetrievalMode, Retriever } from '../search/passage-retriever.js';
import { checkResultCount } from '../search/result-count.js';
import { fromRankingItem, toRankingItem } from './answer-ranking-state.js';
import { decodeButtonState, type ButtonState } from '../discord/custom-ids.js';
import type { MessageView } from '../discord/message-view.js';
import { renderAbout } from './views/render-about.js';
import { renderAnswerPage } from './views/render-answer-page.js';
import type { ShownPassage } from './views/render-passage-embeds.js';
import { renderQuoteMessages } from './views/render-quote-messages.js';
import { renderSectionList, renderSectionPage } from './views/render-section-page.js';
import { findParagraphs } from '../speech/find-paragraphs.js';
import { findSection } from '../speech/find-section.js';
import type { Speech } from '../speech/speech.js';
import { UserFacingError } from '../refusal/user-facing-error.js';
import type { ExpiredThing, Refusal } from '../refusal/refusal.js';
import type { AnswerLog } from '../feedback/answer-log.js';
import { rankSectionChoices, type Choice } from './rank-section-choices.js';
import { rankParagraphChoices, type ParagraphChoice } from './rank-paragraph-choices.js';

/** Most paragraphs one /quote may show. */
export const MAX_QUOTED_PARAGRAPHS = 5;
/** Passages an approved question's answer shows in a session's thread. */
export const APPROVED_ANSWER_PASSAGES = 3;
/** Passages an /ask ranks, for its first page and the "More" pages after it. */
const RANKED_PASSAGES = 10;

export interface PassageCommandsParts {
  readonly speech: Speech;
  /** Short hash of the speech text, carried by buttons. */
  readonly speechTag: string;
  readonly retriever: Retriever;
  readonly builtAt: string;
}

/** What a button press does: turn the owner's page, answer the presser with a message of their own, or refuse. */
export type ButtonOutcome =
  | { readonly action: 'update'; readonly view: MessageView }
  | { readonly action: 'reply'; readonly view: MessageView; readonly private: boolean }
  | { readonly action: 'refuse'; readonly refusal: Refusal };

const expired = (what: ExpiredThing): ButtonOutcome => ({
  action: 'refuse',
  refusal: { code: 'button-expired', what },
});

/**
 * The reference commands (/ask, /section, /quote, /about and their buttons) as decisions over plain data: the
 * Discord adapter and the local console both call these and only differ in how they send the views.
 */
export class PassageCommands {
  constructor(private readonly parts: PassageCommandsParts) {}

  /** @throws {UserFacingError} for a question, section or count the user must change. */
  async ask(input: {
    question: string;
    results: number;
    section?: string | undefined;
    private: boolean;
    user: string;
    /** Keeps the answer for its 👍/👎 buttons; without it (the console) the answer has none. */
    log?: AnswerLog | undefined;
  }): Promise<MessageView> {
    checkResultCount(input.results);
    const sectionId =
      input.section === undefined ? undefined : findSection(this.parts.speech.sections, input.section).id;
    const answer = await this.parts.retriever.ask(input.question, {
      limit: RANKED_PASSAGES,
      ...(sectionId ? { sectionId } : {}),
    });
    // Whole sentences are highlighted, exactly as a "More" button rebuilds them after a restart.
    const confidentCount = answer.passages.filter((passage) => passage.confident).length;
    const passages = answer.passages
      .map((passage) => fromRankingItem(this.parts.speech, toRankingItem({ ...passage, highlight: passage.highlight })))
      .filter((passage): passage is ShownPassage => passage !== undefined);
    const answerId = input.log?.keep({
      question: answer.question,
      ranking: passages.map((passage) => passage.paragraph.number),
      mode: this.parts.retriever.mode,
      private: input.private,
      owner: input.user,
    });
    return renderAnswerPage({
      ...this.common(input.user, input.private),
      confidentCount,
      passages,
      offset: 0,
      perPage: input.results,
      question: answer.question,
      ...(answerId === undefined ? {} : { answerId }),
    });
  }

  /** The ¶ of a question's top passage, where it "lands" on the paragraph map. */
  async topParagraph(question: string): Promise<number | undefined> {
    const answer = await this.parts.retriever.ask(question, { limit: 1 });
    return answer.passages[0]?.paragraph.number;
  }

  /** The citations ("State Threats · ¶12") of the passages an approved question's answer quotes. */
  async citations(question: string, count = APPROVED_ANSWER_PASSAGES): Promise<string[]> {
    const answer = await this.parts.retriever.ask(question, { limit: count });
    return answer.passages.map((passage) => `${passage.section.name} · ¶${passage.paragraph.number}`);
  }

  /** A section by name (fuzzy) or id; an unknown name gets the list of sections, privately. */
  section(input: { name: string; user: string; private: boolean }): { view: MessageView; private: boolean } {
    try {
      const section = findSection(this.parts.speech.sections, input.name);
      return {
        view: renderSectionPage({ ...this.common(input.user, input.private), section, page: 0 }),
        private: input.private,
      };
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      return {
        view: renderSectionList(this.parts.speech, input.name, error.code === 'ambiguous-section'),
        private: true,
      };
    }
  }

  /** @throws {UserFacingError} for a paragraph out of range or more than five paragraphs. */
  quote(input: { from: number; to?: number | undefined }): MessageView[] {
    const to = input.to ?? input.from;
    if (to - input.from + 1 > MAX_QUOTED_PARAGRAPHS) {
      throw new UserFacingError({ code: 'quote-too-long', from: input.from, max: MAX_QUOTED_PARAGRAPHS });
    }
    return renderQuoteMessages(this.parts.speech, findParagraphs(this.parts.speech, input.from, to));
  }

  about(): MessageView {
    return renderAbout({ speech: this.parts.speech, mode: this.parts.retriever.mode, builtAt: this.parts.builtAt });
  }

  sectionChoices(typed: string): Choice[] {
    return rankSectionChoices(this.parts.speech.sections, typed);
  }

  /** Paragraph suggestions for a ¶ option, by number or by words (see {@link rankParagraphChoices}). */
  paragraphChoices(typed: string): ParagraphChoice[] {
    return rankParagraphChoices(this.parts.speech, typed);
  }

  /** The speech's title, as published. */
  get speechTitle(): string {
    return this.parts.speech.title;
  }

  /** The retrieval mode answers come from (`hybrid` or `lexical`), for `/help` and `/about`. */
  get mode(): RetrievalMode {
    return this.parts.retriever.mode;
  }

  /** {@link press} for a button known by its custom_id (the console, tests). */
  button(customId: string, user: string): ButtonOutcome {
    return this.press(decodeButtonState(customId), user);
  }

  /**
   * Decides what a press of a reference button does, given its custom_id as the interaction handler decoded it
   * (undefined when it did not decode); tampered, outdated or someone else's private buttons are refused.
   */
  press(state: ButtonState | undefined, user: string): ButtonOutcome {
    if (!state || state.kind === 'question' || state.kind === 'session' || state.kind === 'rating')
      return expired('button');
    if (state.speech !== this.parts.speechTag) return expired('older-index');
    if (state.kind === 'section-open') {
      const section = this.parts.speech.sections[state.section - 1];
      if (!section) return expired('section');
      return {
        action: 'reply',
        view: renderSectionPage({ ...this.common(user, true), section, page: 0 }),
        private: true,
      };
    }
    if (state.kind === 'quote') {
      const paragraph = this.parts.speech.paragraphs[state.paragraph - 1];
      const [view] = paragraph ? this.quote({ from: paragraph.number }) : [];
      return view ? { action: 'reply', view, private: false } : expired('paragraph');
    }
    if (state.private && state.owner !== user) return { action: 'refuse', refusal: { code: 'not-yours' } };
    // Someone else's public answer is not theirs to change: they get the page as a private message of their own.
    const mine = state.owner === user;
    const viewer = this.common(user, state.private || !mine);
    let view: MessageView | undefined;
    if (state.kind === 'answer-page') {
      const passages = state.ranking.map((item) => fromRankingItem(this.parts.speech, item));
      const complete = passages.filter((passage): passage is ShownPassage => passage !== undefined);
      if (complete.length === passages.length)
        view = renderAnswerPage({
          ...viewer,
          confidentCount: state.confidentCount,
          passages: complete,
          offset: state.offset,
          perPage: state.perPage,
          // Only the owner's own page keeps the rating buttons; a copy for someone else is a page of their own.
          ...(state.answer === undefined || !mine ? {} : { answerId: state.answer }),
        });
    } else {
      const section = this.parts.speech.sections[state.section - 1];
      if (section) view = renderSectionPage({ ...viewer, section, page: state.page });
    }
    if (!view) return expired('button');
    return mine ? { action: 'update', view } : { action: 'reply', view, private: true };
  }

  private common(owner: string, isPrivate: boolean) {
    return { speech: this.parts.speech, speechTag: this.parts.speechTag, owner, private: isPrivate };
  }
}
