/**
 * The renderer's sources as text, read through Vite's glob import (the web type-check has no
 * node types, and needs none for this). Keys are paths relative to this folder.
 */
const files = import.meta.glob<string>('../../renderer/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** The Electron shell's sources: its menus and dialogs use the same catalogs. */
const shellFiles = import.meta.glob<string>('../../electron/main/**/*.ts', { query: '?raw', import: 'default', eager: true });

/** The core, the CLI and the documents: what they print or write goes through the same catalogs. */
const coreFiles = import.meta.glob<string>(['../../electron/core/**/*.ts', '../../electron/cli/**/*.ts', '../../shared/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function shellSources(): Array<{ path: string; text: string }> {
  return Object.entries(shellFiles).map(([path, text]) => ({ path: path.replace('../../', ''), text }));
}

export function coreSources(): Array<{ path: string; text: string }> {
  return Object.entries(coreFiles).map(([path, text]) => ({ path: path.replace('../../', ''), text }));
}

export function rendererSources(pattern = /\.tsx?$/): Array<{ path: string; text: string }> {
  return Object.entries(files)
    .filter(([path]) => pattern.test(path) && !path.endsWith('.d.ts'))
    .map(([path, text]) => ({ path: path.replace('../../renderer/src/', ''), text }));
}
