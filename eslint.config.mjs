// Lint rules that make the layering of style.md a build failure, not a convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Imports every folder may never make: the inspector cannot run anything. */
const forbiddenEverywhere = [
  { name: 'child_process', message: 'The inspector never runs anything.' },
  { name: 'node:child_process', message: 'The inspector never runs anything.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'test/e2e/__screenshots__/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Focused tests silence the rest of the suite.' },
        { object: 'it', property: 'only', message: 'Focused tests silence the rest of the suite.' },
        { object: 'test', property: 'only', message: 'Focused tests silence the rest of the suite.' },
        { object: 'shell', property: 'openExternal', message: 'Never open URLs found in evidence.' },
        { object: 'shell', property: 'openPath', message: 'The inspector never opens or runs files.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })), { name: 'electron', message: 'shared/ never imports electron.' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ imports zod only.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })), { name: 'electron', message: 'The renderer talks to the bridge object only.' }],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer never imports electron/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...forbiddenEverywhere, { name: 'electron', message: 'Only electron/app/ imports electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/app/**'], message: 'Nothing imports electron/app or the renderer back.' }],
        },
      ],
    },
  },
  {
    files: ['electron/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: forbiddenEverywhere, patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }] }],
    },
  },
);
