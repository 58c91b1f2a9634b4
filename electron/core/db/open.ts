import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EsepError } from '../../../shared/errors';
import { LATEST_VERSION } from './migrations';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the Esep database. The version check runs before any PRAGMA that
 * writes (journal_mode does), so a database from a newer Esep is refused and left byte-for-byte
 * untouched.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) assertReadableAndNotFromFuture(file);

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: every commit reaches the disk before it returns. NORMAL would survive a crash of the
  // app but could lose the last commits to a power cut, and rural akimats do lose power while
  // the secretary types; autosaves are small and seconds apart, bulk work is one transaction.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  takeWriteLockUpFront(db);
  return db;
}

/**
 * Every transaction begins IMMEDIATE: it takes the write lock before its first read. A deferred
 * one reads, then asks for the lock when it first writes; if another process (a second window,
 * the CLI) committed in between, SQLite cannot let it write from its stale snapshot and fails
 * at once with SQLITE_BUSY, whatever busy_timeout says. Immediate, it waits its turn (up to
 * busy_timeout) and then reads what the other wrote. Reading alone needs no transaction in WAL;
 * a long read that wants one consistent snapshot says `.deferred()`.
 */
function takeWriteLockUpFront(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const t = transaction(fn);
    return Object.assign((...args: never[]) => t.immediate(...args), { default: t.immediate, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive });
  }) as Db['transaction'];
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads `user_version` straight from the file header (bytes 60–63, big-endian) instead of
 * opening the database: even a read-only SQLite connection may create -wal/-shm files beside a
 * WAL database, and a refused file must be left exactly as it was.
 */
export function readHeaderVersion(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) return null;
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new EsepError('db_unreadable', { file });
  }
  return header.readUInt32BE(60);
}

/**
 * The `user_version` of the newest committed copy of page 1 in the write-ahead log beside the
 * database, or null: a newer Esep's migration may sit there, not yet checkpointed into the main
 * file, and opening the database would replay it (and a checkpoint change the file). Frames of
 * an older log generation (other salts) or of a transaction never committed do not count.
 * https://sqlite.org/fileformat2.html#the_write_ahead_log
 */
export function readWalVersion(walFile: string): number | null {
  let wal: Buffer;
  try {
    wal = fs.readFileSync(walFile);
  } catch {
    return null;
  }
  if (wal.length < 32 || (wal.readUInt32BE(0) & 0xfffffffe) !== 0x377f0682) return null;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let pending: number | null = null;
  let committed: number | null = null;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at) === 1) pending = wal.readUInt32BE(at + 24 + 60);
    // A frame with the database size set ends a transaction: what it wrote is committed.
    if (wal.readUInt32BE(at + 4) !== 0 && pending !== null) committed = pending;
  }
  return committed;
}

/** Refuses a file that is not SQLite, or written by a newer Esep (header or WAL), before anything opens it. */
export function assertReadableAndNotFromFuture(file: string): void {
  const version = Math.max(readHeaderVersion(file) ?? 0, readWalVersion(`${file}-wal`) ?? 0) || null;
  if (version !== null && version > LATEST_VERSION) {
    throw new EsepError('db_from_future', { file, version, supported: LATEST_VERSION });
  }
}

/**
 * The damaged state's connection (core.ts): read-only, so SQLite itself refuses every write and
 * never checkpoints the log into the damaged file, while the reads that still can, work.
 */
export function openReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  db.pragma('optimize');
  db.close();
}
