/** Permission bits that make a member a moderator of study sessions, whatever the configured role. */
export const MODERATOR_PERMISSIONS = {
  administrator: 1n << 3n,
  manageGuild: 1n << 5n,
  manageThreads: 1n << 34n,
} as const;

/**
 * The moderator rule, checked by the bot on every moderator action (commands, buttons, modals), not left to Discord's
 * default command permissions: the configured moderator role, or Manage Threads, Manage Server or Administrator.
 */
export function isModerator(
  member: { readonly permissions: bigint; readonly roleIds: readonly string[] },
  moderatorRoleId: string | null,
): boolean {
  const { administrator, manageGuild, manageThreads } = MODERATOR_PERMISSIONS;
  if ((member.permissions & (administrator | manageGuild | manageThreads)) !== 0n) return true;
  return moderatorRoleId !== null && member.roleIds.includes(moderatorRoleId);
}
