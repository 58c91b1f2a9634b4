import fs from 'node:fs';
import os from 'node:os';
import { attachmentsNamedByBackups, installationIdOf, sweepBackupTemps, tryOr } from './db/backup';
import path from 'node:path';
import type { Clock } from './clock';
import type { CoreContext } from './context';
import type { CorePaths } from './paths';
import { assertReadableAndNotFromFuture, closeDatabase, openDatabase, openReadOnly, type Db } from './db/open';
import { damageAtOpen } from './db/health';
import { isDamage } from './db/storage-errors';
import { migrate, type MigrationResult } from './db/migrate';
import { ensureInstallation } from './db/repos/installation.repo';
import { loadKatoIfEmpty } from './kato/kato.loader';
import { STALE_TEMP_MS, sweepAttachments } from './services/attachments.service';
import { undoUnfinishedImports } from './services/import-runs';
import { tryEnsureIdentityKey } from './services/identity.service';
import { identityDirOf } from './identity/identity-key';
import { localSession, type SessionCell } from './operators/session';
import type { DamageSource } from '../../shared/contract/backups.contract';
import { EsepError } from '../../shared/errors';

export type CoreHealth = { state: 'ok' } | { state: 'damaged'; since: number; by: DamageSource };

export interface Core {
  /** One object for the core's life: handlers capture it, so a reopen replaces its `db` in place. */
  ctx: CoreContext;
  /** Who is signed in (operators/session.ts). */
  session: SessionCell;
  paths: CorePaths;
  migration: MigrationResult;
  health: CoreHealth;
  /** While a reopen has the database closed: requests are answered `db_busy` (handlers.ts). */
  reopening: boolean;
  /**
   * From now on the database is only read: the connection becomes a read-only one, so SQLite
   * refuses every write (handlers.ts answers `db_damaged`) and nothing is ever written to the file.
   */
  markDamaged(by: DamageSource): void;
  /**
   * Closes the database, lets `swap` replace the file (a restore), and opens it again into the
   * same ctx. When `swap` fails the file it left is opened again and its error rethrown.
   */
  reopen<T>(swap: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * The second connection of the desktop app and the browser host, that runs the long jobs
 * (worker/core-pool.ts), opens after the first and leaves the housekeeping to it.
 */
export type CoreRole = 'main' | 'jobs';

/**
 * Opens the core the same way for every door (Electron, browser host, CLI, tests): database,
 * migrations (with a backup), installation identity, the KATO classifier on first run. A
 * database found damaged (db/health.ts) is opened read-only instead, in the damaged state.
 */
export function openCore(options: {
  paths: CorePaths;
  clock: Clock;
  actor?: string;
  role?: CoreRole;
  /** Shared by the app's two workers; a fresh one by default. */
  session?: SessionCell;
  quickCheckMaxBytes?: number;
  /** Called with each writable connection the core opens (at start and after a reopen). */
  onConnection?: (db: Db) => void;
}): Core {
  const { paths, clock } = options;
  // The check's budget is an option for the tests of a database too large to check at open;
  // the job worker's connection opens just after the main one checked the file.
  const role = options.role ?? 'main';
  const openFile = () => openInstallation(paths, clock, role === 'jobs' ? 0 : options.quickCheckMaxBytes);
  const opened = openFile();
  const systemActor = options.actor ?? defaultActor();
  const ctx: CoreContext = {
    db: opened.db,
    clock,
    actor: systemActor,
    operatorId: null,
    permissions: null,
    systemActor,
    installationId: opened.installationId,
    identityDir: identityDirOf(paths),
  };
  const core: Core = {
    ctx,
    session: options.session ?? localSession(),
    paths,
    migration: opened.migration,
    health: opened.health,
    reopening: false,
    markDamaged(by) {
      if (core.health.state === 'damaged') return;
      const writable = ctx.db;
      // The read-only connection opens first: the writable one, closed while another is open,
      // is not the last and so does not checkpoint its log into the damaged file.
      ctx.db = openReadOnly(paths.dbFile);
      writable.close();
      core.health = { state: 'damaged', since: clock.now().getTime(), by };
    },
    async reopen(swap) {
      if (core.reopening) throw new EsepError('db_busy');
      const before = core.health;
      closeConnection(ctx.db, before);
      core.reopening = true;
      let result: Awaited<ReturnType<typeof swap>>;
      try {
        result = await swap();
      } catch (error) {
        // The file is the one that was open: damage found earlier (perhaps beyond the check at
        // open) still stands.
        load(before.state === 'damaged' ? { ...openDamaged(paths, clock, before.by), health: before } : openFile());
        throw error;
      } finally {
        core.reopening = false;
      }
      load(openFile());
      return result;
    },
    close: () => closeConnection(ctx.db, core.health),
  };
  function load(again: Opened): void {
    Object.assign(ctx, { db: again.db, installationId: again.installationId });
    core.migration = again.migration;
    core.health = again.health;
    settle();
  }
  /** The rest of an open, for a sound database; damage met there is damage found at open. */
  function settle(): void {
    if (core.health.state !== 'ok') return;
    options.onConnection?.(ctx.db);
    try {
      afterOpen(ctx, paths, role);
    } catch (error) {
      if (isDamage(error)) return core.markDamaged('open');
      ctx.db.close();
      throw error;
    }
  }
  settle();
  return core;
}

interface Opened {
  db: Db;
  installationId: string;
  migration: MigrationResult;
  health: CoreHealth;
}

function openInstallation(paths: CorePaths, clock: Clock, quickCheckMaxBytes: number | undefined): Opened {
  const exists = fs.existsSync(paths.dbFile);
  if (exists) {
    assertReadableAndNotFromFuture(paths.dbFile);
    if (damageAtOpen(paths.dbFile, quickCheckMaxBytes).length > 0) return openDamaged(paths, clock, 'open');
  }
  const db = openDatabase(paths.dbFile);
  try {
    const migration = migrate(db, { backupDir: paths.backupDir, now: clock.now() });
    const installationId = db.transaction(() => ensureInstallation(db, clock.now().getTime()))();
    return { db, installationId, migration, health: { state: 'ok' } };
  } catch (error) {
    db.close();
    // Damage the check at open could not see (a database too large for it) met while migrating.
    if (exists && isDamage(error)) return openDamaged(paths, clock, 'open');
    throw error;
  }
}

function openDamaged(paths: CorePaths, clock: Clock, by: DamageSource): Opened {
  const db = openReadOnly(paths.dbFile);
  const version = tryOr(() => db.pragma('user_version', { simple: true }) as number, 0);
  // A damaged file may not even say whose it is; '' then, and a restore compares nothing.
  const installationId = tryOr(() => installationIdOf(db), null) ?? '';
  return { db, installationId, migration: { from: version, to: version, backupFile: null }, health: { state: 'damaged', since: clock.now().getTime(), by } };
}

/**
 * What a sound database gets at every open: the classifier on first run, an import a crash cut
 * short taken back, the sweep, the key. The job worker leaves all but the first to the main one.
 */
function afterOpen(ctx: CoreContext, paths: CorePaths, role: CoreRole): void {
  loadKatoIfEmpty(ctx, path.join(paths.resourcesDir, 'kato', 'kato.csv'));
  if (role === 'jobs') return;
  undoUnfinishedImports(ctx);
  sweepOnOpen(ctx, paths);
  // An installation set up before keys existed gets its key pair now.
  tryEnsureIdentityKey(ctx);
}

/** A damaged database is closed as it is: `PRAGMA optimize` would write to it. */
function closeConnection(db: Db, health: CoreHealth): void {
  if (health.state === 'damaged') db.close();
  else closeDatabase(db);
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
