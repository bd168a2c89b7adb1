import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules that only the thin Electron files may import. */
const electronOnly = {
  paths: [
    {
      name: 'electron',
      message: 'Only electron/main/{index,window,ipc,platform}.ts and the preload import electron.',
    },
  ],
};

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'stream',
  'util',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'coverage', 'bench/.cache', 'test/.tmp', 'resources', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    files: [
      'electron/main/index.ts',
      'electron/main/window.ts',
      'electron/main/ipc.ts',
      'electron/main/platform.ts',
      'electron/preload/**/*.ts',
      'test/unit/electron-*.test.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly.paths[0]!, { name: 'react', message: 'shared/ is pure TypeScript.' }],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node modules.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'shared/ is pure TypeScript: no React.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports nothing from electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnly.paths,
          patterns: [
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
            { group: nodeBuiltins, message: 'renderer/ runs in the sandboxed page: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnly.paths,
          patterns: [{ group: ['**/renderer/**'], message: 'core never imports the renderer.' }],
        },
      ],
    },
  },
);
