/**
 * `npm run lint` (architecture): the arrows ARCHITECTURE.md forbids, as rules over the real import graph. Kept under
 * test/ so the project's top level stays as designed.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const FEATURES = '(speech|search|passages|study|quote-check|help|feedback|discord|cli|console|refusal|concurrency)';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules are one concept split in two, or a layer points the wrong way.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'feature-adapters-are-private',
      severity: 'error',
      comment:
        'A feature’s adapters are its own: only the composition root (src/app) and the discord.js runtime (which registers every feature’s commands) use another feature’s adapters; a feature’s own Discord adapters build on the runtime’s (command definitions, message conversion, the handler context). Types may be shared.',
      from: { path: `^src/${FEATURES}/`, pathNot: ['^src/discord/adapters/', `^src/${FEATURES}/adapters/`] },
      to: { path: `^src/${FEATURES}/adapters/`, pathNot: '^src/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'feature-adapters-use-only-the-discord-runtime',
      severity: 'error',
      from: { path: `^src/${FEATURES}/adapters/`, pathNot: '^src/discord/adapters/' },
      to: {
        path: `^src/${FEATURES}/adapters/`,
        pathNot: ['^src/$1/', '^src/discord/adapters/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-adapters-use-the-discord-runtime',
      severity: 'error',
      comment: 'Pure code renders plain data; turning it into discord.js calls is an adapter’s job.',
      from: { path: `^src/${FEATURES}/`, pathNot: ['/adapters/', '^src/discord/adapters/'] },
      to: { path: '^src/discord/adapters/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-know-no-app',
      severity: 'error',
      comment: 'Features do not reach back into the composition root; an adapter may name the Config type it is given.',
      from: { path: `^src/${FEATURES}/` },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'the-speech-is-the-bottom',
      severity: 'error',
      comment: 'The text knows nothing of what is done with it.',
      from: { path: '^src/speech/' },
      to: { path: '^src/', pathNot: ['^src/speech/', '^src/refusal/', '^src/project-root\\.ts$'] },
    },
    {
      name: 'discords-rules-are-plain-data',
      severity: 'error',
      comment: 'custom_ids, limits, escaping and message views know no feature and no discord.js runtime.',
      from: { path: '^src/discord/[^/]+\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/discord/[^/]+\\.ts$', '^src/refusal/'] },
    },
    {
      name: 'shared-code-imports-no-feature',
      severity: 'error',
      from: { path: '^src/(refusal|concurrency)/' },
      to: { path: '^src/', pathNot: ['^src/(refusal|concurrency)/'] },
    },
    {
      name: 'refusals-are-worded-at-the-edge',
      severity: 'error',
      comment:
        'Features refuse with data (src/refusal/refusal.ts); only the front ends turn a refusal into words: the one interaction handler, the CLI and the console.',
      from: {
        path: '^src/',
        pathNot: ['^src/discord/adapters/handle-interaction\\.ts$', '^src/cli/', '^src/console/', '^src/refusal/'],
      },
      to: { path: '^src/refusal/render-refusal\\.ts$' },
    },
    {
      name: 'only-app-and-entry-points-use-compose',
      severity: 'error',
      comment: 'The composition root is the top: nothing in a feature imports it.',
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/app/'] },
      to: { path: '^src/app/compose\\.ts$' },
    },
    {
      name: 'features-in-layers',
      severity: 'error',
      comment: 'The search knows no commands, no Discord and no front end.',
      from: { path: '^src/search/' },
      to: { path: '^src/(passages|study|discord|cli|console)/' },
    },
    {
      name: 'passages-know-no-study',
      severity: 'error',
      from: { path: '^src/passages/' },
      to: { path: '^src/study/' },
    },
    {
      name: 'tests-do-not-reach-into-other-tests',
      severity: 'error',
      comment: 'Shared test code lives in test/support; a test file imports no other test file.',
      from: { path: '^test/' },
      to: { path: '\\.test\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.cache|test/\\.generated)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
