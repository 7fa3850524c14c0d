/**
 * One example for each command `/help` lists, keyed as it names them: `ask`, `study start`, `Check quote`. A command
 * added to the registry without an example here fails the help test, so the overview never misses one.
 */
export const HELP_EXAMPLES: Readonly<Record<string, string>> = {
  ask: '/ask question: How has the threat from state actors changed?',
  section: '/section name: Encryption',
  quote: '/quote paragraph: 12 to: 13',
  about: '/about',
  help: '/help',
  'Check quote': 'On a message saying “MI5 works to keep the country safe”: Apps → Check quote',
  'Ask the speech': 'On a message asking “what does MI5 say about encryption?”: Apps → Ask the speech',
  'study config': '/study config moderator-role: @Tutors mod-channel: #mod-queue',
  'study start': '/study start section: State Threats title: Week 3',
  'study next': '/study next prompt: What has changed since 2020?',
  'study previous': '/study previous',
  'study goto': '/study goto paragraph: 19',
  'study pause': '/study pause',
  'study resume': '/study resume',
  'study end': '/study end',
  'study status': '/study status',
  'study map': '/study map public: true',
  'study export': '/study export',
};

/** What each message command does, in the words of `/help` (message commands have no description of their own). */
export const MESSAGE_COMMAND_SUMMARIES: Readonly<Record<string, string>> = {
  'Check quote':
    'Checks every passage quoted in a message against the speech: verbatim, altered (the differences marked) or not in it.',
  'Ask the speech': 'Answers a message’s text as `/ask` would, privately.',
};
