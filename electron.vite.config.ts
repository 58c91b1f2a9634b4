import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

/** Desktop build: ESM main and the core's worker, a single CommonJS preload (a sandboxed preload cannot be ESM). */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The core's worker beside main (core-pool.ts looks for `core-worker.js` next to itself).
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'core-worker': resolve(import.meta.dirname, 'electron/core/worker/core-worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: resolve(import.meta.dirname, 'electron/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite places it (out/renderer, or under --outDir); the host build keeps its own.
      outDir: undefined,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
