import os from 'node:os';
import { attachmentsNamedByBackups, sweepBackupTemps } from './db/backup';
import path from 'node:path';
import type { Clock } from './clock';
import type { CoreContext } from './context';
import type { CorePaths } from './paths';
import { closeDatabase, openDatabase } from './db/open';
import { migrate, type MigrationResult } from './db/migrate';
import { ensureInstallation } from './db/repos/installation.repo';
import { loadKatoIfEmpty } from './kato/kato.loader';
import { STALE_TEMP_MS, sweepAttachments } from './services/attachments.service';
import { tryEnsureIdentityKey } from './services/identity.service';
import { identityDirOf } from './identity/identity-key';

export interface Core {
  ctx: CoreContext;
  paths: CorePaths;
  migration: MigrationResult;
  close(): void;
}

/**
 * Opens the core the same way for every door (Electron, browser host, CLI, tests): database,
 * migrations (with a backup), installation identity, the KATO classifier on first run.
 */
export function openCore(options: { paths: CorePaths; clock: Clock; actor?: string }): Core {
  const { paths, clock } = options;
  const db = openDatabase(paths.dbFile);
  try {
    const migration = migrate(db, { backupDir: paths.backupDir, now: clock.now() });
    const installationId = db.transaction(() => ensureInstallation(db, clock.now().getTime()))();
    const ctx: CoreContext = { db, clock, actor: options.actor ?? defaultActor(), installationId, identityDir: identityDirOf(paths) };
    loadKatoIfEmpty(ctx, path.join(paths.resourcesDir, 'kato', 'kato.csv'));
    sweepOnOpen(ctx, paths);
    // An installation set up before keys existed gets its key pair now.
    tryEnsureIdentityKey(ctx);
    return { ctx, paths, migration, close: () => closeDatabase(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Unreferenced attachment files and stale temp files (of attachments, of backups cut short) go
 * at every start. Housekeeping only: a failure (a locked file, a busy database) must not keep
 * the app from opening, and the next start tries again. File times are wall-clock, so the age check uses the real time, not the
 * injected clock (which the CLI and tests may pin to another day).
 */
function sweepOnOpen(ctx: CoreContext, paths: CorePaths): void {
  try {
    // A file only a backup names is kept: restoring that backup brings its row back.
    sweepAttachments(ctx, paths.dataDir, Date.now(), () => attachmentsNamedByBackups(paths.backupDir));
    sweepBackupTemps(paths.backupDir, Date.now(), STALE_TEMP_MS);
  } catch {
    // See above: retried at the next start.
  }
}

function defaultActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
