import os from 'node:os';
import path from 'node:path';
import type { Clock } from './clock';
import type { CoreContext } from './context';
import type { CorePaths } from './paths';
import { closeDatabase, openDatabase } from './db/open';
import { migrate, type MigrationResult } from './db/migrate';
import { ensureInstallation } from './db/repos/installation.repo';
import { loadKatoIfEmpty } from './kato/kato.loader';

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
    const ctx: CoreContext = { db, clock, actor: options.actor ?? defaultActor(), installationId };
    loadKatoIfEmpty(ctx, path.join(paths.resourcesDir, 'kato', 'kato.csv'));
    return { ctx, paths, migration, close: () => closeDatabase(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

function defaultActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
