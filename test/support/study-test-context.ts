import { KeyedSerialQueue } from '../../src/concurrency/keyed-serial-queue.js';
import type { StudyRepository } from '../../src/study/study-repository.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import { passageCommandsOf } from '../../src/app/passage-commands-of.js';
import type { StudyContext } from '../../src/study/study-context.js';
import type { StudyPublisher } from '../../src/study/study-publisher.js';
import { recordingLogger } from './test-index.js';

/** One bot run's study context over a real store and index: its own serial queue, a recording logger. */
export function studyTestContext<P extends StudyPublisher>(parts: {
  repository: StudyRepository;
  publisher: P;
  index: OpenedIndex;
  defaults: Omit<GuildSettings, 'guildId'>;
  now: () => number;
}): StudyContext & { publisher: P } {
  const { repository, publisher, index, defaults, now } = parts;
  return { repository, publisher, speech: index.speech, commands: passageCommandsOf(index), defaults, serial: new KeyedSerialQueue(), now, logger: recordingLogger().logger };
}
