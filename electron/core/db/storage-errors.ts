import { EsepError } from '../../../shared/errors';

/**
 * What the disk and SQLite say when a request could not be stored, as the person's own error:
 * "another program is writing", "the disk is full", "the database is read-only", "the database
 * is damaged", instead of "internal error". Each happens inside a transaction that SQLite took
 * back (or never began), so the messages may say nothing changed; the damaged one does not,
 * since a damaged file cannot be trusted to say what it holds.
 */
export function storageError(error: unknown): EsepError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) return new EsepError('db_busy');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new EsepError('disk_full');
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS') return new EsepError('db_readonly');
  if (isDamage(error)) return new EsepError('db_damaged');
  return null;
}

/** SQLite found the file damaged: the core stops writing to it (core.ts, markDamaged). */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB');
}

/** SQLite refused to write through a read-only connection: in the damaged state, that is every write. */
export function isReadOnlyRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'));
}
