import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertUnitRows, migrateTo } from './fixtures';

const DISTRICT = '103200000';
const OKRUG = '103230000';

describe('migration 90: the issue log’s counters and index', () => {
  it('counts the issues already held, per unit and status, and keeps counting after', () => {
    const dir = tempDir('esep-m90-');
    const db = databaseAt(dir, 80);
    insertUnitRows(db, [
      [DISTRICT, 'district', null, 'Абай ауданы'],
      [OKRUG, 'rural_okrug', DISTRICT, 'Қараауыл а.о.'],
    ]);
    const insert = db.prepare(
      `INSERT INTO issues (id, origin, unit_kato, registry_no, raised_on, kind, received_via, text, on_control, status_id, created_at, updated_at)
       VALUES (?, 'installation-1', ?, ?, '2025-04-10', 'request', 'oral', 'Жол жөндеу', ?, ?, ?, ?)`,
    );
    const rows: Array<[unit: string, status: string, onControl: 0 | 1]> = [
      [OKRUG, 'in_progress', 1],
      [OKRUG, 'in_progress', 0],
      [OKRUG, 'new', 1],
      [DISTRICT, 'in_progress', 0],
    ];
    rows.forEach(([unit, status, onControl], i) => insert.run(`issue-${i}`, unit, i + 1, onControl, status, NOW.getTime(), NOW.getTime()));
    const before = db.prepare('SELECT * FROM issues ORDER BY seq').all();

    expect(migrateTo(db, dir, 90)).toMatchObject({ from: 80, to: 90 });
    const counters = () => db.prepare('SELECT unit_kato, status_id, n, on_control FROM issue_status_counts ORDER BY unit_kato, status_id').all();
    expect(counters()).toEqual([
      { unit_kato: DISTRICT, status_id: 'in_progress', n: 1, on_control: 0 },
      { unit_kato: OKRUG, status_id: 'in_progress', n: 2, on_control: 1 },
      { unit_kato: OKRUG, status_id: 'new', n: 1, on_control: 1 },
    ]);
    expect(db.prepare('SELECT * FROM issues ORDER BY seq').all()).toEqual(before);

    db.prepare(`UPDATE issues SET status_id = 'done', outcome = 'satisfied', closed_on = '2025-05-01', on_control = 0 WHERE id = 'issue-2'`).run();
    insert.run('issue-9', DISTRICT, 9, 1, 'new', NOW.getTime(), NOW.getTime());
    expect(counters()).toEqual([
      { unit_kato: DISTRICT, status_id: 'in_progress', n: 1, on_control: 0 },
      { unit_kato: DISTRICT, status_id: 'new', n: 1, on_control: 1 },
      { unit_kato: OKRUG, status_id: 'done', n: 1, on_control: 0 },
      { unit_kato: OKRUG, status_id: 'in_progress', n: 2, on_control: 1 },
      { unit_kato: OKRUG, status_id: 'new', n: 0, on_control: 0 },
    ]);
  });
});
