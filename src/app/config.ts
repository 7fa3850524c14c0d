import path from 'node:path';
import { z } from 'zod';
import { STUDY_COOLDOWN_SECONDS } from '../study/study-limits.js';
import { ConfigError } from '../refusal/config-error.js';
import { PROJECT_ROOT } from '../project-root.js';

/** The project's root folder, so relative paths in the environment mean the same from any working directory. */
export { PROJECT_ROOT };

/** The model the index is built with when `EMBEDDING_MODEL` is not set. */
export const DEFAULT_EMBEDDING_MODEL = 'Xenova/all-MiniLM-L6-v2';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const folder = (fallback: string) => optionalText.transform((value) => path.resolve(PROJECT_ROOT, value ?? fallback));

/** A whole number of seconds from 0 to `max`, or `fallback` when unset. */
const wholeSeconds = (max: number, fallback: number) =>
  optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{1,4}$/u, 'must be a whole number of seconds')
        .transform(Number)
        .pipe(z.number().max(max, `must be at most ${max}`))
        .optional(),
    )
    .transform((value) => value ?? fallback);

const snowflake = optionalText.pipe(
  z
    .string()
    .regex(/^\d{17,20}$/u, 'must be a Discord id (17–20 digits)')
    .optional(),
);

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  MODERATOR_ROLE_ID: snowflake,
  MOD_LOG_CHANNEL_ID: snowflake,
  DATA_DIR: folder('data'),
  FEEDBACK_SECRET: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (or unset, to have one generated)').optional(),
  ),
  DISCORD_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/u, message: 'must be an http(s) URL such as http://127.0.0.1:3000/api' }).optional(),
  ),
  STUDY_MODERATED: optionalText
    .pipe(z.enum(['true', 'false'], { message: 'must be true or false' }).optional())
    .transform((value) => value !== 'false'),
  STUDY_COOLDOWN_SECONDS: wholeSeconds(STUDY_COOLDOWN_SECONDS.max, STUDY_COOLDOWN_SECONDS.default),
  ASK_COOLDOWN_SECONDS: wholeSeconds(3600, 5),
  ANSWER_BUDGET_MS: optionalText
    .pipe(
      z
        .string()
        .regex(/^\d{1,4}$/u, 'must be a whole number of milliseconds')
        .transform(Number)
        .pipe(z.number().max(2500, 'must be at most 2500, to leave time before Discord’s 3 s'))
        .optional(),
    )
    .transform((value) => value ?? 1500),
  LOG_LEVEL: optionalText
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional())
    .transform((value) => value ?? 'info'),
  EMBEDDING_MODEL: optionalText.transform((value) => value ?? DEFAULT_EMBEDDING_MODEL),
  MODEL_DIR: optionalText.transform((value) => (value === undefined ? undefined : path.resolve(PROJECT_ROOT, value))),
  MODEL_CACHE_DIR: folder('.cache/models'),
  INDEX_DIR: folder('embeddings'),
});

/** The study database's file name under DATA_DIR. */
export const STUDY_DATABASE_FILE_NAME = 'study.sqlite';

/** Settings read from the environment once, at start-up. */
export interface Config {
  /** The bot's token; without it `npm start` runs the local console. Never logged. */
  readonly discordToken: string | undefined;
  /** The application's id; needed by deploy-commands (the bot reads it from Discord at login). */
  readonly discordClientId: string | undefined;
  /** Register commands in this guild only (instant, for development); otherwise globally. */
  readonly discordGuildId: string | undefined;
  /** REST base URL for discord.js (`rest: { api }`), for proxies and the test suite's fake Discord. */
  readonly discordApiUrl: string | undefined;
  /** Seconds a member waits between two /ask; 0 turns the cooldown off. */
  readonly askCooldownSeconds: number;
  /**
   * Milliseconds from an interaction's creation within which a ready answer is sent as its first response; a slower
   * one is deferred at that moment and edited in (Discord waits 3 s for the first response).
   */
  readonly answerBudgetMs: number;
  /** Default moderator role of study sessions, for guilds that have not set one with `/study config`. */
  readonly moderatorRoleId: string | undefined;
  /** Default moderators' channel (queued questions, audit lines), likewise. */
  readonly modLogChannelId: string | undefined;
  /** Whether a guild's sessions queue members' questions for moderators, until `/study config` says otherwise. */
  readonly studyModerated: boolean;
  /** Seconds between two questions of one member in a session, until `/study config` says otherwise. */
  readonly studyCooldownSeconds: number;
  /** Where the study database (`study.sqlite`) lives. */
  readonly dataDir: string;
  /** The study database file: `study.sqlite` under `dataDir`. */
  readonly studyDatabaseFile: string;
  /** Key of the hash that stands for members in the ratings store; generated under `dataDir` when unset. Never logged. */
  readonly feedbackSecret: string | undefined;
  readonly logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Hugging Face id of the embedding model (or its folder name under `modelDir`). */
  readonly embeddingModel: string;
  /** A folder of local model files; when set, nothing is downloaded. */
  readonly modelDir: string | undefined;
  /** Where downloaded models are cached: inside the project, because `npm ci` wipes node_modules. */
  readonly modelCacheDir: string;
  /** Where the built index lives; the speech's source text is under `<indexDir>/source/`. */
  readonly indexDir: string;
}

export { ConfigError };

/**
 * Validates the environment and returns the settings.
 *
 * @throws {ConfigError} naming the first bad variable and what it must be.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${variable} is invalid: ${issue?.message ?? 'bad value'} (see .env.example)`);
  }
  const env = parsed.data;
  return Object.freeze({
    discordToken: env.DISCORD_TOKEN,
    discordClientId: env.DISCORD_CLIENT_ID,
    discordGuildId: env.DISCORD_GUILD_ID,
    discordApiUrl: env.DISCORD_API_URL,
    askCooldownSeconds: env.ASK_COOLDOWN_SECONDS,
    answerBudgetMs: env.ANSWER_BUDGET_MS,
    moderatorRoleId: env.MODERATOR_ROLE_ID,
    modLogChannelId: env.MOD_LOG_CHANNEL_ID,
    studyModerated: env.STUDY_MODERATED,
    studyCooldownSeconds: env.STUDY_COOLDOWN_SECONDS,
    dataDir: env.DATA_DIR,
    studyDatabaseFile: path.join(env.DATA_DIR, STUDY_DATABASE_FILE_NAME),
    feedbackSecret: env.FEEDBACK_SECRET,
    logLevel: env.LOG_LEVEL,
    embeddingModel: env.EMBEDDING_MODEL,
    modelDir: env.MODEL_DIR,
    modelCacheDir: env.MODEL_CACHE_DIR,
    indexDir: env.INDEX_DIR,
  });
}
