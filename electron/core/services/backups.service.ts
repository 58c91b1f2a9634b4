import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../core';
import { automaticBackup, backupInto, backupToFolder, installationIdOf, listBackups, parseBackupFileName, restoreBackup, type BackupInfo } from '../db/backup';
import { failsQuickCheck } from '../db/health';
import { readHeaderVersion } from '../db/open';
import { isDamage } from '../db/storage-errors';
import { LATEST_VERSION } from '../db/migrations';
import type { BackupEntry, DbHealth, RestoreOutcome } from '../../../shared/contract/backups.contract';
import { EsepError } from '../../../shared/errors';

/*
 * Backups from inside the running app (Settings → Backups, the damaged-database banner). Their
 * names and rotation follow this computer's real time, not the core's clock (which tests and
 * --today pin): they are files on this disk, like the sweep's file ages (core.ts).
 */

export function listBackupEntries(core: Core): BackupEntry[] {
  return listBackups(core.paths.backupDir).flatMap(({ file }) => {
    const entry = entryOf(file);
    return entry ? [entry] : [];
  });
}

/**
 * The database's state; when damaged, the newest backup to offer: one this version can open,
 * of this installation. A backup only gets its name once its copy passed the full integrity
 * check (writeBackup), so a named one was good when made; the restore checks it again in full
 * before anything changes, which a list would not wait for (39 s for a 2.2 GB database).
 */
export function dbHealth(core: Core): DbHealth {
  const { health } = core;
  if (health.state === 'ok') return health;
  const newestGood = listBackupEntries(core).find((b) => b.schemaVersion <= LATEST_VERSION && belongsHere(core, b.file)) ?? null;
  return { ...health, newestGood };
}

/** "Back up now": a damaged database is refused, since its copy would be no backup. */
export async function backupNow(core: Core, folder: string | null): Promise<BackupEntry> {
  refuseWhenDamaged(core);
  const now = new Date();
  const info = await confirmingDamage(core, () => (folder === null ? backupInto(core.ctx.db, core.paths.backupDir, 'manual', now) : backupToFolder(core.ctx.db, path.resolve(folder), now)));
  return entryOf(info.file, info)!;
}

/**
 * The automatic backups (start, quit) of the desktop app and the browser host. None of a
 * damaged database: its copy would fail its check anyway, and skipping it keeps the rotation
 * from ever running on account of the damage, so the good backups stay.
 */
export async function automaticBackupOf(core: Core, moment: 'start' | 'quit', changedElsewhere = false): Promise<BackupInfo | null> {
  if (core.health.state === 'damaged') return null;
  return confirmingDamage(core, () => automaticBackup(core.ctx.db, core.paths.backupDir, new Date(), moment, changedElsewhere));
}

/**
 * Restore while the app runs: the core closes the database, the backup takes its place (the
 * current one kept first: a `before-restore` backup, or moved aside whole when damaged) and the
 * core opens it again, so the restored data is what every screen reads next.
 */
export async function restoreFrom(core: Core, file: string): Promise<RestoreOutcome> {
  const currentDamaged = core.health.state === 'damaged';
  const result = await core.reopen(() => restoreBackup(core.paths, path.resolve(file), { now: new Date(), currentDamaged }));
  return { restored: entryOf(result.restored.file, result.restored)!, keptAs: result.keptAs, health: dbHealth(core) };
}

function refuseWhenDamaged(core: Core): void {
  if (core.health.state === 'damaged') throw new EsepError('db_damaged');
}

/**
 * A copy that fails its check (or a source SQLite calls corrupt while copying) says the
 * database itself may be damaged; quick_check on it decides, so a bad backup disk alone does
 * not put the core in the damaged state.
 */
async function confirmingDamage<T>(core: Core, copy: () => Promise<T>): Promise<T> {
  try {
    return await copy();
  } catch (error) {
    const copyDamaged = isDamage(error) || (error instanceof EsepError && error.code === 'backup_damaged');
    if (copyDamaged && failsQuickCheck(core.ctx.db)) {
      core.markDamaged('backup');
      throw new EsepError('db_damaged');
    }
    throw error;
  }
}

function entryOf(file: string, info?: BackupInfo): BackupEntry | null {
  const name = path.basename(file);
  const parsed = parseBackupFileName(name);
  if (!parsed) return null;
  const bytes = info?.bytes ?? fs.statSync(file, { throwIfNoEntry: false })?.size;
  if (bytes === undefined) return null;
  return { file, name, kind: parsed.kind, at: parsed.at.getTime(), bytes, schemaVersion: info?.schemaVersion ?? parsed.schemaVersion };
}

/** A backup readable as this installation's (a core that could not read its own id compares nothing). */
function belongsHere(core: Core, file: string): boolean {
  try {
    if ((readHeaderVersion(file) ?? 0) > LATEST_VERSION) return false;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return core.ctx.installationId === '' || installationIdOf(db) === core.ctx.installationId;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
