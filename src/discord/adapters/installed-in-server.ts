import type { BaseInteraction } from 'discord.js';

/**
 * Whether the server this interaction comes from installed the app. A member may use a user-installed app in a server
 * that never invited it: then `authorizing_integration_owners` holds no guild key, the bot is not a member there, and
 * nothing may assume its channels, threads or permissions.
 */
export function installedInServer(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && interaction.authorizingIntegrationOwners.guildId === interaction.guildId;
}
