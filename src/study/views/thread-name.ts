/** A session thread's name: its title (the section's name unless the moderator gave one) and its day, in 100 characters. */
export function threadNameOf(title: string, sectionName: string, startedAt: number): string {
  const date = new Date(startedAt).toISOString().slice(0, 10);
  return (title === sectionName ? `${sectionName} · ${date}` : `${title} (${sectionName}) · ${date}`).slice(0, 100);
}
