/**
 * Builds the CLI as one JavaScript program with its chunks (launch.mjs's CLI_BUNDLE, which it
 * passes): launch.mjs runs it, and calls this when a source is newer. Node runs this file itself
 * (type stripping), so it imports only Node's own modules and esbuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Loaded by the few commands that write or read documents and mail, or stem words for the search
 * index, when they need them (the modules that import them are split off and imported there, or
 * require them on first use); better-sqlite3 is native.
 */
export const LAZY_PACKAGES = ['docx', 'exceljs', 'pdfmake', 'nodemailer', 'snowball-stemmers'];

/**
 * Bundles electron/cli/main.ts with its sources and the small packages (date-fns alone is
 * ~300 files when Node loads it); the lazy packages stay outside and load from node_modules.
 * Every file is written under a temp name and renamed, chunks (named by their content) before
 * the entry, so a CLI starting while another one builds never reads half a file.
 */
export async function buildCli(bundle: string): Promise<void> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { [path.basename(bundle, '.mjs')]: path.join(ROOT, 'electron/cli/main.ts') },
    outdir: path.dirname(bundle),
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
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === bundle) - Number(b.path === bundle));
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, file.path);
  }
}
