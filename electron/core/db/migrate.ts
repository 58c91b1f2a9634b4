import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';
import { EsepError } from '../../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';
import { backupFileName, rotateBackups } from './backup';

export interface MigrationResult {
  from: number;
  to: number;
  /** The copy taken before migrating a database that already held data. */
  backupFile: string | null;
}

/**
 * Brings the schema to LATEST_VERSION. All pending migrations run in one transaction: either the
 * database reaches the new version or it stays exactly as it was. A database that already held
 * data is copied first (VACUUM INTO: a consistent, compact snapshot, taken synchronously).
 */
export function migrate(
  db: Db,
  options: { backupDir: string; now: Date; migrations?: readonly Migration[] },
): MigrationResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new EsepError('db_from_future', { file: db.name, version: from, supported: latest });
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  const backupFile = hasData(db) ? backupBeforeMigration(db, options.backupDir, from, options.now) : null;
  // A table rebuild drops the old table while other tables still name it: with foreign keys on,
  // that DROP would delete (and check) every row first. PRAGMA foreign_keys is a no-op inside a
  // transaction, so it goes off before it (https://sqlite.org/lang_altertable.html#otheralter),
  // and since nothing checks the keys meanwhile, foreign_key_check must find none broken before
  // the commit: otherwise the whole migration rolls back.
  const keysOff = pending.some((m) => m.rebuildsTables) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      if (keysOff) assertForeignKeys(db);
    })();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest, backupFile };
}

function assertForeignKeys(db: Db): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken foreign keys, e.g. ${JSON.stringify(broken.slice(0, 3))}`);
}

function hasData(db: Db): boolean {
  const row = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
  return row.n > 0;
}

/**
 * The one synchronous copy (VACUUM INTO: consistent and compact): the core opens synchronously
 * and must not migrate before the copy exists. Named and rotated as every other backup is.
 */
function backupBeforeMigration(db: Db, dir: string, version: number, now: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName('before-migration', now, version));
  db.prepare('VACUUM INTO ?').run(file);
  rotateBackups(dir, now);
  return file;
}
