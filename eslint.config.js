import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'worker_threads'];

/** The layering of STYLE.md §1, enforced: each room may only import what it is allowed to. */
function restrict(message, patterns, ...more) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...more] }],
  };
}

const RENDERER_LAYERING = [
  'renderer/ talks to the core only through the typed api (renderer/src/api.ts).',
  [...NODE_BUILTINS, 'electron', 'better-sqlite3', '**/electron/**'],
];

/** renderer/src/api.ts by whatever relative path ('./api', '../../api'); shared/contract/api stays importable. */
const API_THROUGH_STORES = {
  regex: '^\\.{1,2}/(\\.\\./)*api$',
  message: 'Only stores call the core: go through the store that owns the call (renderer/src/stores/), not renderer/src/api.',
};

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
    rules: restrict('shared/ is pure TypeScript: it imports nothing from electron/, renderer/, node or the DOM.', [
      ...NODE_BUILTINS,
      'electron',
      'react',
      'react-dom',
      '**/electron/**',
      '**/renderer/**',
    ]),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: restrict(...RENDERER_LAYERING),
  },
  {
    // One data path: a component or hook asks a store, and gets a Result back.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/stores/**'],
    rules: restrict(...RENDERER_LAYERING, API_THROUGH_STORES),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict('Only the Electron shell (electron/main, electron/preload) may import electron or the renderer.', [
      'electron',
      '**/renderer/src/**',
      '**/main/**',
      '**/preload/**',
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict('The sandboxed preload may import only electron and shared/ (it cannot load node modules).', [
      ...NODE_BUILTINS,
      'better-sqlite3',
      '**/core/**',
      '**/renderer/**',
    ]),
  },
);
