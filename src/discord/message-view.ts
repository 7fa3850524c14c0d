/**
 * What the bot will post, as plain data: rendering decisions are made (and tested) here, without discord.js; the
 * Discord adapter turns a view into a payload.
 */
export interface EmbedView {
  readonly title?: string;
  readonly author?: string;
  readonly description?: string;
  readonly fields?: ReadonlyArray<{ readonly name: string; readonly value: string; readonly inline?: boolean }>;
  readonly footer?: string;
  readonly color?: number;
}

export interface ButtonView {
  readonly customId: string;
  readonly label: string;
  readonly style: 'primary' | 'secondary';
  readonly disabled?: boolean;
}

/** A file attached to a message: a picture with the description screen readers read out. */
export interface FileView {
  readonly name: string;
  readonly data: Uint8Array;
  /** Alt text: at most 1024 characters (Discord's limit for an attachment's description). */
  readonly description: string;
}

export interface MessageView {
  readonly content?: string;
  readonly embeds: readonly EmbedView[];
  /** Rows of buttons. */
  readonly buttons: ReadonlyArray<readonly ButtonView[]>;
  readonly files?: readonly FileView[];
}

export const COLORS = {
  answer: 0x2b6cb0,
  weak: 0x8a8f98,
  section: 0x2f855a,
  quote: 0x6b46c1,
  notice: 0xb7791f,
} as const;

/** Characters that count towards Discord's 6000-per-message embed total. */
export function embedLength(embed: EmbedView): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title ?? '').length +
    (embed.author ?? '').length +
    (embed.description ?? '').length +
    (embed.footer ?? '').length +
    fields
  );
}
