import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { getIssue } from '../../../electron/core/db/repos/issues.repo';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertUnitRows, migrateTo } from './fixtures';

const OKRUG = '103230000';
const ISSUES = ['0a1b2c3d-4e5f-4a6b-8c7d-000000000001', '0a1b2c3d-4e5f-4a6b-8c7d-000000000002', '0a1b2c3d-4e5f-4a6b-8c7d-000000000003'];

function insertIssueRow(db: Db, id: string, registryNo: number, status: string): void {
  const at = NOW.getTime();
  db.prepare(
    `INSERT INTO issues (id, origin, unit_kato, registry_no, raised_on, kind, received_via, text, deadline, status_id, created_at, updated_at)
     VALUES (?, 'installation-1', ?, ?, '2025-04-10', 'request', 'oral', 'Жол жөндеу', '2025-05-10', ?, ?, ?)`,
  ).run(id, OKRUG, registryNo, status, at, at);
}

function prolong(db: Db, id: string, issueId: string): void {
  db.prepare(`INSERT INTO issue_prolongations (id, issue_id, at, actor, new_deadline, reason) VALUES (?, ?, ?, 'tester', '2025-06-10', 'Мердігер кешікті')`).run(id, issueId, NOW.getTime());
}

/** A database as schema 50 left it: three issues, the first prolonged twice, the second once. */
function issuesDatabase(dir: string): Db {
  const db = databaseAt(dir, 50);
  insertUnitRows(db, [
    ['103200000', 'district', null, 'Абай ауданы'],
    [OKRUG, 'rural_okrug', '103200000', 'Қараауыл а.о.'],
  ]);
  db.prepare(`INSERT INTO unit_closure (ancestor, descendant, depth) VALUES ('103200000', '103200000', 0), ('103200000', ?, 1), (?, ?, 0)`).run(OKRUG, OKRUG, OKRUG);
  ISSUES.forEach((id, i) => insertIssueRow(db, id, i + 1, i === 2 ? 'done' : 'in_progress'));
  prolong(db, 'p1', ISSUES[0]!);
  prolong(db, 'p2', ISSUES[0]!);
  prolong(db, 'p3', ISSUES[1]!);
  return db;
}

const counts = (db: Db) => db.prepare('SELECT id, prolongation_count AS n FROM issues ORDER BY registry_no').all();

describe('migration 60: the counts a period report reads', () => {
  it('counts the prolongations each issue already has, changing nothing else', () => {
    const dir = tempDir('esep-m60-');
    const db = issuesDatabase(dir);
    const before = db.prepare('SELECT * FROM issues ORDER BY seq').all();
    expect(migrateTo(db, dir, 60)).toMatchObject({ from: 50, to: 60 });
    expect(counts(db)).toEqual([
      { id: ISSUES[0], n: 2 },
      { id: ISSUES[1], n: 1 },
      { id: ISSUES[2], n: 0 },
    ]);
    expect((db.prepare('SELECT * FROM issues ORDER BY seq').all() as Array<Record<string, unknown>>).map(({ prolongation_count: _n, ...rest }) => rest)).toEqual(before);
  });

  it('keeps the count as prolongations are added, moved or removed, whoever writes them', () => {
    const dir = tempDir('esep-m60-');
    const db = issuesDatabase(dir);
    migrateTo(db, dir, 60);
    prolong(db, 'p4', ISSUES[2]!);
    db.prepare(`UPDATE issue_prolongations SET issue_id = ? WHERE id = 'p3'`).run(ISSUES[2]);
    db.prepare(`DELETE FROM issue_prolongations WHERE id = 'p1'`).run();
    expect(counts(db)).toEqual([
      { id: ISSUES[0], n: 1 },
      { id: ISSUES[1], n: 0 },
      { id: ISSUES[2], n: 2 },
    ]);
    // The log's rows read it.
    expect(getIssue(db, ISSUES[2]!)?.prolongations).toBe(2);
    expect(() => db.prepare('UPDATE issues SET prolongation_count = -1').run()).toThrow(/CHECK/);
  });

  it('answers the trend and the days to close from an index alone', () => {
    const dir = tempDir('esep-m60-');
    const db = issuesDatabase(dir);
    migrateTo(db, dir, 60);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*), sum(status_id = 'done'), sum(julianday(closed_on) - julianday(raised_on)) FROM issues
         WHERE unit_kato IN (SELECT descendant FROM unit_closure WHERE ancestor = ?) AND raised_on BETWEEN '2025-01-01' AND '2025-12-31'`,
      )
      .all('103200000') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING COVERING INDEX issues_unit_raised_status \(unit_kato=\? AND raised_on>\? AND raised_on<\?\)/);
  });
});
