import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { getIssue, issueQuerySql, issuesBySeq } from '../../../electron/core/db/repos/issues.repo';
import { searchDocument } from '../../../electron/core/services/issue-search';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertMeetingRow, insertUnitRows, migrateTo } from './fixtures';

const DISTRICT = '103200000';
const OKRUG = '103230000';
const MEETING = '5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const ISSUES = ['0a1b2c3d-4e5f-4a6b-8c7d-000000000001', '0a1b2c3d-4e5f-4a6b-8c7d-000000000002', '0a1b2c3d-4e5f-4a6b-8c7d-000000000003'];
const SELF = 'installation-1';
const OTHER = 'installation-okrug';

function insertIssueRow(db: Db, r: { id: string; seq: number; registryNo: number; text: string; origin?: string; meetingNo?: number | null; repeatsId?: string | null }): void {
  const at = NOW.getTime();
  db.prepare(
    `INSERT INTO issues (seq, id, origin, revision, unit_kato, registry_no, meeting_id, meeting_no, raised_on, kind, received_via, text,
       deadline, repeats_id, status_id, created_at, updated_at)
     VALUES (?, ?, ?, 3, ?, ?, ?, ?, '2025-04-10', 'request', 'oral', ?, '2025-05-10', ?, 'in_progress', ?, ?)`,
  ).run(r.seq, r.id, r.origin ?? SELF, OKRUG, r.registryNo, r.meetingNo ? MEETING : null, r.meetingNo ?? null, r.text, r.repeatsId ?? null, at, at);
  db.prepare('INSERT INTO issue_search (rowid, body) VALUES (?, ?)').run(r.seq, searchDocument({ text: r.text, answer: '', eotinishNo: '', notes: [] }).body);
}

/**
 * A database as schema 60 left it: an okrug's held meeting with two issues raised at it, a third
 * that repeats the first, with history, an author, prolongations, a search entry each (at seqs
 * with gaps, as deletions during a VACUUM-free life leave them), two plan rows and a rule set.
 */
function ownedDatabase(dir: string): Db {
  const db = databaseAt(dir, 60);
  insertUnitRows(db, [
    [DISTRICT, 'district', null, 'Абай ауданы'],
    [OKRUG, 'rural_okrug', DISTRICT, 'Қараауыл а.о.'],
  ]);
  db.prepare(`INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, ?, 0), (?, ?, 1), (?, ?, 0)`).run(DISTRICT, DISTRICT, DISTRICT, OKRUG, OKRUG, OKRUG);
  db.prepare('INSERT INTO installation (id, created_at) VALUES (?, ?)').run(SELF, NOW.getTime());
  insertMeetingRow(db, { id: MEETING, unitKato: OKRUG, status: 'held', plannedOn: '2025-04-10', heldOn: '2025-04-10' });
  insertIssueRow(db, { id: ISSUES[0]!, seq: 4, registryNo: 1, text: 'Мектепке апаратын жол', meetingNo: 1 });
  insertIssueRow(db, { id: ISSUES[1]!, seq: 9, registryNo: 2, text: 'Көше жарығы жоқ', meetingNo: 2 });
  insertIssueRow(db, { id: ISSUES[2]!, seq: 17, registryNo: 3, text: 'Мектеп жолы әлі жөнделмеді', repeatsId: ISSUES[0]! });
  const at = NOW.getTime();
  db.prepare(`INSERT INTO issue_history (id, issue_id, at, on_date, actor, status_id, comment) VALUES ('h1', ?, ?, '2025-04-10', 'tester', 'new', ''), ('h2', ?, ?, '2025-04-12', 'tester', 'in_progress', 'Жұмыс басталды')`).run(ISSUES[0], at, ISSUES[0], at + 1);
  db.prepare(`INSERT INTO issue_authors (issue_id, full_name, phone) VALUES (?, 'Омарова А.', '+7 701 000 00 00')`).run(ISSUES[0]);
  db.prepare(`INSERT INTO issue_prolongations (id, issue_id, at, actor, new_deadline, reason) VALUES ('p1', ?, ?, 'tester', '2025-06-10', 'Мердігер кешікті')`).run(ISSUES[1], at);
  db.prepare(
    `INSERT INTO action_plan_rows (id, origin, revision, issue_id, ordinal, measure, created_at, updated_at) VALUES ('r1', ?, 2, ?, 1, 'Жол салу', ?, ?), ('r2', ?, 1, ?, 2, 'Қаржы табу', ?, ?)`,
  ).run(SELF, ISSUES[0], at, at, SELF, ISSUES[0], at, at);
  db.prepare(
    `INSERT INTO rule_sets (id, origin, name_kk, name_ru, effective_from, groups_json, created_at, updated_at) VALUES ('rs-1', ?, 'Жаңа', 'Новый', '2027-01-01', '[]', ?, ?)`,
  ).run(SELF, at, at);
  return db;
}

const rows = (db: Db, table: string, order = 'rowid') => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Array<Record<string, unknown>>;

const without = (list: Array<Record<string, unknown>>, ...columns: string[]) =>
  list.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !columns.includes(k))));

describe('migration 70: ownership', () => {
  it('keeps every issue with its seq, children, plan rows and rule sets as they were, after a backup', () => {
    const dir = tempDir('esep-m70-');
    const db = ownedDatabase(dir);
    const tables = ['issues', 'issue_history', 'issue_authors', 'issue_prolongations', 'meetings', 'units'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    const plan = rows(db, 'action_plan_rows');
    const ruleSets = rows(db, 'rule_sets');

    const result = migrateTo(db, dir, 70);
    expect(result).toMatchObject({ from: 60, to: 70 });
    expect(result.backupFile).not.toBeNull();
    expect(Object.fromEntries(tables.map((t) => [t, rows(db, t)]))).toEqual(before);
    expect(rows(db, 'issues').map((r) => r.seq)).toEqual([4, 9, 17]);
    expect(without(rows(db, 'action_plan_rows'), 'deleted_at')).toEqual(plan);
    expect(rows(db, 'action_plan_rows').map((r) => r.deleted_at)).toEqual([null, null]);
    expect(without(rows(db, 'rule_sets'), 'deleted_at')).toEqual(ruleSets);
    expect(rows(db, 'installation')).toEqual([
      { id: SELF, created_at: NOW.getTime(), singleton: 1, public_key: null, key_id: null, package_sequence: 0, last_package_id: null },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('numbers a unit’s registry per origin: another installation’s №1 coexists, the same origin’s is refused', () => {
    const dir = tempDir('esep-m70-');
    const db = ownedDatabase(dir);
    migrateTo(db, dir, 70);
    insertIssueRow(db, { id: 'received-1', seq: 30, registryNo: 1, text: 'Су құбыры', origin: OTHER });
    expect(db.prepare('SELECT origin, registry_no FROM issues WHERE unit_kato = ? AND registry_no = 1 ORDER BY origin').all(OKRUG)).toEqual([
      { origin: SELF, registry_no: 1 },
      { origin: OTHER, registry_no: 1 },
    ]);
    expect(() => insertIssueRow(db, { id: 'own-dup', seq: 31, registryNo: 2, text: 'Қайталау' })).toThrow(/UNIQUE constraint failed: issues.origin, issues.unit_kato, issues.registry_no/);
    // The number within a meeting stays unique whoever raises it: only the meeting's origin does.
    expect(() => insertIssueRow(db, { id: 'meeting-dup', seq: 32, registryNo: 5, text: 'Қайталау', origin: OTHER, meetingNo: 1 })).toThrow(/UNIQUE constraint failed: issues.meeting_id, issues.meeting_no/);
    // A plan row's number is its origin's too.
    const at = NOW.getTime();
    const planRow = db.prepare(`INSERT INTO action_plan_rows (id, origin, issue_id, ordinal, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`);
    planRow.run('r-other', OTHER, ISSUES[0], at, at);
    expect(() => planRow.run('r-dup', SELF, ISSUES[0], at, at)).toThrow(/UNIQUE/);
  });

  it('still finds issues by their text, counts prolongations and enforces every foreign key', () => {
    const dir = tempDir('esep-m70-');
    const db = ownedDatabase(dir);
    migrateTo(db, dir, 70);
    // The log's own statement (its counters come with migration 90), with the prefix term of
    // that time (the stem columns come with migration 120).
    const page = issueQuerySql({ unitKato: DISTRICT, match: '"мектеп"*', today: '2025-09-01' }, { kind: 'page', sort: { key: 'registryNo', dir: 'asc' } });
    const seqs = (db.prepare(page.sql).all({ ...page.params, limit: 10, offset: 0 }) as Array<{ seq: number }>).map((r) => r.seq);
    expect(issuesBySeq(db, seqs).map((i) => i.id)).toEqual([ISSUES[0], ISSUES[2]]);
    expect(getIssue(db, ISSUES[2]!)?.repeatsId).toBe(ISSUES[0]);

    db.prepare(`INSERT INTO issue_prolongations (id, issue_id, at, actor, new_deadline, reason) VALUES ('p2', ?, ?, 'tester', '2025-07-10', 'Тағы да')`).run(ISSUES[1], NOW.getTime());
    expect(getIssue(db, ISSUES[1]!)?.prolongations).toBe(2);

    expect(() => db.prepare(`INSERT INTO issue_history (id, issue_id, at, on_date, actor, status_id) VALUES ('h9', 'missing', 0, '2025-01-01', 'x', 'new')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE issues SET repeats_id = 'missing' WHERE id = ?`).run(ISSUES[1])).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE action_plan_rows SET issue_id = 'missing' WHERE id = 'r1'`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`DELETE FROM issues WHERE id = ?`).run(ISSUES[0])).toThrow(/FOREIGN KEY/);
  });

  it('records origins and their packages, each package once, refusing one from an origin never trusted', () => {
    const dir = tempDir('esep-m70-');
    const db = ownedDatabase(dir);
    migrateTo(db, dir, 70);
    const at = NOW.getTime();
    db.prepare(
      `INSERT INTO origins (id, unit_kato, public_key, key_id, trusted_at, trusted_by, first_imported_at, last_imported_at) VALUES (?, ?, ?, '1A2B3C4D5E6F7A8B', ?, 'Хатшы', ?, ?)`,
    ).run(OTHER, OKRUG, 'A'.repeat(43) + '=', at, at, at);
    const pkg = db.prepare(`INSERT INTO imported_packages (id, origin, sequence, tag_manifest_sha512, created_at, imported_at, file_name) VALUES (?, ?, 1, ?, ?, ?, 'p.zip')`);
    pkg.run('pkg-1', OTHER, 'ab'.repeat(64), at, at);
    expect(() => pkg.run('pkg-1', OTHER, 'ab'.repeat(64), at, at)).toThrow(/UNIQUE/);
    expect(() => pkg.run('pkg-2', 'stranger', 'ab'.repeat(64), at, at)).toThrow(/FOREIGN KEY/);
    expect(() => pkg.run('pkg-3', OTHER, 'AB'.repeat(64), at, at)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE installation SET key_id = '1a2b3c4d5e6f7a8b'`).run()).toThrow(/CHECK/);
  });

  it('rolls back whole, foreign keys on again, when a key is found broken', () => {
    const dir = tempDir('esep-m70-');
    const db = ownedDatabase(dir);
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO issue_history (id, issue_id, at, on_date, actor, status_id) VALUES ('orphan', 'gone', 0, '2025-01-01', 'x', 'new')`).run();
    db.pragma('foreign_keys = ON');
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();

    expect(() => migrateTo(db, dir, 70)).toThrow(/broken foreign keys/);
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
