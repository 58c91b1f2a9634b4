import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { readHeaderVersion } from './open';
import { LATEST_VERSION } from './migrations';
import { EsepError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/domain/dates';
import { syncDir } from '../files/atomic-write';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/contract/backups.contract';

/*
 * Copies of the database, the one home for all of them: the daily automatic ones, "back up now"
 * (into <dataDir>/backups/ or a folder the user names, a USB stick), the copy taken before
 * migrations and the copy of the current database taken before a restore (their kinds:
 * BACKUP_KINDS, in the contract, since the Settings screen lists them).
 */

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
  /** Null for a database that never opened as an installation (a copy before the first migration). */
  installationId: string | null;
}

/**
 * Rotation of <dataDir>/backups/. Automatic backups: the newest AUTO_TODAY of today (the local
 * day), the newest one of each earlier day, AUTO_CAP in all (about two weeks of days). Every
 * other kind: the newest KEEP_OTHER of that kind; they are rarer and are the way back from a
 * migration or a restore, so they are not thinned by day.
 */
export const ROTATION = { AUTO_TODAY: 4, AUTO_CAP: 14, KEEP_OTHER: 5 } as const;

const NAME = new RegExp(`^esep-(${BACKUP_KINDS.join('|')})-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-v(\\d+)\\.sqlite$`);

/** `esep-<kind>-<UTC instant>-v<schema>.sqlite`: sorts by time within a kind, and says what it is. */
export function backupFileName(kind: BackupKind, now: Date, schemaVersion: number): string {
  return `esep-${kind}-${now.toISOString().replace(/[:.]/g, '-')}-v${schemaVersion}.sqlite`;
}

export function parseBackupFileName(name: string): { kind: BackupKind; at: Date; schemaVersion: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [date, time] = m[2]!.split('T') as [string, string];
  const [h, min, s, ms] = time.slice(0, -1).split('-');
  return { kind: m[1] as BackupKind, at: new Date(`${date}T${h}:${min}:${s}.${ms}Z`), schemaVersion: Number(m[3]) };
}

/**
 * An online backup (SQLite's backup API: a consistent copy while the app goes on reading and
 * writing) written under a temp name in the target's folder, made a self-contained single file
 * (rollback journal, not WAL, so it opens read-only anywhere), checked like a backup to restore,
 * then renamed to `target`. A failure leaves no file under the final name.
 */
export async function writeBackup(db: Db, target: string): Promise<BackupInfo> {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    await db.backup(temp);
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(temp);
    const info = inspectBackup(temp);
    const expected = installationIdOf(db);
    if (info.installationId !== expected) throw new Error(`The backup names installation ${info.installationId}, the database ${expected}`);
    fs.renameSync(temp, target);
    syncDir(dir);
    return { ...info, file: target };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}

/** "Back up now" into a folder the person names (a USB stick), under the `manual` name. */
export async function backupToFolder(db: Db, folder: string, now: Date): Promise<BackupInfo> {
  if (fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() !== true) throw new EsepError('file_unwritable', { file: folder });
  return writeBackup(db, path.join(folder, backupFileName('manual', now, db.pragma('user_version', { simple: true }) as number)));
}

/** A backup into <dataDir>/backups/ under its kind's name, then that folder rotated. */
export async function backupInto(db: Db, backupDir: string, kind: BackupKind, now: Date): Promise<BackupInfo> {
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const info = await writeBackup(db, path.join(backupDir, backupFileName(kind, now, schemaVersion)));
  rotateBackups(backupDir, now);
  return info;
}

/**
 * Reads a backup without changing it: an SQLite file whose header names a schema this version
 * knows, whose full integrity check passes. Refusals are the user's to act on (another file),
 * so they are EsepErrors naming the file.
 */
export function inspectBackup(file: string): BackupInfo {
  let version: number | null;
  try {
    version = readHeaderVersion(file);
  } catch (error) {
    if (error instanceof EsepError) throw error;
    throw new EsepError('backup_unreadable', { file });
  }
  if (version === null) throw new EsepError('db_unreadable', { file });
  if (version > LATEST_VERSION) throw new EsepError('db_from_future', { file, version, supported: LATEST_VERSION });
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new EsepError('backup_unreadable', { file });
  }
  try {
    const problems = integrityProblems(db);
    if (problems.length > 0) throw new EsepError('backup_damaged', { file });
    return { file, bytes: fs.statSync(file).size, schemaVersion: db.pragma('user_version', { simple: true }) as number, installationId: installationIdOf(db) };
  } catch (error) {
    if (error instanceof EsepError) throw error;
    throw new EsepError('backup_damaged', { file });
  } finally {
    db.close();
  }
}

/** What `PRAGMA integrity_check` finds; empty when the database is sound. */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
}

export function installationIdOf(db: Db): string | null {
  const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'installation'`).get();
  if (!table) return null;
  return (db.prepare('SELECT id FROM installation').get() as { id: string } | undefined)?.id ?? null;
}

/** Removes the backups the rotation (ROTATION) no longer keeps; files of other names stay. */
export function rotateBackups(backupDir: string, now: Date): string[] {
  const all = listBackups(backupDir);
  const keep = new Set<string>();
  const today = localIsoDate(now);
  const auto = all.filter((b) => b.kind === 'auto');
  const days = new Set<string>();
  let todays = 0;
  for (const b of auto) {
    const day = localIsoDate(b.at);
    if (day === today ? todays++ < ROTATION.AUTO_TODAY : !days.has(day)) keep.add(b.file);
    days.add(day);
  }
  [...keep].slice(ROTATION.AUTO_CAP).forEach((file) => keep.delete(file));
  for (const kind of BACKUP_KINDS.filter((k) => k !== 'auto')) {
    all.filter((b) => b.kind === kind).slice(0, ROTATION.KEEP_OTHER).forEach((b) => keep.add(b.file));
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}

/**
 * What writeBackup leaves in backups/ when the app dies mid-copy: the temp copy, its journal, and
 * the log and shared memory of a check of it that was under way (the crash harness found these).
 */
const BACKUP_TEMP = /^\.(esep-.+\.sqlite)\.[0-9a-f-]{36}\.tmp(-journal|-wal|-shm)?$/;

/**
 * Removes the temp copies of backups cut short (a crash, a power cut), older than `olderThanMs`:
 * nothing else would, and each is a partial copy of the database, personal data included. A
 * younger one may be a backup still being written by another process (the CLI), so it stays.
 * File times are wall-clock, so `now` is the real time.
 */
export function sweepBackupTemps(backupDir: string, now: number, olderThanMs: number): string[] {
  const names = namesIn(backupDir);
  const stale = names
    .filter((name) => parseBackupFileName(BACKUP_TEMP.exec(name)?.[1] ?? '') !== null)
    .map((name) => path.join(backupDir, name))
    .filter((file) => now - fs.statSync(file).mtimeMs > olderThanMs);
  for (const file of stale) fs.rmSync(file, { force: true });
  return stale;
}

/** The names in a folder; none when it does not exist yet (no backup made). */
function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** The backups in the folder, newest first. */
export function listBackups(backupDir: string): Array<{ file: string; kind: BackupKind; at: Date; schemaVersion: number }> {
  const names = namesIn(backupDir);
  return names
    .flatMap((name) => {
      const parsed = parseBackupFileName(name);
      return parsed ? [{ file: path.join(backupDir, name), ...parsed }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The database that was there, kept in backups/ (`before-restore`, or `damaged-` when it failed its check). */
  keptAs: string | null;
}

/**
 * Puts a backup in place of the installation's database. Nothing may hold the database open:
 * the CLI's `restore` never opens the core; the app closes it, restores and opens it again.
 * 1. The backup is checked (inspectBackup) and must be of this installation unless
 *    `otherInstallation` says the user means another one (a new computer, an okrug's copy).
 * 2. The current database is kept in backups/ first, so a restore can itself be undone; one
 *    that fails its own check is moved aside whole instead (an online copy would refuse it).
 * 3. The current database leaves WAL mode, which needs every other connection gone (the app
 *    still running: `db_in_use`, nothing changed) and folds its WAL into the file, so no WAL
 *    of the old database can ever be replayed onto the restored one.
 * 4. The backup is renamed over it from a copy beside the database, made, synced and checked
 *    again before step 2, so a backup that cannot be read leaves the database where it was.
 */
export async function restoreBackup(
  paths: { dbFile: string; backupDir: string },
  file: string,
  options: { now: Date; otherInstallation?: boolean; currentDamaged?: boolean },
): Promise<RestoreResult> {
  const restored = inspectBackup(file);
  const temp = path.join(path.dirname(paths.dbFile), `.${path.basename(paths.dbFile)}.${randomUUID()}.tmp`);
  let keptAs: string | null = null;
  try {
    // The copy is ready and checked again (a USB stick may read differently twice) before the
    // current database is touched: a backup that cannot be read leaves it where it was.
    fs.copyFileSync(file, temp);
    fsyncFile(temp);
    inspectBackup(temp);
    if (fs.existsSync(paths.dbFile)) keptAs = await keepCurrent(paths, restored, options);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.dbFile}${suffix}`, { force: true });
    fs.renameSync(temp, paths.dbFile);
    syncDir(path.dirname(paths.dbFile));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { restored: { ...restored, file }, keptAs };
}

/** Steps 1–3 for the database there now: whose it is, then kept as a backup or, damaged, moved aside. */
async function keepCurrent(
  paths: { dbFile: string; backupDir: string },
  restored: BackupInfo,
  options: { now: Date; otherInstallation?: boolean; currentDamaged?: boolean },
): Promise<string> {
  // Read-only first: a writable connection to a damaged file would checkpoint its log into it
  // on close, and the file is to be kept aside exactly as it was.
  const reader = new Database(paths.dbFile, { readonly: true, fileMustExist: true });
  let sound: boolean;
  try {
    // The running core already knows (core.ts): no second full check of a damaged file.
    sound = !options.currentDamaged && isSound(reader);
    // A damaged database may not even say whose it is: then there is nothing to compare.
    const currentId = sound ? installationIdOf(reader) : tryOr(() => installationIdOf(reader), null);
    if (!options.otherInstallation && currentId !== null && restored.installationId !== currentId) {
      throw new EsepError('backup_other_installation', { file: restored.file, installation: restored.installationId ?? '', current: currentId });
    }
  } finally {
    reader.close();
  }
  if (sound) return keepBeforeRestore(paths, options.now);
  // A damaged database is not written to (not even its journal mode): it is moved aside whole.
  return moveAside(paths.dbFile, paths.backupDir, options.now);
}

/** Steps 2–3 for a sound database: its `before-restore` copy, then out of WAL mode (or db_in_use). */
async function keepBeforeRestore(paths: { dbFile: string; backupDir: string }, now: Date): Promise<string> {
  const current = new Database(paths.dbFile, { fileMustExist: true, timeout: 0 });
  try {
    const kept = (await backupInto(current, paths.backupDir, 'before-restore', now)).file;
    try {
      current.pragma('journal_mode = DELETE');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new EsepError('db_in_use', { file: paths.dbFile });
      throw error;
    }
    return kept;
  } finally {
    current.close();
  }
}

function isSound(db: Db): boolean {
  return tryOr(() => integrityProblems(db).length === 0, false);
}

/** A read that may fail on a damaged file, with what to use then. */
export function tryOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** A database that failed its check, with its WAL, moved into backups/ under a name the rotation leaves alone. */
function moveAside(dbFile: string, backupDir: string, now: Date): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const target = path.join(backupDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}-${path.basename(dbFile)}`);
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(`${dbFile}${suffix}`)) fs.renameSync(`${dbFile}${suffix}`, `${target}${suffix}`);
  }
  return target;
}

/**
 * The automatic backups of the running app. At start: one when today (the local day) has none
 * yet, so a day the app was used always has its copy. On quit: one when this session changed
 * anything (a connection's total_changes), so the last day's work is copied as it ends without
 * copying an unchanged database at every quit. Null when none was due.
 */
export async function automaticBackup(db: Db, backupDir: string, now: Date, moment: 'start' | 'quit', changedElsewhere = false): Promise<BackupInfo | null> {
  const due =
    moment === 'start'
      ? !listBackups(backupDir).some((b) => b.kind === 'auto' && localIsoDate(b.at) === localIsoDate(now))
      : changedElsewhere || changedHere(db);
  return due ? backupInto(db, backupDir, 'auto', now) : null;
}

/** Whether this connection wrote anything since it opened (the job worker's says so at close). */
export function changedHere(db: Db): boolean {
  return (db.prepare('SELECT total_changes()').pluck().get() as number) > 0;
}

/**
 * The attachment files the kept backups name: a restore brings their rows back, so the sweep of
 * unreferenced files must keep their bytes. A backup that cannot be read names nothing here
 * (`check` and a restore say what is wrong with it).
 */
export function attachmentsNamedByBackups(backupDir: string): Set<string> {
  const named = new Set<string>();
  for (const { file } of listBackups(backupDir)) {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        for (const sha of db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[]) named.add(sha);
      } finally {
        db.close();
      }
    } catch {
      // See above.
    }
  }
  return named;
}
