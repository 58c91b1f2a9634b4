import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core';

// The app as electron-builder assembles it, with electron-builder.yml as it is, here where the
// Electron binary cannot be downloaded: a stub Electron (a script carrying Electron's fuse wire,
// so that the fuses electron-builder flips can be read back) stands in for the real one, and
// the unpacked Linux build (`--linux dir`) is what the installers wrap. What can only be made
// with the real Electron (NSIS, portable, AppImage, deb) is validated as configuration.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  productName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** @electron/fuses' sentinel; the wire after it: version, length, one byte per fuse ('0' off, '1' on). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'] as const;
/** Electron's own defaults, as its binary ships. */
const STOCK_WIRE = '10110001';

function readFuses(executable: string): Record<string, boolean> {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  const length = bytes[at + 1]!;
  return Object.fromEntries(FUSES.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

/** A project folder with a real node_modules (hard links: electron-builder's dependency walk does not follow a symlinked one). */
function stageProject(): string {
  const project = tempDir('esep-package-');
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) fs.copyFileSync(path.join(ROOT, file), path.join(project, file));
  fs.cpSync(path.join(ROOT, 'resources'), path.join(project, 'resources'), { recursive: true });
  const linked = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(project, 'node_modules')]);
  if (linked.status !== 0) fs.cpSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  execFileSync(BIN('electron-vite'), ['build', '--outDir', path.join(project, 'out'), '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  return project;
}

function builder(project: string, config: string): ReturnType<typeof spawnSync> {
  const file = path.join(project, 'offline.yml');
  fs.writeFileSync(file, config);
  return spawnSync(BIN('electron-builder'), ['--linux', 'dir', '--config', file, '--projectDir', project], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    timeout: 300_000,
  });
}

describe('the packaged app (electron-builder, unpacked, stub Electron)', () => {
  let project: string;
  let unpacked: string;
  let asar: string;
  let entries: string[];

  beforeAll(() => {
    project = stageProject();
    const dist = path.join(project, 'electron-dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho stub\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(STOCK_WIRE)]), { mode: 0o755 });
    const run = builder(project, `extends: ${path.join(project, 'electron-builder.yml')}\nelectronDist: ${dist}\ndirectories:\n  output: ${path.join(project, 'release')}\n`);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    unpacked = path.join(project, 'release', 'linux-unpacked');
    asar = path.join(unpacked, 'resources', 'app.asar');
    entries = listPackage(asar, { isPack: false }).map((e) => e.split(path.sep).join('/'));
  }, 400_000);

  it('holds the built main, core worker, preload and renderer, and no source, test or tooling file', () => {
    for (const file of ['/out/main/index.js', '/out/main/core-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(entries).toContain(file);
    }
    const own = entries.filter((e) => e !== '/node_modules' && !e.startsWith('/node_modules/'));
    expect(own.filter((e) => !e.startsWith('/out/') && e !== '/out' && e !== '/package.json')).toEqual([]);
    expect(own.filter((e) => /\.(ts|tsx|map)$/.test(e) || e.startsWith('/out/cli'))).toEqual([]);
  });

  it('holds every package the app needs at run time, each with what it requires, and no other (no build or test tool)', () => {
    const has = (dir: string) => entries.includes(`${dir}/package.json`);
    // Node's lookup: node_modules/<dep> inside the package, then inside each package above it, then at the top.
    const resolve = (dir: string, dep: string): string | null => {
      for (let at = dir; ; ) {
        if (has(`${at}/node_modules/${dep}`)) return `${at}/node_modules/${dep}`;
        const up = at.lastIndexOf('/node_modules/');
        if (up <= 0) return has(`/node_modules/${dep}`) ? `/node_modules/${dep}` : null;
        at = at.slice(0, up);
      }
    };
    const reached = new Set<string>();
    const missing: string[] = [];
    const visit = (from: string, deps: string[]) => {
      // Type packages are left out on purpose (electron-builder.yml): nothing of them runs.
      for (const dep of deps.filter((d) => !d.startsWith('@types/') && d !== 'undici-types')) {
        const dir = resolve(from, dep);
        if (dir === null) missing.push(`${from || 'Esep'} → ${dep}`);
        else if (!reached.has(dir)) {
          reached.add(dir);
          const manifest = JSON.parse(extractFile(asar, `${dir.slice(1)}/package.json`).toString('utf8')) as { dependencies?: Record<string, string> };
          visit(dir, Object.keys(manifest.dependencies ?? {}));
        }
      }
    };
    visit('', Object.keys(PACKAGE.dependencies));
    expect(missing).toEqual([]);
    const packed = entries.filter((e) => /\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(e)).map((e) => e.slice(0, -'/package.json'.length));
    // A package.json deeper in a package (its own test fixtures, a sub-entry) is not a package of the tree.
    const extra = packed.filter((dir) => !reached.has(dir) && !packed.some((other) => other !== dir && dir.startsWith(`${other}/`) && !dir.slice(other.length).startsWith('/node_modules/')));
    expect(extra).toEqual([]);
    expect(reached.size).toBeGreaterThan(Object.keys(PACKAGE.dependencies).length);
  });

  it('unpacks the SQLite binding next to the archive (without its C sources) and ships the KATO classifier', () => {
    const sqlite = path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(fs.readdirSync(path.join(sqlite, 'prebuilds'))).toEqual(expect.arrayContaining(['linux-x64.node', 'win32-x64.node']));
    expect(fs.existsSync(path.join(sqlite, 'deps'))).toBe(false);
    expect(fs.readdirSync(path.join(unpacked, 'resources', 'resources', 'kato')).length).toBeGreaterThan(0);
  });

  it("is the repository's version, named Esep, with no auto-update", () => {
    const packaged = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { version: string; productName: string; name: string };
    expect(packaged).toMatchObject({ version: PACKAGE.version, productName: 'Esep', name: PACKAGE.name });
    expect(fs.existsSync(path.join(unpacked, 'resources', 'app-update.yml'))).toBe(false);
    expect(fs.existsSync(path.join(unpacked, 'esep'))).toBe(true);
  });

  it('sets the fuses in the Electron binary at packaging', () => {
    expect(readFuses(path.join(unpacked, 'esep'))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      // Left as Electron ships it: the app has no browser-process V8 snapshot of its own.
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it("refuses a configuration that electron-builder's schema does not know, before packaging anything", () => {
    const run = builder(project, `extends: ${path.join(project, 'electron-builder.yml')}\nbogusKey: 1\n`);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/unknown property 'bogusKey'/);
  }, 60_000);
});
