/**
 * The issue log at oblast scale (issue 12, point 2): Akmola, 262 reporting units, a million
 * issues (the database of reports.bench.ts, cached: see oblast-db.ts). Each request goes through
 * the dispatch the app uses, a window of 50 with its total, and is timed interleaved with a raw
 * baseline on the same data (the bare FTS5 MATCH, or a bare SELECT on the table), so a shared
 * machine's load shows in both: p95 against the goal, the median ratio to the raw. Then the
 * plain statements the log ran before migration 90 (every row of the subtree, one statement for
 * the total, one for the window), fewer runs, on this schema (so the planner may already take its
 * new indexes): what the counters and the chosen plans bought, and a check that both give the
 * same rows.
 * Run: npm run bench:log [-- --runs N]
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { issueQuerySql, issuesBySeq, type IssueQuery } from '../../electron/core/db/repos/issues.repo';
import { matchExpression } from '../../electron/core/services/issue-search';
import type { IssueCounts, IssueFilter, IssuePage, IssueSort } from '../../shared/contract/issues.contract';
import { oblastDatabase } from './oblast-db';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const RUNS = Number(values.runs);
const TODAY = '2025-12-20';
const OBLAST = '110000000';
const DISTRICT = '113200000';
const LIMIT = 50;
const BY_NUMBER: IssueSort = { key: 'registryNo', dir: 'desc' };

const file = oblastDatabase({ unitKato: OBLAST, fromYear: 2019, toYear: 2025, seed: 2025, issues: 1_000_000, today: TODAY });
const core = openCore({ paths: corePaths(path.dirname(file), SOURCE_RESOURCES_DIR, file), clock: fixedClock(TODAY), actor: 'bench' });
const { db } = core.ctx;
const handlers = createHandlers(core, 'bench');

function request<T>(channel: string, input: unknown): T {
  const result = dispatch(handlers, channel, input, (e) => console.error(e)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value!;
}
const list = (filter: IssueFilter, sort: IssueSort = BY_NUMBER, offset = 0) => request<IssuePage>('issues:list', { filter, sort, offset, limit: LIMIT });
const counts = (filter: IssueFilter) => request<IssueCounts>('issues:counts', { filter });

const RAW = {
  match: db.prepare('SELECT count(*) AS n FROM issue_search WHERE issue_search MATCH ?').pluck(),
  matchWindow: db.prepare(`SELECT rowid FROM issue_search WHERE issue_search MATCH ? ORDER BY rowid DESC LIMIT ${LIMIT}`),
  count: db.prepare('SELECT count(*) AS n FROM issues').pluck(),
  window: db.prepare(`SELECT * FROM issues ORDER BY seq DESC LIMIT ${LIMIT}`),
};
const rawSearch = (words: string) => () => {
  const m = matchExpression(words)!;
  RAW.matchWindow.all(m);
  return RAW.match.get(m);
};
const rawTable = () => {
  RAW.window.all();
  return RAW.count.get();
};

/** The filter as the service resolves it (issues.service resolveFilter), for the plain statements. */
function queryOf(filter: IssueFilter): IssueQuery {
  const { search, unitKato, ...rest } = filter;
  const match = search === undefined ? null : matchExpression(search);
  return { ...rest, unitKato: unitKato ?? OBLAST, ...(match === null ? {} : { match }), today: TODAY };
}
/**
 * What listIssuePage ran before migration 90: the total and the window over every row of the
 * subtree, then the window's rows (the dispatch around it, validation and mapping, is left out).
 */
function plainPage(filter: IssueFilter, sort: IssueSort, offset: number): { total: number; seqs: number[] } {
  const q = queryOf(filter);
  const total = issueQuerySql(q, { kind: 'total' });
  const page = issueQuerySql(q, { kind: 'page', sort });
  const seqs = (db.prepare(page.sql).all({ ...page.params, limit: LIMIT, offset }) as Array<{ seq: number }>).map((r) => r.seq);
  issuesBySeq(db, seqs);
  return { total: (db.prepare(total.sql).get(total.params) as { n: number }).n, seqs };
}
const seqOf = db.prepare('SELECT seq FROM issues WHERE id = ?').pluck();

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
const median = (xs: number[]) => quantile(xs, 0.5);
function timed(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

interface Case {
  label: string;
  goalMs: number | null;
  run: () => unknown;
  raw: () => unknown;
  plain?: () => unknown;
}
function measure(c: Case): void {
  c.run();
  c.raw();
  const ms: number[] = [];
  const rawMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = timed(c.run);
    const b = timed(c.raw);
    ms.push(a);
    rawMs.push(b);
    ratios.push(a / b);
  }
  const p95 = quantile(ms, 0.95);
  const plainMs = c.plain ? Array.from({ length: 5 }, () => timed(c.plain!)) : [];
  const goal = c.goalMs === null ? 'no regression' : `goal p95 ≤ ${c.goalMs} ms: ${p95 <= c.goalMs ? 'met' : 'NOT met'}`;
  console.log(
    `${c.label}: median ${median(ms).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${goal}); raw median ${median(rawMs).toFixed(1)} ms, ratio ${median(ratios).toFixed(1)}×` +
    (c.plain ? `; plain statements median ${median(plainMs).toFixed(0)} ms` : ''),
  );
}

/** The page the app shows equals what the plain statements give: same total, same rows in the same order. */
function same(filter: IssueFilter, sort: IssueSort = BY_NUMBER, offset = 0): void {
  const page = list(filter, sort, offset);
  const plain = plainPage(filter, sort, offset);
  const seqs = page.rows.map((r) => seqOf.get(r.id) as number);
  if (page.total !== plain.total || JSON.stringify(seqs) !== JSON.stringify(plain.seqs)) {
    throw new Error(`${JSON.stringify({ filter, sort, offset })}: the log gives ${page.total} / ${seqs.slice(0, 5).join(',')}…, the plain statements ${plain.total} / ${plain.seqs.slice(0, 5).join(',')}…`);
  }
}

const searches: Array<[string, string]> = [
  ['"мектеп" (Kazakh, common)', 'мектеп'],
  ['"школ" (Russian, common)', 'школ'],
  ['"Наурыз шұңқырлар" (Kazakh, two words, rare)', 'Наурыз шұңқырлар'],
  ['"скотомогильник" (Russian, rare)', 'скотомогильник'],
  ['"4567" (part of a document number, very rare)', '4567'],
  ['"школы" (Russian, inflected, common: by its stem)', 'школы'],
  ['"больницы" (Russian, inflected, not in the corpus: the empty page and its suggestion)', 'больницы'],
  ['"жолды" (Kazakh, inflected, common: by its stem)', 'жолды'],
];
const pages: Array<[string, IssueFilter, IssueSort?, number?]> = [
  ['by status: in progress', { statusIds: ['in_progress'] }],
  ['open', { open: true }],
  ['overdue', { overdue: true }],
  ['overdue, by deadline', { overdue: true }, { key: 'deadline', dir: 'asc' }],
  ['a district', { unitKato: DISTRICT }],
  ['a district, open', { unitKato: DISTRICT, open: true }],
  ['a district, search "мектеп"', { unitKato: DISTRICT, search: 'мектеп' }],
  ['on control', { onControl: true }],
  ['deep window (offset 50,000)', {}, BY_NUMBER, 50_000],
  ['newest raised first', {}, { key: 'raisedOn', dir: 'desc' }],
  ['by deadline', {}, { key: 'deadline', dir: 'asc' }],
];

console.log(`\nissue log, ${RAW.count.get() as number} issues, ${RUNS} runs each, a window of ${LIMIT} with its total, sorted by number (newest first) unless said`);
for (const [label, words] of searches) {
  same({ search: words });
  measure({ label: `search ${label}, ${list({ search: words }).total} hits`, goalMs: 50, run: () => list({ search: words }), raw: rawSearch(words), plain: () => plainPage({ search: words }, BY_NUMBER, 0) });
}
same({});
measure({ label: 'one page, no search', goalMs: 20, run: () => list({}), raw: rawTable, plain: () => plainPage({}, BY_NUMBER, 0) });
const plainCounts = (filter: IssueFilter) => () => {
  const c = issueQuerySql(queryOf(filter), { kind: 'counts' });
  return db.prepare(c.sql).all(c.params);
};
measure({ label: 'counts by status, whole oblast', goalMs: 50, run: () => counts({}), raw: () => RAW.count.get(), plain: plainCounts({}) });
measure({ label: 'counts by status, a district', goalMs: null, run: () => counts({ unitKato: DISTRICT }), raw: () => RAW.count.get(), plain: plainCounts({ unitKato: DISTRICT }) });
measure({ label: 'counts by status, search "мектеп"', goalMs: null, run: () => counts({ search: 'мектеп' }), raw: rawSearch('мектеп'), plain: plainCounts({ search: 'мектеп' }) });
for (const [label, filter, sort, offset] of pages) {
  same(filter, sort, offset);
  measure({ label: `page: ${label}, ${list(filter, sort, offset).total} matching`, goalMs: null, run: () => list(filter, sort, offset), raw: rawTable, plain: () => plainPage(filter, sort ?? BY_NUMBER, offset ?? 0) });
}
core.close();
