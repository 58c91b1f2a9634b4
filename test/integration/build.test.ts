import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the desktop build (electron-vite)', () => {
  const out = tempDir('esep-build-');
  beforeAll(() => {
    execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', out, '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  it('emits the preload as one CommonJS file that requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(out, 'preload/index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('emits an ESM main process that leaves the database to the core worker', () => {
    const main = fs.readFileSync(path.join(out, 'main/index.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).not.toMatch(/better-sqlite3/);
  });

  it('emits the core worker beside main, where the core pool looks for it', () => {
    const worker = fs.readFileSync(path.join(out, 'main/core-worker.js'), 'utf8');
    expect(worker).toMatch(/from "better-sqlite3"/);
    expect(worker).toContain('worker_threads');
    expect(worker).not.toMatch(/from "electron"/);
    // The pool lives in main's own file, so its `./core-worker.js` is resolved beside main, not in chunks/.
    expect(fs.readFileSync(path.join(out, 'main/index.js'), 'utf8')).toContain('new URL("./core-worker.js", import.meta.url)');
  });

  it('emits the renderer with its strict CSP and relative asset paths', () => {
    const html = fs.readFileSync(path.join(out, 'renderer/index.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
  });
});
