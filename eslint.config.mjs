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

/**
 * The import order inside electron/, lowest first: each folder and the folders
 * it may import. A folder not listed (or listed after it) is out of bounds, so
 * a new import across folders must follow this order or change it here and in
 * docs/architecture.md.
 */
const ELECTRON_LAYERS = {
  index: [],
  integrity: [],
  families: ['index', 'integrity'],
  ingest: ['index', 'integrity', 'families'],
  inspect: ['index', 'integrity', 'families'],
  api: ['index', 'integrity', 'families', 'ingest', 'inspect'],
  bridge: ['index', 'integrity', 'families', 'ingest', 'inspect', 'api'],
  cli: ['index', 'integrity', 'families', 'ingest', 'inspect', 'api', 'bridge'],
  app: ['index', 'integrity', 'families', 'ingest', 'inspect', 'api', 'bridge'],
};

/** The electron/ folders `folder` may not import: every one but itself and those below it. */
function electronFoldersAbove(folder, below) {
  return Object.keys(ELECTRON_LAYERS).filter((name) => name !== folder && !below.includes(name));
}

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
    // A file of electron/ outside the folders below (a new folder, before it takes its place in ELECTRON_LAYERS).
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...forbiddenEverywhere, { name: 'electron', message: 'Only electron/app/ imports electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/app/**', '!**/shared/app/**'], message: 'Nothing imports electron/app or the renderer back.' }],
        },
      ],
    },
  },
  // One config per folder of electron/, each naming every folder above it; ESLint keeps only the last options of a rule.
  ...Object.entries(ELECTRON_LAYERS).map(([folder, below]) => ({
    files: [`electron/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: folder === 'app' ? forbiddenEverywhere : [...forbiddenEverywhere, { name: 'electron', message: 'Only electron/app/ imports electron.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' },
            ...electronFoldersAbove(folder, below).map((above) => ({
              group: [`**/${above}/**`, `!**/shared/${above}/**`],
              message: `electron/${folder}/ may import only ${below.length === 0 ? 'shared/' : below.map((name) => `electron/${name}/`).join(', ')} of the other folders (docs/architecture.md).`,
            })),
          ],
        },
      ],
    },
  })),
);
