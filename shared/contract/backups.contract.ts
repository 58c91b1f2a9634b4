import { z } from 'zod';
import { channel, NoInput, RequiredText } from './schemas';

/**
 * Copies of the database (electron/core/db/backup.ts): the automatic ones at start and quit,
 * "back up now", the copy before a migration and the copy of the current database before a
 * restore.
 */
export const BACKUP_KINDS = ['auto', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup file as the Settings screen lists it. */
export interface BackupEntry {
  file: string;
  /** The file's name alone, for a screen too narrow for the path. */
  name: string;
  kind: BackupKind;
  /** When it was taken, epoch ms (from its name). */
  at: number;
  bytes: number;
  schemaVersion: number;
}

/** Where damage was first seen: the check at open, the check of a backup's copy, or SQLite while working. */
export type DamageSource = 'open' | 'backup' | 'work';

/**
 * The database's state. Damaged: nothing is written to it any more (every write answers
 * `db_damaged`), and `newestGood` is the backup to offer, if any.
 */
export type DbHealth = { state: 'ok' } | { state: 'damaged'; since: number; by: DamageSource; newestGood: BackupEntry | null };

export interface RestoreOutcome {
  restored: BackupEntry;
  /** Where the database that was there went: a `before-restore` backup, or the damaged file moved aside whole. */
  keptAs: string | null;
  health: DbHealth;
}

const FilePath = RequiredText(4096);

export const backupsContract = {
  'db:health': channel<DbHealth>()(NoInput),
  /** The backups in the installation's backups folder, newest first. */
  'backup:list': channel<BackupEntry[]>()(NoInput),
  /** A checked online copy now: into the backups folder (null), or into a folder the person names (a USB stick). */
  'backup:now': channel<BackupEntry>()(z.object({ folder: FilePath.nullable() }).strict()),
  /**
   * Puts a backup in place of the database after checking it (intact, a known schema, this
   * installation's); the current database is kept first (a backup, or moved aside if damaged),
   * and the core reopens on the restored file.
   */
  'backup:restore': channel<RestoreOutcome>()(z.object({ file: FilePath }).strict()),
};
