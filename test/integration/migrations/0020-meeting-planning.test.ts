import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { LATEST_VERSION } from '../../../electron/core/db/migrations';
import { getMeeting } from '../../../electron/core/db/repos/meetings.repo';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt } from './fixtures';

const MEETING_ID = '4b7e2c1a-9d3f-4e2b-8a61-2f0c5d9e7a10';

/** A database as the foundation (schema 10) left it: setup done, one meeting recorded as held. */
function foundationDatabase(dir: string): Db {
  const opened = databaseAt(dir, 10);
  const at = NOW.getTime();
  opened.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('working_root', '103200000', at);
  opened.prepare('INSERT INTO kato_editions (edition, sha256, row_count, loaded_at) VALUES (?, ?, ?, ?)').run('NK RK 11-2025', 'ab'.repeat(32), 2, at);
  const unit = opened.prepare(
    'INSERT INTO units (kato, id, kind, parent_kato, name_kk, name_ru, search_text, edition) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  unit.run('103200000', 'u-1', 'district', null, 'Абай ауданы', 'Абайский район', '103200000 абай ауданы абаискии раион', 'NK RK 11-2025');
  unit.run('103230000', 'u-2', 'rural_okrug', '103200000', 'Қараауыл а.о.', 'Карааульский с.о.', '103230000 караауыл а.о.', 'NK RK 11-2025');
  opened
    .prepare(
      `INSERT INTO meetings (id, origin, revision, unit_kato, status, planned_on, held_on, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(MEETING_ID, 'installation-1', 2, '103230000', 'held', null, '2025-04-10', 'Клуб', at, at + 1);
  return opened;
}

describe('migration 20: meeting planning', () => {
  it('keeps a foundation meeting and gives it the defaults, after taking a backup', () => {
    const dir = tempDir('esep-m20-');
    const db = foundationDatabase(dir);

    const result = migrate(db, { backupDir: path.join(dir, 'backups'), now: NOW });
    expect(result).toMatchObject({ from: 10, to: LATEST_VERSION });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);

    const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(MEETING_ID) as Record<string, unknown>;
    expect(row).toMatchObject({
      origin: 'installation-1',
      revision: 2,
      unit_kato: '103230000',
      status: 'held',
      planned_on: null,
      held_on: '2025-04-10',
      note: 'Клуб',
      created_at: NOW.getTime(),
      updated_at: NOW.getTime() + 1,
      deleted_at: null,
      kind: 'reporting',
      format: 'in_person',
      planned_time: null,
      venue_name: '',
      venue_address: '',
      venue_kato: null,
      broadcast_links: '[]',
      announcement_channels: '[]',
      questions_channels: '[]',
      akim_id: null,
      rule_set_id: null,
      window_key: null,
      outside_window_reason: '',
      attendance: null,
      online_viewers: null,
      status_reason: '',
      postponed_from: null,
    });
    // The repo reads it back as a whole Meeting: no obligation, no officials.
    expect(getMeeting(db, MEETING_ID)).toMatchObject({ obligation: null, officials: [], broadcastLinks: [], heldOn: '2025-04-10', kind: 'reporting' });
    expect(db.prepare('SELECT count(*) AS n FROM akims').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'working_root'").get()).toEqual({ value: '103200000' });

    expect(result.backupFile).not.toBeNull();
    expect(path.dirname(result.backupFile!)).toBe(path.join(dir, 'backups'));
    expect(fs.statSync(result.backupFile!).size).toBeGreaterThan(0);
  });

  it('leaves the backup as the schema-10 database it was', async () => {
    const dir = tempDir('esep-m20-');
    const db = foundationDatabase(dir);
    const { backupFile } = migrate(db, { backupDir: path.join(dir, 'backups'), now: NOW });
    const { default: Database } = await import('better-sqlite3');
    const backup = new Database(backupFile!, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(10);
      const columns = (backup.prepare('PRAGMA table_info(meetings)').all() as Array<{ name: string }>).map((c) => c.name);
      expect(columns).not.toContain('format');
      expect(backup.prepare('SELECT held_on FROM meetings').all()).toEqual([{ held_on: '2025-04-10' }]);
    } finally {
      backup.close();
    }
  });

  it('enforces the new constraints on the migrated table', () => {
    const dir = tempDir('esep-m20-');
    const db = foundationDatabase(dir);
    migrate(db, { backupDir: path.join(dir, 'backups'), now: NOW });
    expect(() => db.prepare("UPDATE meetings SET format = 'carrier_pigeon' WHERE id = ?").run(MEETING_ID)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE meetings SET attendance = -1 WHERE id = ?').run(MEETING_ID)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE meetings SET broadcast_links = 'not json' WHERE id = ?").run(MEETING_ID)).toThrow(/CHECK/);
  });
});
