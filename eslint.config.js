import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const RENDERER_LAYERING = {
  group: [...NODE_BUILTINS, 'electron', 'better-sqlite3', '**/electron/**'],
  message: 'renderer/ talks to the core only through the typed api (renderer/src/api.ts).',
};

/** renderer/src/api.ts by whatever relative path ('./api', '../../api'); shared/contract/api stays importable. */
const API_THROUGH_STORES = {
  regex: '^\\.{1,2}/(\\.\\./)*api$',
  message: 'Only stores call the core: go through the store that owns the call (renderer/src/stores/), not renderer/src/api.',
};

const FEATURES = fileURLToPath(new URL('./renderer/src/features/', import.meta.url));

const isInside = (folder, file) => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * A feature folder is private (STYLE.md §10): from outside renderer/src/features/<x>/ only
 * <x>'s index may be imported. no-restricted-imports matches import strings and cannot tell
 * inside a folder from outside it, so this rule resolves each relative import against the
 * importing file's folder.
 */
const featureBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      private:
        "'{{source}}' reaches into features/{{feature}}/: import what it offers from its index ('features/{{feature}}'), or move a piece two features share to components/ or hooks/.",
    },
  },
  create(context) {
    const from = path.dirname(context.filename);
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(from, source);
      if (!isInside(FEATURES, target)) return;
      const [feature, ...rest] = path.relative(FEATURES, target).split(path.sep);
      if (isInside(path.join(FEATURES, feature), context.filename)) return;
      if (rest.length === 0 || (rest.length === 1 && /^index(\.tsx?)?$/.test(rest[0]))) return;
      context.report({ node: node.source, messageId: 'private', data: { source, feature } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
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
    rules: restrict({
      group: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
      message: 'shared/ is pure TypeScript: it imports nothing from electron/, renderer/, node or the DOM.',
    }),
  },
  {
    files: ['renderer/src/stores/**/*.{ts,tsx}'],
    rules: restrict(RENDERER_LAYERING),
  },
  {
    // One data path: a component or hook asks a store, and gets a Result back.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/stores/**'],
    rules: restrict(RENDERER_LAYERING, API_THROUGH_STORES),
  },
  {
    // Tests stay outside the rule: they reach into a feature to test its pieces on their own.
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { esep: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'esep/feature-boundaries': 'error' },
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
