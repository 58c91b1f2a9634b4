/**
 * An annual period report of a whole oblast (Akmola: 262 reporting units, about a million
 * citizens' issues over 2019–2025) next to a hand-written aggregate over the same data: the
 * year's issues counted by unit, status, category and kind, and what the rule engine reads for
 * the obligations (the subtree's units, their held and planned meetings, the year's attendance).
 * The report does more than that (outcomes, overdue, prolonged, the days to close, a two-year
 * trend, the decree's checks), so the target is a ratio: within 3× of the raw aggregate, medians
 * of interleaved runs (the machine is shared: absolute times drift, ratios less so). Then the
 * CLI end to end, as a process: `esep report --format json` on the same database.
 * The database is generated once (a few minutes) and cached: see oblast-db.ts.
 * Run: npm run bench:reports [-- --runs N --issues N]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { unitsUnder } from '../../electron/core/db/repos/units.repo';
import type { PeriodReport } from '../../shared/contract/reports.contract';
import { yearPeriod } from '../../shared/domain/reports/period';
import { oblastDatabase } from './oblast-db';
import { median, timed } from './timing';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, issues: { type: 'string', default: '1000000' } } });
const RUNS = Number(values.runs);
const TODAY = '2025-12-20';
const OBLAST = '110000000';
const PERIOD = yearPeriod(2025);

const file = oblastDatabase({ unitKato: OBLAST, fromYear: 2019, toYear: 2025, seed: 2025, issues: Number(values.issues), today: TODAY });
const core = openCore({ paths: corePaths(path.dirname(file), SOURCE_RESOURCES_DIR, file), clock: fixedClock(TODAY), actor: 'bench' });
const { db } = core.ctx;
const handlers = createHandlers(core, 'bench');

function report(): PeriodReport {
  const result = dispatch(handlers, 'reports:get', { unitKato: OBLAST, period: PERIOD }, (e) => console.error(e)) as { ok: boolean; value?: PeriodReport; error?: unknown };
  if (!result.ok) throw new Error(`reports:get: ${JSON.stringify(result.error)}`);
  return result.value!;
}

const UNDER = unitsUnder('@root');
const RAW = {
  issues: db.prepare(`
    SELECT unit_kato, status_id, category_id, kind, count(*) AS n FROM issues
    WHERE unit_kato IN ${UNDER} AND raised_on BETWEEN @start AND @end
    GROUP BY 1, 2, 3, 4`),
  units: db.prepare(`SELECT u.kato, u.kind, u.parent_kato FROM unit_closure c JOIN units u ON u.kato = c.descendant WHERE c.ancestor = @root`),
  held: db.prepare(`
    SELECT unit_kato, held_on FROM meetings
    WHERE unit_kato IN ${UNDER} AND deleted_at IS NULL AND held_on IS NOT NULL AND status IN ('held', 'closed')`),
  planned: db.prepare(`
    SELECT unit_kato, rule_set_id, window_key FROM meetings
    WHERE unit_kato IN ${UNDER} AND deleted_at IS NULL AND status IN ('planned', 'announced', 'postponed') AND window_key IS NOT NULL`),
  attendance: db.prepare(`
    SELECT unit_kato, count(*) AS held, sum(attendance) AS people, sum(online_viewers) AS viewers FROM meetings
    WHERE unit_kato IN ${UNDER} AND deleted_at IS NULL AND kind = 'reporting' AND status IN ('held', 'closed') AND held_on BETWEEN @start AND @end
    GROUP BY 1`),
};

function raw(): number {
  const p = { root: OBLAST, start: PERIOD.start, end: PERIOD.end };
  const cells = RAW.issues.all(p) as Array<{ n: number }>;
  RAW.units.all({ root: OBLAST });
  RAW.held.all({ root: OBLAST });
  RAW.planned.all({ root: OBLAST });
  RAW.attendance.all(p);
  return cells.reduce((s, c) => s + c.n, 0);
}

const [coldReport, first] = timed(report);
const [coldRaw, rawTotal] = timed(raw);
if (first.issues.total !== rawTotal) throw new Error(`the report counts ${first.issues.total} issues, the raw aggregate ${rawTotal}`);
console.log(
  `\n${first.unit.nameRu} (${OBLAST}), ${PERIOD.start}..${PERIOD.end}: ${first.units.length} reporting units, ` +
    `${first.meetings.required} obligations, ${first.meetings.held} meetings held, ${first.issues.total} issues raised (${first.issues.overdue} overdue)`,
);
console.log(`first run: report ${coldReport.toFixed(0)} ms, raw ${coldRaw.toFixed(0)} ms`);

const reportMs: number[] = [];
const rawMs: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so both see the same load on a shared machine.
  const [r] = timed(report);
  const [b] = timed(raw);
  reportMs.push(r);
  rawMs.push(b);
  ratios.push(r / b);
}
const ratio = median(ratios);
console.log(`reports:get, the year, whole oblast: median ${median(reportMs).toFixed(0)} ms (min ${Math.min(...reportMs).toFixed(0)}, max ${Math.max(...reportMs).toFixed(0)}) over ${RUNS} runs`);
console.log(`raw aggregate SQL, same data:        median ${median(rawMs).toFixed(0)} ms (min ${Math.min(...rawMs).toFixed(0)}, max ${Math.max(...rawMs).toFixed(0)})`);
console.log(`ratio: median ${ratio.toFixed(2)}× of the per-run ratios (${ratios.map((r) => r.toFixed(2)).join(' ')}); target within 3×: ${ratio <= 3 ? 'met' : 'NOT met'}`);
core.close();

// The CLI as a reader runs it: a process that opens the database, reports, prints JSON; next to
// one that opens it and looks a unit up, which is what starting Node, tsx and the core costs.
function cli(args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const run = spawnSync('npm', ['run', '-s', 'esep', '--', ...args, '--db', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`esep ${args[0]} exited with ${run.status}: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}
const cliMs: number[] = [];
const startMs: number[] = [];
for (let i = 0; i < 3; i++) {
  const printed = cli(['report', '--unit', OBLAST, '--period', '2025', '--today', TODAY, '--format', 'json']);
  if ((JSON.parse(printed.stdout) as PeriodReport).issues.total !== rawTotal) throw new Error('esep report printed other totals');
  cliMs.push(printed.ms);
  startMs.push(cli(['units', '--kato', OBLAST, '--json']).ms);
}
console.log(
  `esep report --format json, a process from start to exit: median ${(median(cliMs) / 1000).toFixed(1)} s of 3 runs ` +
    `(esep units --kato on the same database: ${(median(startMs) / 1000).toFixed(1)} s)`,
);
