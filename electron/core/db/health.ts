import Database from 'better-sqlite3';
import type { Db } from './open';
import { isDamage } from './storage-errors';

/**
 * The largest database `PRAGMA quick_check` runs on at every open. Measured here (SQLite 3.54,
 * 2 shared cores, the files in the page cache) on the bench databases: a new installation
 * (7.9 MiB, the classifier) 44–98 ms for the whole check at open; a district with 100,000
 * issues (215 MiB) quick_check 0.51–0.87 s (integrity_check 1.8 s); an oblast with 1,000,000
 * issues (2.1 GiB) quick_check 5.6–10.5 s, 43 s with the machine busy (integrity_check 39 s).
 * So about 2.5 ms per MiB: at 64 MiB some 0.15 s, and an okrug's or a small district's
 * database is checked whole at every start. A larger one is checked here as far as its header
 * and schema (0.6–9 ms even at 2.1 GiB); in full (integrity_check) on the copy the automatic
 * backup makes at the first start of each day (writeBackup; a copy that fails puts the core in
 * the damaged state, backups.service.ts); and any SQLITE_CORRUPT met while working does too.
 */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * What is wrong with an existing database, read through a read-only connection so a damaged
 * file is never written to (not even by the checkpoint a writable connection makes on close);
 * empty when it looks sound. Call after the header and WAL version guard (open.ts).
 */
export function damageAtOpen(file: string, maxBytes = QUICK_CHECK_MAX_BYTES): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Reading the schema parses page 1 and every CREATE statement: a header or schema past repair fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    if (bytes > maxBytes) return [];
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  } catch (error) {
    if (isDamage(error)) return [(error as Error).message];
    throw error;
  } finally {
    db.close();
  }
}

/** Whether a connection's database passes quick_check now (a read; for a copy that failed its check). */
export function failsQuickCheck(db: Db): boolean {
  try {
    return (db.pragma('quick_check') as Array<{ quick_check: string }>).some((r) => r.quick_check !== 'ok');
  } catch (error) {
    if (isDamage(error)) return true;
    throw error;
  }
}
