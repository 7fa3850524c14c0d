import { afterEach, describe, expect, it } from 'vitest';
import { composeStudy, passageCommandsOf, studyDefaults } from '../../src/app/compose.js';
import { loadConfig } from '../../src/app/config.js';
import { SqliteStudyRepository } from '../../src/study/adapters/sqlite/sqlite-study-repository.js';
import { RecordingPublisher } from '../support/recording-publisher.js';
import { openTestIndex, recordingLogger, temporaryFolder } from '../support/test-index.js';

describe('the composition root', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('gives a server that stored no settings the study defaults of the environment', async () => {
    const config = loadConfig({
      STUDY_MODERATED: 'false',
      STUDY_COOLDOWN_SECONDS: '0',
      MODERATOR_ROLE_ID: '123456789012345678',
    });
    expect(studyDefaults(config)).toEqual({
      moderatorRoleId: '123456789012345678',
      modChannelId: null,
      moderated: false,
      cooldownSeconds: 0,
      blockedTerms: [],
    });

    const temporary = await temporaryFolder('compose');
    cleanups.push(temporary.remove);
    const index = await openTestIndex(temporary.folder, { dense: false });
    const repository = SqliteStudyRepository.open(`${temporary.folder}/study.sqlite`);
    cleanups.push(() => repository.close());
    const { sessions } = composeStudy({
      repository,
      publisher: new RecordingPublisher(),
      speech: index.speech,
      commands: passageCommandsOf(index),
      defaults: studyDefaults(config),
      logger: recordingLogger().logger,
    });
    expect(sessions.settings('987654321098765432')).toEqual({
      guildId: '987654321098765432',
      ...studyDefaults(config),
    });
  });

  it('defaults to moderated sessions with a 30-second cooldown', () => {
    expect(studyDefaults(loadConfig({}))).toMatchObject({ moderated: true, cooldownSeconds: 30 });
  });
});
