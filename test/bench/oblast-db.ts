/**
 * An oblast-size demo database for the benchmarks, generated once and kept in the system's temp
 * folder under a name keyed by what made it (the generator's parameters, its sources and the
 * migrations'): generating a million issues takes minutes, reading them back seconds.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { generateDemo } from '../../electron/core/demo/generate';
import type { DemoSummary } from '../../electron/core/demo/demo.contract';

export interface OblastParams {
  unitKato: string;
  fromYear: number;
  toYear: number;
  seed: number;
  issues: number;
  /** The generator's today: what is held, closed or overdue by then. */
  today: string;
}

const CORE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron/core');
/** What the database is made by: the generators, and the schema they write into. */
const SOURCES = ['demo', 'db/migrations'].map((dir) => path.join(CORE, dir));

function cacheKey(params: OblastParams): string {
  const hash = createHash('sha256').update(JSON.stringify(params));
  for (const dir of SOURCES) for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The database file for `params`, generated first if the cache has none (its summary is printed then). */
export function oblastDatabase(params: OblastParams, log: (line: string) => void = console.log): string {
  const dir = path.join(os.tmpdir(), 'esep-bench');
  const file = path.join(dir, `oblast-${params.unitKato}-${params.issues}-${cacheKey(params)}.sqlite`);
  if (fs.existsSync(file)) {
    log(`cached database ${file}`);
    return file;
  }
  // Generated beside its final name and renamed when complete: an interrupted run leaves no
  // file the next run would take for a whole one.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'esep-bench-gen-'));
  const core = openCore({ paths: corePaths(work, SOURCE_RESOURCES_DIR), clock: fixedClock(params.today), actor: 'bench' });
  const started = performance.now();
  let summary: DemoSummary;
  try {
    summary = generateDemo(core.ctx, { unitKato: params.unitKato, fromYear: params.fromYear, toYear: params.toYear, seed: params.seed, issues: params.issues });
    core.ctx.db.pragma('optimize');
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.close();
  }
  log(
    `generated ${summary.meetings} meetings and ${summary.issues.issues} issues (${summary.issues.overdue} overdue) for ${summary.units} units ` +
      `in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  fs.mkdirSync(dir, { recursive: true });
  // Databases of older generators or schemas are 2 GB each, and nothing reads them again.
  const stale = `oblast-${params.unitKato}-${params.issues}-`;
  for (const name of fs.readdirSync(dir)) if (name.startsWith(stale)) fs.rmSync(path.join(dir, name), { force: true });
  fs.renameSync(core.paths.dbFile, file);
  fs.rmSync(work, { recursive: true, force: true });
  log(`cached as ${file}`);
  return file;
}
