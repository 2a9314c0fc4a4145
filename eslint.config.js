// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Layering rules that fail the run: see README "How the code is laid out". */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'events'];

/** What the layers above the repositories may not import (services add db/schema below). */
const aboveTheDatabase = {
  paths: [
    { name: 'electron', message: 'Only src/main/index.ts and src/main/electron may import electron.' },
    { name: 'better-sqlite3', message: 'Only src/main/db may use better-sqlite3.' },
    { name: 'kysely', message: 'Only src/main/db/repositories builds SQL.' },
  ],
  patterns: [
    { group: ['**/renderer/**', '@renderer/*'], message: 'Main imports nothing from the renderer.' },
    // better-sqlite3 as db/sqlite.ts loads it (with require): the same rule as the package's own name.
    { group: ['**/db/sqlite'], message: 'Only src/main/db may use better-sqlite3.' },
  ],
};

/** What services may not import: the above, and the tables' row types (repositories answer in domain types). */
const serviceImports = {
  paths: aboveTheDatabase.paths,
  patterns: [
    ...aboveTheDatabase.patterns,
    { group: ['**/db/schema*'], message: 'Services read domain types from the repositories, never table rows from db/schema.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared runs on both sides: no electron.' },
            { name: 'better-sqlite3', message: 'src/shared runs on both sides: no database.' },
            ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'src/shared imports no Node module.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared imports no node: module.' },
            {
              group: ['**/main/**', '**/renderer/**', '@renderer/*', '**/preload/**', 'react', 'react-dom'],
              message: 'src/shared depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through src/renderer/src/api.' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
            ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer runs in a browser.' })),
            // zod and the schemas load when a form or a write needs them (api/schemas.ts), not with the first screen.
            ...['zod', '@shared/contract', '@shared/schemas', '@shared/validation', '@shared/agreement-schema'].map((name) => ({
              name,
              allowTypeImports: true,
              message: 'The renderer takes @shared/manifest, and the schemas from api/schemas.ts (loaded when needed).',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports nothing from main or preload.' },
            {
              group: ['@shared/operations/*-schemas', '@shared/operations/io'],
              allowTypeImports: true,
              message: 'The renderer takes @shared/manifest, and the schemas from api/schemas.ts (loaded when needed).',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the API module may touch the transport (window.cadence or HTTP).
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/api/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'cadence', message: 'Use src/renderer/src/api.' }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use src/renderer/src/api.' },
        { name: 'WebSocket', message: 'Use src/renderer/src/api.' },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Only src/main/db may use better-sqlite3.' }],
          patterns: aboveTheDatabase.patterns,
        },
      ],
    },
  },
  {
    // Electron is only for the thin shell: the core, services and server run under plain Node.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**', 'src/main/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only src/main/index.ts and src/main/electron may import electron.' },
            { name: 'better-sqlite3', message: 'Only src/main/db may use better-sqlite3.' },
          ],
          patterns: aboveTheDatabase.patterns,
        },
      ],
    },
  },
  {
    // SQL is built only in repositories; services hold the rules.
    files: ['src/main/services/**/*.ts', 'src/main/core/**/*.ts', 'src/main/data-folder/**/*.ts', 'src/main/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', aboveTheDatabase] },
  },
  {
    // Repositories answer in domain types; the tables' row types stay behind them.
    files: ['src/main/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serviceImports] },
  },
  {
    // Planning is a feature the others build on; the meeting as the views show it is composed in meeting-view/.
    files: ['src/main/services/planning/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: serviceImports.paths,
          patterns: [
            ...serviceImports.patterns,
            {
              group: [
                '../decisions/*',
                '../commitments/*',
                '../health/*',
                '../live/*',
                '../meeting-view/*',
                '../agreements/*',
                '../demo/*',
              ],
              message: 'Planning reaches up into no other feature: compose them in src/main/services/meeting-view.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', '!./*'], message: 'Migrations are frozen: they import no app code.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
