import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { generateDemo } from '../../electron/core/demo/generate';
import { countIssuesByStatus, issueQuerySql, listIssuePage, overdueByStatusSql, planCounts, planWindow, type IssueQuery } from '../../electron/core/db/repos/issues.repo';
import { statusCountsUnderSql } from '../../electron/core/db/repos/issue-status-counts.repo';
import { matchExpression } from '../../electron/core/services/issue-search';
import { ISSUE_SORT_KEYS, type IssueSort } from '../../shared/contract/issues.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';
import { installation, OKRUGS, outDir, recordWork } from './exchange-fixtures';
import { issueWorld } from './issue-fixtures';
import { legacyWorkbook } from '../helpers/legacy-xlsx';

/**
 * The issue log's shortcuts (migration 90): the counters kept by triggers, the totals taken from
 * them or from the search index, the window that walks its sort's index. Each must give exactly
 * what the plain statements give (every row of the subtree, counted and sorted), whoever wrote
 * the issues.
 */

/** The counters against a COUNT(*) of the issues themselves. */
function expectCountersRight(db: Db): void {
  const counters = db.prepare('SELECT unit_kato, status_id, n, on_control FROM issue_status_counts WHERE n > 0 ORDER BY unit_kato, status_id').all();
  const counted = db
    .prepare('SELECT unit_kato, status_id, count(*) AS n, sum(on_control) AS on_control FROM issues GROUP BY unit_kato, status_id ORDER BY unit_kato, status_id')
    .all();
  expect(counted.length).toBeGreaterThan(0);
  expect(counters).toEqual(counted);
}

describe('the counters of issues per unit and status', () => {
  it('follow creates, status changes, on-control changes and deletes', () => {
    const w = issueWorld();
    const db = w.core.ctx.db;
    const a = w.create({}, { onControl: true, controller: 'Орынбасар' });
    const b = w.create({ unitKato: ABAY_DISTRICT, meetingId: null, raisedOn: '2025-07-01' });
    w.create({}, { text: 'Су жоқ' });
    expectCountersRight(db);
    w.value('issues:setStatus', { items: [{ id: a.id, revision: a.revision }, { id: b.id, revision: b.revision }], change: { statusId: 'in_progress', onDate: '2025-07-15', comment: '', documentRef: '', outcome: null } });
    expectCountersRight(db);
    const a2 = w.value('issues:get', { id: a.id });
    w.value('issues:update', { id: a.id, revision: a2.revision, fields: { onControl: false, controller: '' } });
    expectCountersRight(db);
    expect(db.prepare(`SELECT n, on_control FROM issue_status_counts WHERE unit_kato = ? AND status_id = 'in_progress'`).get(KARAAUYL_OKRUG)).toEqual({ n: 1, on_control: 0 });
    // No screen deletes an issue, but the counters must not trust that.
    db.prepare('DELETE FROM issue_history WHERE issue_id = ?').run(b.id);
    db.prepare('DELETE FROM issues WHERE id = ?').run(b.id);
    expectCountersRight(db);
    expect(db.prepare(`SELECT n FROM issue_status_counts WHERE unit_kato = ? AND status_id = 'in_progress'`).get(ABAY_DISTRICT)).toEqual({ n: 0 });
    w.core.close();
  });

  it('follow the demo generator', () => {
    const core = openTempCore({ today: '2025-12-20' });
    caller(core).value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    generateDemo(core.ctx, { unitKato: ABAY_DISTRICT, fromYear: 2024, toYear: 2025, seed: 7, issues: 400 });
    expectCountersRight(core.ctx.db);
    core.close();
  });

  it('follow the Excel import of a legacy log', async () => {
    const w = issueWorld();
    w.create();
    const data = await legacyWorkbook({
      headers: ['Дата', 'Вопрос', 'Статус', 'Срок'],
      rows: [
        ['2025-04-01', 'Ауруханаға жол', 'Жұмыста', '2025-05-01'],
        ['2025-04-02', 'Мектепке автобус', '', ''],
      ],
    });
    const source = { fileName: 'журнал.xlsx', dataBase64: data.toString('base64') };
    const report = await w.call('issuesImport:commit', { source, mapping: { raisedOn: 0, text: 1, status: 2, deadline: 3 }, unitKato: KARAAUYL_OKRUG, onlyValid: false });
    expect(report).toMatchObject({ ok: true, value: { imported: 2 } });
    expectCountersRight(w.core.ctx.db);
    expect(w.core.ctx.db.prepare(`SELECT sum(n) AS n FROM issue_status_counts WHERE unit_kato = ?`).get(KARAAUYL_OKRUG)).toEqual({ n: 3 });
    w.core.close();
  });

  it('follow a package import, its new issues and then its changed ones', async () => {
    const okrug = installation(OKRUGS[0]);
    const { issueIds } = recordWork(okrug, OKRUGS[0], 3);
    const district = installation(ABAY_DISTRICT);
    recordWork(district, ABAY_DISTRICT, 2, '2025-07-05', false);
    expect(await district.importFile((await okrug.exportTo(outDir())).path, [okrug.installationId])).toMatchObject({ ok: true });
    expectCountersRight(district.core.ctx.db);

    const issue = okrug.value('issues:get', { id: issueIds[0] });
    okrug.value('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision }], change: { statusId: 'done', onDate: '2025-07-15', comment: 'Орындалды', documentRef: '', outcome: null } });
    const next = okrug.value('issues:get', { id: issueIds[1] });
    okrug.value('issues:update', { id: next.id, revision: next.revision, fields: { onControl: true, controller: 'Әкім' } });
    const result = await district.importFile((await okrug.exportTo(outDir())).path, []);
    expect(result).toMatchObject({ ok: true, value: { packages: [{ counts: { issues: { changed: 2 } } }] } });
    expectCountersRight(district.core.ctx.db);
    expect(district.core.ctx.db.prepare(`SELECT n FROM issue_status_counts WHERE unit_kato = ? AND status_id = 'done'`).get(OKRUGS[0])).toEqual({ n: 1 });
    okrug.core.close();
    district.core.close();
  });
});

describe('the log over generated issues, against the plain statements', () => {
  const TODAY = '2025-12-20';
  let core: Core;
  let db: Db;
  beforeAll(() => {
    core = openTempCore({ today: TODAY });
    caller(core).value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    generateDemo(core.ctx, { unitKato: ABAY_DISTRICT, fromYear: 2023, toYear: 2025, seed: 12, issues: 3000 });
    db = core.ctx.db;
  });
  afterAll(() => core.close());

  /** What listIssuePage ran before migration 90: the total and the window over every row. */
  function plain(q: IssueQuery, sort: IssueSort, offset: number, limit: number): { total: number; seqs: number[] } {
    const total = issueQuerySql(q, { kind: 'total' });
    const page = issueQuerySql(q, { kind: 'page', sort });
    return {
      total: (db.prepare(total.sql).get(total.params) as { n: number }).n,
      seqs: (db.prepare(page.sql).all({ ...page.params, limit, offset }) as Array<{ seq: number }>).map((r) => r.seq),
    };
  }
  const at = (unitKato: string, rest: Partial<IssueQuery> = {}): IssueQuery => ({ unitKato, today: TODAY, ...rest });
  const filters: IssueQuery[] = [
    at(ABAY_DISTRICT),
    at(KARAAUYL_OKRUG),
    at(ABAY_DISTRICT, { statusIds: ['in_progress', 'new'] }),
    at(ABAY_DISTRICT, { open: false }),
    at(KARAAUYL_OKRUG, { open: true, onControl: true }),
    at(ABAY_DISTRICT, { onControl: false }),
    at(ABAY_DISTRICT, { overdue: true }),
    at(ABAY_DISTRICT, { overdue: false }),
    at(ABAY_DISTRICT, { match: matchExpression('мектеп')! }),
    at(ABAY_DISTRICT, { match: matchExpression('школ')! }),
    at(KARAAUYL_OKRUG, { match: matchExpression('жол')! }),
    at(ABAY_DISTRICT, { match: matchExpression('мектеп')!, open: true }),
    at(ABAY_DISTRICT, { match: matchExpression('сумен жабдықтау жоқ')! }),
    at(ABAY_DISTRICT, { categoryId: 'roads', from: '2024-01-01', to: '2024-12-31' }),
    at(ABAY_DISTRICT, { kind: 'complaint' }),
  ];

  it('gives the same totals and the same windows, for every filter, sort and depth', () => {
    expect(plain(at(ABAY_DISTRICT), { key: 'registryNo', dir: 'desc' }, 0, 1).total).toBeGreaterThan(2500);
    let walked = 0;
    for (const q of filters) {
      for (const key of ISSUE_SORT_KEYS) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [[0, 50], [120, 50], [2900, 200]] as const) {
            const sort = { key, dir };
            const want = plain(q, sort, offset, limit);
            const got = listIssuePage(db, q, sort, offset, limit);
            const label = JSON.stringify({ q, sort, offset });
            expect(got.total, label).toBe(want.total);
            expect(got.rows.map((r) => r.seq), label).toEqual(want.seqs);
            if (planWindow(db, q, sort, offset + limit).plan.index !== null) walked++;
          }
        }
      }
    }
    // Both ways of fetching a window were compared.
    expect(walked).toBeGreaterThan(50);
    expect(walked).toBeLessThan(filters.length * ISSUE_SORT_KEYS.length * 6);
  });

  it('counts by status as the plain GROUP BY does', () => {
    const open = new Set((db.prepare('SELECT id FROM issue_statuses WHERE closed = 0').all() as Array<{ id: string }>).map((r) => r.id));
    for (const q of filters.filter((f) => f.statusIds === undefined && f.open === undefined && f.overdue === undefined)) {
      const c = issueQuerySql(q, { kind: 'counts' });
      const want = (db.prepare(c.sql).all(c.params) as Array<{ status_id: string; n: number; on_control: number; late: number }>)
        .map((r) => ({ statusId: r.status_id, n: r.n, onControl: r.on_control, overdue: open.has(r.status_id) ? r.late : 0 }))
        .sort((a, b) => a.statusId.localeCompare(b.statusId));
      const got = countIssuesByStatus(db, q).sort((a, b) => a.statusId.localeCompare(b.statusId));
      expect(got, JSON.stringify(q)).toEqual(want);
    }
  });

  it('pins the hot statements’ plans: an index in the window’s order, no temporary sort, the counters by their key', () => {
    const explain = (sql: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    // A first window of 10: over a few thousand issues, 50 rows are a large share of a filter’s matches.
    const window = (q: IssueQuery, sort: IssueSort) => {
      const { plan } = planWindow(db, q, sort, 10);
      expect(plan.index, JSON.stringify(q)).not.toBeNull();
      const { sql, params } = issueQuerySql(q, { kind: 'page', sort }, plan);
      return explain(sql, { ...params, limit: 10, offset: 0 });
    };
    const byNumber: IssueSort = { key: 'registryNo', dir: 'desc' };
    for (const q of [at(ABAY_DISTRICT), at(ABAY_DISTRICT, { match: matchExpression('мектеп')! }), at(ABAY_DISTRICT, { statusIds: ['done'] }), at(ABAY_DISTRICT, { overdue: true })]) {
      const plan = window(q, byNumber);
      expect(plan).toMatch(/SCAN i USING (COVERING )?INDEX issues_registry/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    // Under an okrug, the unit is tested from the index entry itself, not the row.
    expect(window(at(KARAAUYL_OKRUG), byNumber)).toMatch(/SCAN i USING COVERING INDEX issues_registry/);
    expect(window(at(ABAY_DISTRICT), { key: 'raisedOn', dir: 'desc' })).toMatch(/SCAN i USING (COVERING )?INDEX issues_raised(?![_\w])/);

    expect(explain(statusCountsUnderSql, { unit: ABAY_DISTRICT })).toMatch(/SEARCH issue_status_counts USING PRIMARY KEY \(unit_kato=\?\)/);
    // A search's counts look each match up in the narrow index, or walk an okrug's entries with the matches as a test.
    const counts = (q: IssueQuery) => {
      const { sql, params } = issueQuerySql(q, { kind: 'counts' }, planCounts(db, q));
      return explain(sql, params);
    };
    expect(counts(at(ABAY_DISTRICT, { match: matchExpression('мектеп')! }))).toMatch(/SEARCH i USING COVERING INDEX issues_seq_status \(seq=\?\)/);
    expect(counts(at(KARAAUYL_OKRUG, { match: matchExpression('мектеп')! }))).toMatch(/SEARCH i USING COVERING INDEX issues_unit_status \(unit_kato=\?\)/);
    const overdue = explain(overdueByStatusSql, { unit: ABAY_DISTRICT, today: TODAY });
    expect(overdue).toMatch(/COVERING INDEX issues_unit_status \(unit_kato=\? AND status_id=\? AND deadline<\?\)/);
    expect(overdue).not.toMatch(/TEMP B-TREE/);
  });
});
