import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_EMBEDDING_MODEL, loadConfig, PROJECT_ROOT } from '../../src/app/config.js';
import { FAKE_TOKEN, tokenLeaks } from '../support/fake-token.js';

describe('configuration', () => {
  it('has working defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      askCooldownSeconds: 5,
      answerBudgetMs: 1500,
      moderatorRoleId: undefined,
      modLogChannelId: undefined,
      studyModerated: true,
      studyCooldownSeconds: 30,
      dataDir: path.join(PROJECT_ROOT, 'data'),
      studyDatabaseFile: path.join(PROJECT_ROOT, 'data', 'study.sqlite'),
      feedbackSecret: undefined,
      logLevel: 'info',
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      modelDir: undefined,
      modelCacheDir: path.join(PROJECT_ROOT, '.cache/models'),
      indexDir: path.join(PROJECT_ROOT, 'embeddings'),
    });
  });

  it('resolves relative folders against the project, not the working directory', () => {
    const config = loadConfig({ MODEL_DIR: 'models', INDEX_DIR: '/tmp/index' });
    expect(config.modelDir).toBe(path.join(PROJECT_ROOT, 'models'));
    expect(config.indexDir).toBe('/tmp/index');
  });

  it('treats a blank variable as unset, numbers and levels included', () => {
    expect(loadConfig({ EMBEDDING_MODEL: '  ', MODEL_DIR: '' })).toMatchObject({
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      modelDir: undefined,
    });
    expect(loadConfig({ ASK_COOLDOWN_SECONDS: '', LOG_LEVEL: ' ' })).toMatchObject({
      askCooldownSeconds: 5,
      logLevel: 'info',
    });
    expect(loadConfig({ ASK_COOLDOWN_SECONDS: '0' })).toMatchObject({ askCooldownSeconds: 0 });
  });

  it.each([
    ['DISCORD_CLIENT_ID', 'not-an-id'],
    ['DISCORD_GUILD_ID', '123'],
    ['DISCORD_API_URL', 'ftp://127.0.0.1/api'],
    ['ASK_COOLDOWN_SECONDS', '-1'],
    ['ASK_COOLDOWN_SECONDS', '0x10'],
    ['ASK_COOLDOWN_SECONDS', '3601'],
    ['STUDY_MODERATED', 'yes'],
    ['STUDY_COOLDOWN_SECONDS', '-1'],
    ['STUDY_COOLDOWN_SECONDS', '3601'],
    ['ANSWER_BUDGET_MS', '2501'],
    ['ANSWER_BUDGET_MS', '1.5'],
    ['FEEDBACK_SECRET', 'too short'],
  ])('refuses a bad %s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable} is invalid`, 'u'));
  });

  it('never echoes the token in a configuration error', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, ASK_COOLDOWN_SECONDS: 'x' })).toThrow(
      /^ASK_COOLDOWN_SECONDS/u,
    );
    try {
      loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, ASK_COOLDOWN_SECONDS: 'x' });
    } catch (error) {
      expect(tokenLeaks(String(error))).toEqual([]);
    }
  });

  it('fails fast naming the bad variable, without echoing its value', () => {
    const error = (() => {
      try {
        loadConfig({ LOG_LEVEL: 'loud-secret-value' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^LOG_LEVEL is invalid/u);
    expect((error as Error).message).not.toContain('loud-secret-value');
  });
});
