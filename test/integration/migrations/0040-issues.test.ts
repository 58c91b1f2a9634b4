import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { SEED_CATEGORIES, SEED_STATUSES } from '../../../shared/domain/issues/issue';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertMeetingRow, insertUnitRows, migrateTo } from './fixtures';

const MEETING_ID = '5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const MINUTES_ID = '6d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e6f';

/** A database as schema 30 left it: a held meeting of an okrug with draft minutes naming a village. */
function minutesDatabase(dir: string): Db {
  const opened = databaseAt(dir, 30);
  insertUnitRows(opened, [
    ['103200000', 'district', null, 'Абай ауданы'],
    ['103230000', 'rural_okrug', '103200000', 'Қараауыл а.о.'],
    ['103230100', 'locality', '103230000', 'Қараауыл а.'],
  ]);
  insertMeetingRow(opened, { id: MEETING_ID, unitKato: '103230000', status: 'held', plannedOn: '2025-04-10', heldOn: '2025-04-10' });
  const at = NOW.getTime();
  opened
    .prepare(`INSERT INTO minutes (id, origin, meeting_id, number, chair, created_at, updated_at) VALUES (?, 'installation-1', ?, '3', 'Серікбаев Н. ', ?, ?)`)
    .run(MINUTES_ID, MEETING_ID, at, at);
  opened.prepare(`INSERT INTO minutes_items (id, minutes_id, ordinal, title) VALUES ('item-1', ?, 0, 'Әкімнің есебі')`).run(MINUTES_ID);
  opened
    .prepare(`INSERT INTO minutes_speeches (id, item_id, ordinal, speaker, locality_kato, gist, issue_kind) VALUES ('speech-1', 'item-1', 0, 'Омарова А.', '103230100', 'Мектепке жол', 'proposal')`)
    .run();
  return opened;
}

const everything = (d: Db) => ({
  units: d.prepare('SELECT * FROM units ORDER BY kato').all(),
  meetings: d.prepare('SELECT * FROM meetings').all(),
  minutes: d.prepare('SELECT * FROM minutes').all(),
  items: d.prepare('SELECT * FROM minutes_items').all(),
  speeches: d.prepare('SELECT * FROM minutes_speeches').all(),
});

describe('migration 40: the issue log', () => {
  it('keeps the meetings and minutes of schema 30 as they were, after taking a backup', () => {
    const dir = tempDir('esep-m40-');
    const db = minutesDatabase(dir);
    const before = everything(db);

    const result = migrateTo(db, dir, 40);
    expect(result).toMatchObject({ from: 30, to: 40 });
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    expect(fs.statSync(result.backupFile!).size).toBeGreaterThan(0);
    expect(everything(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM issues').get()).toEqual({ n: 0 });
  });

  it('seeds the statuses and categories with their codes as ids, origin "seed" and ordinals in steps of 10', () => {
    const dir = tempDir('esep-m40-');
    const db = minutesDatabase(dir);
    migrateTo(db, dir, 40);

    const statuses = db.prepare('SELECT * FROM issue_statuses ORDER BY ordinal').all() as Array<Record<string, unknown>>;
    expect(statuses.map((s) => [s.id, s.ordinal])).toEqual([
      ['new', 10],
      ['in_progress', 20],
      ['planned', 30],
      ['done', 40],
      ['explained', 50],
      ['forwarded', 60],
      ['rejected', 70],
    ]);
    expect(statuses[3]).toEqual({
      id: 'done',
      origin: 'seed',
      revision: 1,
      code: 'done',
      name_kk: 'Орындалды',
      name_ru: 'Исполнено',
      closed: 1,
      outcome: 'satisfied',
      ordinal: 40,
      archived: 0,
    });
    const categories = db.prepare('SELECT id, origin, code, parent_id, ordinal FROM issue_categories ORDER BY ordinal').all() as Array<Record<string, unknown>>;
    expect(categories).toHaveLength(21);
    expect(categories[0]).toEqual({ id: 'roads', origin: 'seed', code: 'roads', parent_id: null, ordinal: 10 });
    expect(categories.at(-1)).toEqual({ id: 'other', origin: 'seed', code: 'other', parent_id: null, ordinal: 210 });
  });

  it('lets an issue of the migrated meeting, in a seed status and category, be stored and found by its text', () => {
    const dir = tempDir('esep-m40-');
    const db = minutesDatabase(dir);
    migrateTo(db, dir, 40);
    const at = NOW.getTime();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO issues (id, origin, unit_kato, registry_no, meeting_id, meeting_no, speech_id, raised_on, kind, received_via,
           text, category_id, locality_kato, status_id, created_at, updated_at)
         VALUES ('issue-1', 'installation-1', '103230000', 1, ?, 1, 'speech-1', '2025-04-10', 'proposal', 'oral',
           'Мектепке апаратын жол', 'roads', '103230100', 'new', ?, ?)`,
      )
      .run(MEETING_ID, at, at);
    db.prepare('INSERT INTO issue_search (rowid, body) VALUES (?, ?)').run(lastInsertRowid, 'мектепке апаратын жол');
    expect(db.prepare(`SELECT rowid FROM issue_search WHERE issue_search MATCH '"мектеп"*'`).all()).toEqual([{ rowid: lastInsertRowid }]);
    expect(() => db.prepare("UPDATE issues SET status_id = 'lost' WHERE id = 'issue-1'").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('the seed and the domain', () => {
  // The migration carries its own copy of the seed; this says when the live constants drift
  // from what databases actually hold (then a new migration must bring them along).
  it('a fully migrated database holds the statuses and categories shared/domain lists, in its order', () => {
    const dir = tempDir('esep-m40-');
    const db = databaseAt(dir, 40);
    migrateTo(db, dir);
    const statuses = db.prepare('SELECT code, name_kk, name_ru, closed, outcome FROM issue_statuses ORDER BY ordinal').all() as Array<Record<string, unknown>>;
    expect(statuses.map((s) => ({ code: s.code, nameKk: s.name_kk, nameRu: s.name_ru, closed: s.closed === 1, outcome: s.outcome }))).toEqual(SEED_STATUSES);
    const categories = db.prepare('SELECT code, name_kk, name_ru FROM issue_categories ORDER BY ordinal').all() as Array<Record<string, unknown>>;
    expect(categories.map((c) => ({ code: c.code, nameKk: c.name_kk, nameRu: c.name_ru }))).toEqual(SEED_CATEGORIES);
  });
});
