import type { Logger } from 'pino';
import type { PassageCommands } from '../passages/passage-commands.js';
import type { Speech } from '../speech/speech.js';
import type { StudyRepository } from './study-repository.js';
import type { GuildSettings } from './study-types.js';
import type { KeyedSerialQueue } from '../concurrency/keyed-serial-queue.js';
import type { StudyPublisher } from './study-publisher.js';

/** What the study services share; built once in the bot's wiring. */
export interface StudyContext {
  readonly repository: StudyRepository;
  readonly publisher: StudyPublisher;
  readonly speech: Speech;
  readonly commands: PassageCommands;
  /** Settings of a guild that has stored none (`MODERATOR_ROLE_ID`, `MOD_LOG_CHANNEL_ID`). */
  readonly defaults: Omit<GuildSettings, 'guildId'>;
  readonly serial: KeyedSerialQueue;
  readonly now: () => number;
  readonly logger: Logger;
  /** Rasterises the paragraph map's SVG into a PNG (sharp, in the composition root). */
  readonly drawMap: (svg: string) => Promise<Uint8Array>;
}

/** Posts one audit line in the guild's moderators' channel, when it has one; a failure is logged, never thrown. */
export async function announce(context: StudyContext, settings: GuildSettings, line: string): Promise<void> {
  if (settings.modChannelId === null) return;
  await context.publisher
    .post(settings.modChannelId, { content: line, embeds: [], buttons: [] })
    .catch((error: unknown) => {
      context.logger.warn({ err: error, channel: settings.modChannelId }, 'could not post to the moderators’ channel');
    });
}
