// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering rule (docs/ARCHITECTURE.md): routes → services → repositories → db; schemas and core are used
 * by all; nothing imports a route. Each entry says what a folder may not import, and the message says why.
 */
const layers = [
  {
    files: ['src/routes/**'],
    forbid: ['**/db/**', '**/repositories/**'],
    why: 'Routes call services; only repositories talk to the database (docs/ARCHITECTURE.md).',
  },
  {
    files: ['src/services/**'],
    forbid: ['**/routes/**', '**/views/**', 'fastify'],
    why: 'Services hold the rules and know nothing of HTTP or pages, so they can be tested and reused alone.',
  },
  {
    files: ['src/repositories/**'],
    forbid: ['**/routes/**', '**/services/**', '**/views/**'],
    why: 'Repositories only read and write data; rules belong to services.',
  },
  {
    files: ['src/db/**', 'src/schemas/**', 'src/core/**', 'src/views/**'],
    forbid: ['**/routes/**', '**/services/**', '**/repositories/**'],
    why: 'Only src/app.ts wires the layers together; these folders are used by the layers, not the other way round.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'drizzle/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // An un-awaited promise is a bug that shows up later, somewhere else: the most common one in async code.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify takes async plugins and handlers whether or not they await; what they return is the reply.
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...layers.map(({ files, forbid, why }) => ({
    files,
    // Type-only imports are allowed: a service may name the type of the database handle it is given.
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: forbid, message: why, allowTypeImports: true }] },
      ],
    },
  })),
  {
    files: ['public/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['*.config.{js,ts}', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
