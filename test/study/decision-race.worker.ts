/**
 * One bot process for the decision race (test/study/decision-race.test.ts), run in a worker thread: its own SQLite
 * connection to the shared study file, its own KeyedSerialQueue, QuestionQueue and recording publisher. Its store
 * stops each decision at the compare-and-set, after the open check has passed, until the other process has reached
 * the same point: so both have checked before either writes, which two bot processes may do but one never can.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../src/study/adapters/sqlite/open-database.js';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import type { AuditInput } from '../../src/study/study-repository.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import { UserFacingError } from '../../src/refusal/user-facing-error.js';
import { renderRefusal } from '../../src/refusal/render-refusal.js';
import type { StudyActor } from '../../src/study/require-moderator.js';
import { RecordingPublisher, type PublisherCall } from '../support/recording-publisher.js';
import { openTestIndex } from '../support/test-index.js';
import { studyTestServices } from '../support/study-test-context.js';

/** Slots of the race's shared memory. */
export const ARRIVED = 0;
export const WRITTEN = 1;
/** How long a process waits at the compare-and-set for the other before giving up (the race then did not happen). */
const MEETING_TIMEOUT_MS = 10_000;

export interface RaceBotData {
  readonly file: string;
  readonly indexFolder: string;
  readonly defaults: Omit<GuildSettings, 'guildId'>;
}

export type RaceBotRequest =
  | {
      readonly type: 'decide';
      readonly race: SharedArrayBuffer;
      readonly contenders: number;
      /** When set, this process writes only once this many decisions have been written (0: first): a fixed order of writes. */
      readonly writeTurn: number | undefined;
      readonly actor: StudyActor;
      readonly questionId: number;
      readonly decision: 'approve' | 'reject';
      readonly reason: string | null;
    }
  | { readonly type: 'stop' };

/** What one process saw at the compare-and-set. */
export interface AtTheDecision {
  /** It reached the store's decide, which QuestionQueue calls only once its open check (`decideQuestion`) passed. */
  readonly passedOpenCheck: boolean;
  /** The other process reached its decide too before this one wrote. */
  readonly metTheOther: boolean;
  /** Decisions written by anyone when this one arrived. */
  readonly writtenBeforeArrival: number;
}

export type RaceBotReply =
  | { readonly type: 'ready' }
  | {
      readonly type: 'decided';
      readonly outcome:
        | { readonly ok: true; readonly reply: string }
        | { readonly ok: false; readonly name: string; readonly code: string | undefined; readonly message: string };
      readonly calls: readonly PublisherCall[];
      readonly atTheDecision: AtTheDecision | undefined;
    }
  | { readonly type: 'stopped' };

/** The study store, waiting at each decision's compare-and-set until every contender of the race has arrived there. */
class StoreMeetingAtTheDecision extends SqliteStudyRepository {
  race: { slots: Int32Array; contenders: number; writeTurn: number | undefined; seen?: AtTheDecision } | undefined;

  override decide(
    questionId: number,
    decision: { status: 'approved' | 'rejected'; by: string; at: number; reason: string | null },
    audit: AuditInput,
  ): boolean {
    const race = this.race;
    if (race === undefined) return super.decide(questionId, decision, audit);
    const writtenBeforeArrival = Atomics.load(race.slots, WRITTEN);
    Atomics.add(race.slots, ARRIVED, 1);
    Atomics.notify(race.slots, ARRIVED);
    race.seen = {
      passedOpenCheck: true,
      metTheOther: waitUntil(race.slots, ARRIVED, race.contenders),
      writtenBeforeArrival,
    };
    if (race.writeTurn !== undefined && !waitUntil(race.slots, WRITTEN, race.writeTurn))
      throw new Error(`decision-race: turn ${race.writeTurn} to write never came`);
    try {
      return super.decide(questionId, decision, audit);
    } finally {
      Atomics.add(race.slots, WRITTEN, 1);
      Atomics.notify(race.slots, WRITTEN);
    }
  }
}

/** Blocks this thread (as the synchronous SQLite driver would) until the count in `slot` reaches `atLeast`; false on time-out. */
function waitUntil(slots: Int32Array, slot: number, atLeast: number): boolean {
  const deadline = Date.now() + MEETING_TIMEOUT_MS;
  for (let count = Atomics.load(slots, slot); count < atLeast; count = Atomics.load(slots, slot)) {
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(slots, slot, count, left) === 'timed-out')
      return Atomics.load(slots, slot) >= atLeast;
  }
  return true;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('decision-race.worker runs in a worker thread');
  const { file, indexFolder, defaults } = workerData as RaceBotData;
  const index = await openTestIndex(indexFolder, { dense: false, rebuild: 'never' });
  const repository = new StoreMeetingAtTheDecision(openDatabase(file));
  const publisher = new RecordingPublisher();
  const { queue } = studyTestServices({ repository, publisher, index, defaults, now: () => Date.now() });
  const send = (reply: RaceBotReply) => port.postMessage(reply);

  port.on('message', (request: RaceBotRequest) => {
    if (request.type === 'stop') {
      repository.close();
      send({ type: 'stopped' });
      port.close();
      return;
    }
    const race: NonNullable<StoreMeetingAtTheDecision['race']> = {
      slots: new Int32Array(request.race),
      contenders: request.contenders,
      writeTurn: request.writeTurn,
    };
    repository.race = race;
    const from = publisher.calls.length;
    const decided =
      request.decision === 'approve'
        ? queue.approve(request.actor, request.questionId)
        : queue.reject(request.actor, request.questionId, request.reason);
    void decided
      .then(
        (reply) => ({ ok: true as const, reply }),
        (error: unknown) => {
          if (!(error instanceof Error)) throw error;
          return {
            ok: false as const,
            name: error.name,
            code: error instanceof UserFacingError ? error.code : undefined,
            message: error instanceof UserFacingError ? renderRefusal(error.refusal) : error.message,
          };
        },
      )
      .then((outcome) => {
        repository.race = undefined;
        send({ type: 'decided', outcome, calls: publisher.calls.slice(from), atTheDecision: race.seen });
      });
  });
  send({ type: 'ready' });
}

await main();
