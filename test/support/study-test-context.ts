import { composeStudy, passageCommandsOf } from '../../src/app/compose.js';
import type { OpenedIndex } from '../../src/search/index/open-index.js';
import type { StudyPublisher } from '../../src/study/study-publisher.js';
import type { StudyRepository } from '../../src/study/study-repository.js';
import type { GuildSettings } from '../../src/study/study-types.js';
import { recordingLogger } from './test-index.js';

/**
 * One bot run's study services, wired as the bot wires them (`composeStudy`), over a real store and index: its own
 * serial queue, a recording logger unless one is given.
 */
export function studyTestServices<P extends StudyPublisher>(parts: {
  repository: StudyRepository;
  publisher: P;
  index: OpenedIndex;
  defaults: Omit<GuildSettings, 'guildId'>;
  now: () => number;
  logger?: ReturnType<typeof recordingLogger>['logger'];
  drawMap?: Parameters<typeof composeStudy>[0]['drawMap'];
}): ReturnType<typeof composeStudy> & { publisher: P } {
  const { repository, publisher, index, defaults, now } = parts;
  const logger = parts.logger ?? recordingLogger().logger;
  return {
    ...composeStudy({
      repository,
      publisher,
      speech: index.speech,
      commands: passageCommandsOf(index),
      defaults,
      now,
      logger,
      ...(parts.drawMap ? { drawMap: parts.drawMap } : {}),
    }),
    publisher,
  };
}
