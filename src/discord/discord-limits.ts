/** Discord's message limits (https://discord.com/developers/docs/resources/message), checked before anything is sent. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedAuthor: 256,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embeds: 10,
  /** Title, description, fields, footer and author of all embeds of one message together. */
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  /** Follow-up messages a user-installed app may send to one interaction. */
  followUps: 5,
} as const;
