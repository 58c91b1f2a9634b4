import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';

/** Set by a test project's global setup (process-wide env vars, so they reach every worker). */
const RUN_DIR_ENV = 'ESEP_TEST_RUN_DIR';
const TEMPLATE_ENV = 'ESEP_TEST_TEMPLATE_DB';

/**
 * Where test data folders go: this run's folder when a global setup made one (removed when the
 * run ends), else the system's temp folder.
 */
export function testTempRoot(): string {
  return process.env[RUN_DIR_ENV] ?? os.tmpdir();
}

/**
 * A RAM disk where there is one: every commit is fsynced (synchronous=FULL), and on a real disk
 * that, not the work, is what a test would wait on.
 */
function fastTempBase(): string {
  const shm = '/dev/shm';
  return fs.existsSync(shm) && fs.statSync(shm).isDirectory() ? shm : os.tmpdir();
}

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

/**
 * Global setup for a test project: this run's folder for test data, and the template in it,
 * built once; both gone when the run ends.
 */
export function setupTestRun(): () => void {
  // Both test projects ask; the first one's folder serves the run.
  const existing = process.env[RUN_DIR_ENV];
  if (existing && fs.existsSync(existing) && templateDb()) return () => {};
  const dir = fs.mkdtempSync(path.join(fastTempBase(), 'esep-test-run-'));
  process.env[RUN_DIR_ENV] = dir;
  process.env[TEMPLATE_ENV] = buildTemplateDb(fs.mkdtempSync(path.join(dir, 'template-')));
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
