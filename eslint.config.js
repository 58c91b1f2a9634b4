import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'worker_threads'];

/**
 * The layering of STYLE.md §1, enforced: each room may only import what it is allowed to.
 * One rule per file set: a later config's no-restricted-imports replaces an earlier one, so a
 * folder under two restrictions lists both.
 */
function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const NO_ELECTRON = {
  group: ['electron', '**/renderer/src/**', '**/main/**', '**/preload/**'],
  message: 'Only the Electron shell (electron/main, electron/preload) may import electron or the renderer.',
};
// The demo generators write bulk data straight through the repos: tooling for the CLI and the
// tests, never reachable from the product's services or from the doors the renderer talks to.
const NO_DEMO = { group: ['**/demo/**'], message: 'Demo data is tooling: only the CLI and the tests use electron/core/demo.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'renderer/dist/', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Tests poke at envelopes and fakes whose exact types add nothing to what they assert.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict({
      group: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
      message: 'shared/ is pure TypeScript: it imports nothing from electron/, renderer/, node or the DOM.',
    }),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: restrict({
      group: [...NODE_BUILTINS, 'electron', 'better-sqlite3', '**/electron/**'],
      message: 'renderer/ talks to the core only through the typed api (renderer/src/api.ts).',
    }),
  },
  {
    files: ['electron/core/demo/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(NO_ELECTRON),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts'],
    ignores: ['electron/core/demo/**'],
    rules: restrict(NO_ELECTRON, NO_DEMO),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(NO_DEMO),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      group: [...NODE_BUILTINS, 'better-sqlite3', '**/core/**', '**/renderer/**'],
      message: 'The sandboxed preload may import only electron and shared/ (it cannot load node modules).',
    }),
  },
);
