import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';

/**
 * Where test data folders go: a RAM disk where there is one. Every commit is fsynced
 * (synchronous=FULL), and on a real disk that, not the work, is what a test would wait on.
 */
export function testTempRoot(): string {
  const shm = '/dev/shm';
  return process.env.ESEP_TEST_TMP ?? (fs.existsSync(shm) && fs.statSync(shm).isDirectory() ? shm : os.tmpdir());
}

/** Set by a test project's global setup to the template below (a process-wide env var, so it reaches every worker). */
export const TEMPLATE_ENV = 'ESEP_TEST_TEMPLATE_DB';

/**
 * A database as the first open leaves it (migrated, the whole KATO classifier loaded), without an
 * installation identity, so that each copy gets its own. Loading the classifier takes about a
 * second; copying the file, a few milliseconds.
 */
export function buildTemplateDb(dir: string): string {
  const core = openCore({ paths: corePaths(dir, SOURCE_RESOURCES_DIR), clock: fixedClock('2025-01-01'), actor: 'template' });
  core.ctx.db.prepare('DELETE FROM installation').run();
  core.close();
  return path.join(dir, 'esep.sqlite');
}

/** The template this run's global setup built, if any (bench scripts and the CLI run without one). */
export function templateDb(): string | null {
  const file = process.env[TEMPLATE_ENV];
  return file && fs.existsSync(file) ? file : null;
}

/**
 * A real core on a copy of the template (or, without one, on a first open) in `dataDir`, with
 * the clock stopped on `today`.
 */
export function openCoreOnCopy(options: { dataDir: string; today: string; actor?: string; template?: string | null }): Core {
  const template = options.template === undefined ? templateDb() : options.template;
  const paths = corePaths(options.dataDir, SOURCE_RESOURCES_DIR);
  if (template) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    if (!fs.existsSync(paths.dbFile)) fs.copyFileSync(template, paths.dbFile);
  }
  return openCore({ paths, clock: fixedClock(options.today), actor: options.actor ?? 'tester' });
}

/** Global setup for a test project: builds the template once per run, removes it afterwards. */
export function setupTemplate(): () => void {
  const dir = fs.mkdtempSync(path.join(testTempRoot(), 'esep-template-'));
  process.env[TEMPLATE_ENV] = buildTemplateDb(dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
