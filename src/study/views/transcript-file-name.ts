/** Long enough for a thread's name and date, short enough to leave room for `-part-12.html` on any file system. */
export const FILE_NAME_MAX_LENGTH = 60;
// Windows refuses these as a file's name whatever its extension (`con.md` included).
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/u;

/**
 * The transcript's file name without its extension, from the thread's name: ASCII letters and digits only (accents
 * dropped by NFKD), every other run of characters one hyphen, lower case, at most {@link FILE_NAME_MAX_LENGTH}
 * characters, cut at a hyphen where one is near. Discord and every file system take it as it is. Never empty: a name
 * with nothing left (a thread named in another script, or in emoji) becomes `transcript-<UTC date>`.
 *
 * @example transcriptFileName('State Threats · 2026-12-02', startedAt) // 'state-threats-2026-12-02'
 */
export function transcriptFileName(threadName: string, startedAt: number): string {
  const slug = slugOf(threadName);
  if (slug === '') return `transcript-${isoDay(startedAt)}`;
  return RESERVED.test(slug) ? `${slug}-transcript` : slug;
}

function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (slug.length <= FILE_NAME_MAX_LENGTH) return slug;
  const cut = slug.slice(0, FILE_NAME_MAX_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  // At the last whole word, unless that throws away most of the name (one very long word).
  return (lastHyphen >= FILE_NAME_MAX_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/u, '');
}

// `2026-12-02`: the session's UTC date, as the transcript shows it.
function isoDay(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : 'undated';
}
