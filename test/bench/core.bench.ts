/**
 * Issue 12's figures of the core that are not the issue log's, each beside its goal and a raw
 * baseline measured in the same run (medians of per-run ratios, interleaved: the machine is
 * shared, absolute times drift, ratios less so):
 *
 * - the year's grid (`obligations:grid`, what `status --year` and the Calendar ask) on the
 *   oblast database of reports.bench.ts, against a hand-written SQL reading what it shows: the
 *   subtree's units, the year's held meetings and the planned ones. Goal: within 3×.
 * - the legacy Excel import (`issuesImport:commit`) of a 13,000-row log, against inserting the
 *   same issue rows in one transaction with a plain INSERT. Goal: at least 0.25× that rate.
 * - the CLI's start (`esep units --kato`, a process from start to exit, as `npm run esep` runs
 *   it without npm) against a process that opens the database with better-sqlite3 and runs one
 *   query. Goal: within 3×.
 *
 * Run: npx tsx test/bench/core.bench.ts [--only grid|import|cli] [--runs N] [--rows N] [--spawns N]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { unitsUnder } from '../../electron/core/db/repos/units.repo';
import { completeSetup } from '../../electron/core/services/settings.service';
import { buildCli } from '../../electron/cli/build';
import { CLI_BUNDLE, cliBundleStale } from '../../electron/cli/launch.mjs';
import type { ImportReport, ImportPreview } from '../../shared/contract/issues-import.contract';
import type { ObligationsGrid } from '../../shared/contract/types';
import { openTempCore, tempDir } from '../helpers/temp-core';
import { legacyWorkbook, RU_HEADERS, ruRow } from '../helpers/legacy-xlsx';
import { oblastDatabase } from './oblast-db';
import { median, timed, timedAsync } from './timing';

const { values } = parseArgs({
  options: { only: { type: 'string' }, runs: { type: 'string', default: '9' }, rows: { type: 'string', default: '13000' }, spawns: { type: 'string', default: '9' }, issues: { type: 'string', default: '1000000' } },
});
const RUNS = Number(values.runs);
const ROWS = Number(values.rows);
const SPAWNS = Number(values.spawns);
/** `--only grid|import|cli`: one figure. */
const only = (part: string) => values.only === undefined || values.only === part;

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const handlersOf = new WeakMap<Core, ReturnType<typeof createHandlers>>();
function call<T>(core: Core, channel: string, input: unknown): T | Promise<T> {
  const handlers = handlersOf.get(core) ?? handlersOf.set(core, createHandlers(core, 'bench')).get(core)!;
  const settle = (r: { ok: boolean; value?: unknown; error?: unknown }) => {
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const result = dispatch(handlers, channel, input, (e) => console.error(e)) as { ok: boolean } | Promise<{ ok: boolean }>;
  return result instanceof Promise ? result.then(settle) : settle(result);
}

// ---------------------------------------------------------------------------------------------
// (a) The year's grid of an oblast.
const TODAY = '2025-12-20';
const OBLAST = '110000000';
const YEAR = 2025;
const file = only('grid') || only('cli') ? oblastDatabase({ unitKato: OBLAST, fromYear: 2019, toYear: 2025, seed: 2025, issues: Number(values.issues), today: TODAY }) : '';
if (only('grid')) {
  const core = openCore({ paths: corePaths(path.dirname(file), SOURCE_RESOURCES_DIR, file), clock: fixedClock(TODAY), actor: 'bench' });
  const { db } = core.ctx;
  const UNDER = unitsUnder('@root');
  const RAW = {
    units: db.prepare(`SELECT u.kato, u.kind, u.name_kk, u.name_ru, u.parent_kato, c.depth FROM unit_closure c JOIN units u ON u.kato = c.descendant WHERE c.ancestor = @root`),
    held: db.prepare(`
      SELECT id, unit_kato, held_on FROM meetings
      WHERE unit_kato IN ${UNDER} AND deleted_at IS NULL AND status IN ('held', 'closed') AND held_on BETWEEN @start AND @end`),
    planned: db.prepare(`
      SELECT id, unit_kato, rule_set_id, window_key, planned_on, status FROM meetings
      WHERE unit_kato IN ${UNDER} AND deleted_at IS NULL AND status IN ('planned', 'announced', 'postponed') AND window_key IS NOT NULL`),
  };
  const raw = () => {
    const p = { root: OBLAST, start: `${YEAR}-01-01`, end: TODAY };
    RAW.units.all({ root: OBLAST });
    const held = RAW.held.all(p).length;
    RAW.planned.all({ root: OBLAST });
    return held;
  };
  const grid = () => call<ObligationsGrid>(core, 'obligations:grid', { year: YEAR }) as ObligationsGrid;

  const [coldGrid, first] = timed(grid);
  const [coldRaw, heldInYear] = timed(raw);
  const cells = first.rows.reduce((n, r) => n + r.obligations.length, 0);
  const fulfilled = first.rows.reduce((n, r) => n + r.obligations.filter((o) => o.meeting !== null).length, 0);
  if (fulfilled > heldInYear) throw new Error(`the grid shows ${fulfilled} meetings, the year holds ${heldInYear}`);
  console.log(`\nthe year's grid, ${OBLAST} ${YEAR}: ${first.rows.length} reporting units, ${cells} windows, ${fulfilled} held of ${heldInYear} meetings held this year`);
  console.log(`first run: grid ${coldGrid.toFixed(1)} ms, raw ${coldRaw.toFixed(1)} ms`);
  const gridMs: number[] = [];
  const rawMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const [g] = timed(grid);
    const [r] = timed(raw);
    gridMs.push(g);
    rawMs.push(r);
    ratios.push(g / r);
  }
  const ratio = median(ratios);
  console.log(`obligations:grid:            median ${median(gridMs).toFixed(1)} ms (min ${Math.min(...gridMs).toFixed(1)}, max ${Math.max(...gridMs).toFixed(1)}) over ${gridMs.length} runs`);
  console.log(`hand-written SQL, same data: median ${median(rawMs).toFixed(1)} ms (min ${Math.min(...rawMs).toFixed(1)}, max ${Math.max(...rawMs).toFixed(1)})`);
  console.log(`ratio: median ${ratio.toFixed(2)}×; goal within 3×: ${verdict(ratio <= 3)}`);
  core.close();
}

// ---------------------------------------------------------------------------------------------
// (b) The legacy Excel import: a rural okrug's log of ROWS rows.
if (only('import')) {
  const IMPORT_TODAY = '2025-12-20';
  const OKRUG = '103230000';
  const STATUSES = ['В работе', 'Исполнено', 'Разъяснено', undefined];
  const CATEGORIES = ['Дороги и мосты', 'Культура и спорт', 'Водоснабжение и водоотведение', 'Электроснабжение и уличное освещение', 'Прочее'];
  const WORDS = ['дорога', 'мектеп', 'свет', 'вода', 'клуб', 'мост', 'автобус', 'площадка', 'крыша', 'газ', 'көше', 'аурухана'];
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const status = STATUSES[i % STATUSES.length];
    return ruRow(i + 1, {
      date: `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`,
      kind: i % 3 === 0 ? 'Жалоба' : 'Вопрос',
      text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}: обращение жителя № ${i + 1}`,
      category: CATEGORIES[i % CATEGORIES.length],
      locality: i % 2 ? 'с.Карааул' : undefined,
      name: i % 4 ? `Житель ${i}` : undefined,
      phone: i % 4 ? `8701${String(1_000_000 + i).slice(-7)}` : undefined,
      status,
      answer: status === 'Исполнено' || status === 'Разъяснено' ? `Ответ на обращение ${i + 1}` : undefined,
    });
  });
  const [makeMs, xlsx] = await timedAsync(() => legacyWorkbook({ name: 'Журнал', headers: RU_HEADERS, rows }));
  const source = { fileName: 'журнал.xlsx', dataBase64: xlsx.toString('base64') };
  console.log(`\nthe legacy import: ${ROWS} rows, ${(xlsx.length / 1024).toFixed(0)} KB of XLSX (made in ${(makeMs / 1000).toFixed(1)} s)`);

  const fresh = () => {
    const core = openTempCore({ dataDir: tempDir('esep-bench-import-'), today: IMPORT_TODAY });
    completeSetup(core.ctx, { rootKato: '103200000', language: 'ru' });
    return core;
  };
  const discard = (core: Core) => {
    core.close();
    fs.rmSync(core.paths.dataDir, { recursive: true, force: true });
  };
  const importMs: number[] = [];
  const rawMs: number[] = [];
  const everythingMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(RUNS / 3)); i++) {
    const core = fresh();
    // The workbook is read once (the preview), as the import screen does before its commit.
    const preview = (await call<ImportPreview>(core, 'issuesImport:preview', { source })) as ImportPreview;
    const run = { source, mapping: preview.suggested, unitKato: OKRUG };
    const [ms, report] = await timedAsync(async () => (await call<ImportReport>(core, 'issuesImport:commit', { ...run, onlyValid: false })) as ImportReport);
    const imported = report.rows.filter((r) => r.ok).length;
    if (imported !== ROWS) throw new Error(`imported ${imported} of ${ROWS} rows`);
    const count = (core.ctx.db.prepare('SELECT count(*) AS n FROM issues WHERE unit_kato = ?').get(OKRUG) as { n: number }).n;
    if (count !== ROWS) throw new Error(`the log holds ${count} issues after the import`);
    const read = (sql: string) => core.ctx.db.prepare(sql).all() as Array<Record<string, unknown>>;
    const written = {
      issues: read(`SELECT * FROM issues WHERE unit_kato = '${OKRUG}' ORDER BY seq`),
      issue_history: read(`SELECT * FROM issue_history ORDER BY rowid`),
      issue_authors: read(`SELECT * FROM issue_authors ORDER BY rowid`),
      audit_log: read(`SELECT * FROM audit_log WHERE entity IN ('issue', 'issue_import') ORDER BY rowid`),
    };
    discard(core);

    // Into a fresh copy of the same installation, in one transaction, with plain INSERTs: the
    // same issue rows (the goal's baseline), then everything the import wrote (its history,
    // authors and audit rows, and a search entry of each issue's text).
    const insertAll = (tables: Partial<typeof written>, search: boolean) => {
      const rawCore = fresh();
      const { db } = rawCore.ctx;
      const statements = Object.entries(tables).map(([table, list]) => {
        const columns = Object.keys(list[0]!).filter((c) => c !== 'seq');
        return { list, columns, insert: db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`) };
      });
      const fts = db.prepare('INSERT INTO issue_search (rowid, body) VALUES (?, ?)');
      const [elapsed] = timed(() =>
        db.transaction(() => {
          for (const { list, columns, insert } of statements) for (const row of list) insert.run(Object.fromEntries(columns.map((c) => [c, row[c]])));
          if (search) for (const [i, row] of written.issues.entries()) fts.run(i + 1, `${String(row['text'])}\n${String(row['answer'])}`);
        })(),
      );
      discard(rawCore);
      return elapsed;
    };
    const raw = insertAll({ issues: written.issues }, false);
    importMs.push(ms);
    rawMs.push(raw);
    everythingMs.push(insertAll(written, true));
    ratios.push(raw / ms);
  }
  const rate = (ms: number) => (ROWS / (ms / 1000)).toFixed(0);
  const ratio = median(ratios);
  console.log(`issuesImport:commit:                  median ${(median(importMs) / 1000).toFixed(2)} s, ${rate(median(importMs))} rows/s over ${importMs.length} runs`);
  console.log(`the same issue rows, one transaction: median ${(median(rawMs) / 1000).toFixed(2)} s, ${rate(median(rawMs))} rows/s`);
  console.log(`every row it writes, plain INSERTs:   median ${(median(everythingMs) / 1000).toFixed(2)} s, ${rate(median(everythingMs))} rows/s (issues, history, authors, audit, search)`);
  console.log(`rate ratio: median ${ratio.toFixed(2)}× of the raw rate; goal at least 0.25×: ${verdict(ratio >= 0.25)}`);
}

// ---------------------------------------------------------------------------------------------
// (c) The CLI's start: a cheap command on the oblast database, as a process.
if (only('cli')) {
  if (cliBundleStale()) await buildCli(CLI_BUNDLE);
  const db = path.join(tempDir('esep-bench-cli-'), 'esep.sqlite');
  // A copy: the CLI opens it for writing (its installation row, the sweep), the cache stays as it was.
  fs.copyFileSync(file, db);
  const launch = path.resolve(path.dirname(CLI_BUNDLE), '../../electron/cli/launch.mjs');
  const spawn = (args: string[]) => {
    const t = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - t;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
    return { ms, stdout: run.stdout };
  };
  const esep = () => spawn([launch, 'units', '--kato', OBLAST, '--json', '--db', db]);
  const raw = () =>
    spawn(['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)}); console.log(JSON.stringify(db.prepare('SELECT * FROM units WHERE kato = ?').get(${JSON.stringify(OBLAST)}))); db.close();`]);
  if ((JSON.parse(esep().stdout) as Array<{ kato: string }>)[0]?.kato !== OBLAST) throw new Error('esep units printed another unit');
  const cliMs: number[] = [];
  const rawMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const c = esep().ms;
    const r = raw().ms;
    cliMs.push(c);
    rawMs.push(r);
    ratios.push(c / r);
  }
  const ratio = median(ratios);
  console.log(`\nesep units --kato --db (node electron/cli/launch.mjs, the built CLI): median ${median(cliMs).toFixed(0)} ms over ${SPAWNS} processes`);
  console.log(`node -e: better-sqlite3 opens the database, one query:             median ${median(rawMs).toFixed(0)} ms`);
  console.log(`ratio: median ${ratio.toFixed(2)}×; goal within 3×: ${verdict(ratio <= 3)}`);
  fs.rmSync(path.dirname(db), { recursive: true, force: true });
}
