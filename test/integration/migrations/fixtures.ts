import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';

export const NOW = new Date('2025-09-01T06:00:00Z');
const EDITION = 'NK RK 11-2025';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
});

/** A fresh database in `dir` brought to schema `version` exactly, and no further (closed after the test). */
export function databaseAt(dir: string, version: number): Db {
  const db = openDatabase(path.join(dir, 'esep.sqlite'));
  opened.push(db);
  const migrations = MIGRATIONS.filter((m) => m.version <= version);
  expect(migrations.at(-1)?.version).toBe(version);
  migrate(db, { backupDir: path.join(dir, 'backups'), now: NOW, migrations });
  return db;
}

/** Brings the database to schema `version` (the latest by default), as the app would on opening it. */
export function migrateTo(db: Db, dir: string, version?: number) {
  const migrations = version === undefined ? MIGRATIONS : MIGRATIONS.filter((m) => m.version <= version);
  return migrate(db, { backupDir: path.join(dir, 'backups'), now: NOW, migrations });
}

/** Units as the loader wrote them before schema 50 (parents first): [kato, kind, parent, name]. */
export function insertUnitRows(db: Db, units: ReadonlyArray<[kato: string, kind: string, parent: string | null, name: string]>): void {
  db.prepare('INSERT OR IGNORE INTO kato_editions (edition, sha256, row_count, loaded_at) VALUES (?, ?, ?, ?)').run(EDITION, 'ab'.repeat(32), units.length, NOW.getTime());
  const insert = db.prepare('INSERT INTO units (kato, id, kind, parent_kato, name_kk, name_ru, search_text, edition) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const [kato, kind, parent, name] of units) insert.run(kato, `unit-${kato}`, kind, parent, name, name, `${kato} ${name}`, EDITION);
  })();
}

/** A meeting row with the columns every schema since 20 has. */
export function insertMeetingRow(db: Db, m: { id: string; unitKato: string; status: string; plannedOn: string | null; heldOn: string | null }): void {
  const at = NOW.getTime();
  db.prepare(
    `INSERT INTO meetings (id, origin, revision, unit_kato, status, planned_on, held_on, created_at, updated_at)
     VALUES (?, 'installation-1', 1, ?, ?, ?, ?, ?, ?)`,
  ).run(m.id, m.unitKato, m.status, m.plannedOn, m.heldOn, at, at);
}
