import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { readHeaderVersion } from './open';
import { integrityProblems } from './backup';
import { LATEST_VERSION } from './migrations';
import { contentStore } from '../files/content-store';
import { EsepError } from '../../../shared/errors';

export interface CheckReport {
  ok: boolean;
  /** What PRAGMA integrity_check reports; empty when the file is sound. */
  integrity: string[];
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string }>;
  /** The issue search index against the issues (its rowid is issues.seq). */
  search: { missing: number[]; extra: number[] };
  /** Stored attachment files no live row names, and live rows whose file is not there. */
  files: { unreferenced: string[]; missing: Array<{ id: string; sha256: string }> };
}

/**
 * The full check of an installation, read-only: it opens the database itself rather than the
 * core, because opening the core migrates and sweeps unreferenced files away, which would
 * change what is being checked (and a damaged database must not be written to).
 */
export function checkInstallation(paths: { dataDir: string; dbFile: string }): CheckReport {
  const file = paths.dbFile;
  if (!fs.existsSync(file)) throw new EsepError('db_unreadable', { file });
  const version = readHeaderVersion(file);
  if (version === null) throw new EsepError('db_unreadable', { file });
  if (version > LATEST_VERSION) throw new EsepError('db_from_future', { file, version, supported: LATEST_VERSION });
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = guarded(() => integrityProblems(db));
    // Past a failed integrity check the other answers cannot be trusted, and reading on may crash.
    if (integrity.length > 0) return { ok: false, integrity, foreignKeys: [], search: { missing: [], extra: [] }, files: { unreferenced: [], missing: [] } };
    const foreignKeys = db.pragma('foreign_key_check') as CheckReport['foreignKeys'];
    const search = {
      missing: db.prepare('SELECT seq FROM issues EXCEPT SELECT rowid FROM issue_search ORDER BY 1').pluck().all() as number[],
      extra: db.prepare('SELECT rowid FROM issue_search EXCEPT SELECT seq FROM issues ORDER BY 1').pluck().all() as number[],
    };
    const files = attachmentFiles(db, paths.dataDir);
    const ok = foreignKeys.length === 0 && search.missing.length + search.extra.length === 0 && files.unreferenced.length + files.missing.length === 0;
    return { ok, integrity, foreignKeys, search, files };
  } finally {
    db.close();
  }
}

function guarded(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [(error as Error).message];
  }
}

/** The attachment store of attachments.service.ts (`<dataDir>/attachments`), read without changing it. */
function attachmentFiles(db: Db, dataDir: string): CheckReport['files'] {
  const store = contentStore(path.join(dataDir, 'attachments'));
  const live = db.prepare('SELECT id, sha256 FROM attachments WHERE deleted_at IS NULL ORDER BY id').all() as Array<{ id: string; sha256: string }>;
  const named = new Set(live.map((r) => r.sha256));
  return {
    unreferenced: store.scan().contents.filter((sha256) => !named.has(sha256)).sort(),
    missing: live.filter((r) => !store.has(r.sha256)),
  };
}
