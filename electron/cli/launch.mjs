// @ts-check
/**
 * `npm run esep`: the CLI as built JavaScript (out/cli/esep.mjs), built first (build.ts) when it
 * is missing or older than a source, so a fresh clone and an edited tree both run the code they
 * hold. Starting through tsx compiled the whole module graph on every run (~0.5 s, 12× opening
 * the database and querying it). Plain JavaScript, so that Node runs it without compiling
 * anything: even stripping the types of this one file costs more than the staleness check.
 */
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** At the same depth as electron/core, so paths.ts finds resources/ beside the sources or the bundle alike. */
export const CLI_BUNDLE = path.join(ROOT, 'out', 'cli', 'esep.mjs');
/** What the bundle is made of, this file and the build included (the lock file: a dependency's new version). */
const SOURCES = ['electron/cli', 'electron/core', 'shared', 'package.json', 'package-lock.json'].map((p) => path.join(ROOT, p));

/** @param {string} file */
function newestChange(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, name)));
  return newest;
}

/** Whether the bundle is missing or older than any of its sources. */
export function cliBundleStale() {
  const built = fs.statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return Math.max(...SOURCES.map(newestChange)) > built;
}

async function main() {
  if (cliBundleStale()) await (await import('./build.ts')).buildCli(CLI_BUNDLE);
  // V8's compiled code for the bundle, kept on disk by Node: compiling 2 MB was most of a start.
  module.enableCompileCache?.();
  await import(pathToFileURL(CLI_BUNDLE).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
