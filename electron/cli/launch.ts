/**
 * `npm run esep`: the CLI as built JavaScript (out/cli/esep.mjs), built first when it is missing
 * or older than a source, so a fresh clone and an edited tree both run the code they hold.
 * Starting through tsx compiled the whole module graph on every run (~0.5 s, 12× opening the
 * database and querying it); Node runs this file itself (type stripping), so it may import only
 * Node's own modules and esbuild, and uses only erasable TypeScript.
 */
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(ROOT, 'out', 'cli');
/** At the same depth as electron/core, so paths.ts finds resources/ beside the sources or the bundle alike. */
export const CLI_BUNDLE = path.join(OUT_DIR, 'esep.mjs');
/** What the bundle is made of (the lock file: a dependency's new version). */
const SOURCES = ['electron/cli', 'electron/core', 'shared', 'package.json', 'package-lock.json'].map((p) => path.join(ROOT, p));
/**
 * Loaded by the few commands that write or read documents and mail, when they need them (the
 * modules that import them are split off and imported there); better-sqlite3 is native.
 */
export const LAZY_PACKAGES = ['docx', 'exceljs', 'pdfmake', 'nodemailer'];

function newestChange(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, name)));
  return newest;
}

/** Whether the bundle is missing or older than any of its sources (this file included). */
export function cliBundleStale(): boolean {
  const built = fs.statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return Math.max(newestChange(fileURLToPath(import.meta.url)), ...SOURCES.map(newestChange)) > built;
}

/**
 * Bundles electron/cli/main.ts with its sources and the small packages (date-fns alone is
 * ~300 files when Node loads it); the lazy packages stay outside and load from node_modules.
 * Every file is written under a temp name and renamed, chunks (named by their content) before
 * the entry, so a CLI starting while another one builds never reads half a file.
 */
export async function buildCli(): Promise<void> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { esep: path.join(ROOT, 'electron/cli/main.ts') },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['better-sqlite3', ...LAZY_PACKAGES.flatMap((p) => [p, `${p}/*`])],
    // The bundled CommonJS packages require Node's modules, which ESM output has no require for.
    banner: { js: "import { createRequire as __esepCreateRequire } from 'node:module'; const require = __esepCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'error',
    write: false,
  });
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_BUNDLE) - Number(b.path === CLI_BUNDLE));
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, file.path);
  }
}

async function main(): Promise<void> {
  if (cliBundleStale()) await buildCli();
  // V8's compiled code for the bundle, kept on disk by Node: compiling 2 MB was the most of a start.
  module.enableCompileCache?.();
  await import(pathToFileURL(CLI_BUNDLE).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
