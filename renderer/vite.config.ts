import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The renderer build, shared by electron-vite (desktop) and the browser host. */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    // Loaded from the local disk, never over a network: one bundle is simpler than splitting.
    chunkSizeWarningLimit: 1500,
  },
});
