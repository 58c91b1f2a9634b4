import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, readHeaderVersion, readWalVersion } from '../../electron/core/db/open';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { EsepError } from '../../shared/errors';
import { tempDir } from '../helpers/temp-core';

const now = new Date('2025-06-15T10:00:00Z');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectEsepError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EsepError);
    expect((error as EsepError).code).toBe(code);
    return;
  }
  throw new Error(`expected EsepError ${code}`);
}

describe('openDatabase + migrate', () => {
  it('creates a WAL database with foreign keys on and the latest schema', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'esep.sqlite'));
    const result = migrate(db, { backupDir: path.join(dir, 'backups'), now });
    expect(result).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL: a power cut loses no commit
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // A fresh database has nothing to back up.
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    db.close();
  });

  it('refuses a database from a newer Esep and leaves the file byte-for-byte untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE t (x)');
    future.pragma(`user_version = ${LATEST_VERSION + 10}`);
    future.close();
    const before = sha(file);
    const entriesBefore = fs.readdirSync(dir).sort();

    expectEsepError(() => openDatabase(file), 'db_from_future');
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(entriesBefore);
  });

  it('refuses a newer schema still in the write-ahead log, naming the file, and leaves both files unchanged', () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.sqlite');
    const writer = new Database(source);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    // The copy a person would find after a newer Esep was killed: the change is in the log only.
    const file = path.join(dir, 'esep.sqlite');
    fs.copyFileSync(source, file);
    fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    writer.close();
    expect(readHeaderVersion(file)).toBe(0);
    expect(readWalVersion(`${file}-wal`)).toBe(LATEST_VERSION + 1);
    const before = [sha(file), sha(`${file}-wal`)];

    expectEsepError(() => openDatabase(file), 'db_from_future');
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as EsepError).details).toMatchObject({ file, version: LATEST_VERSION + 1 });
    }
    expect([sha(file), sha(`${file}-wal`)]).toEqual(before);
    expect(readWalVersion(path.join(dir, 'none-wal'))).toBeNull();
  });

  it('refuses a file that is not a SQLite database, unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'this is not a database, it is a text file long enough to have a header...'.repeat(3));
    const before = sha(file);
    expectEsepError(() => openDatabase(file), 'db_unreadable');
    expect(sha(file)).toBe(before);
  });

  it('backs up a database that holds data before applying a new migration', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'esep.sqlite'));
    migrate(db, { backupDir: path.join(dir, 'backups'), now });
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('language', 'kk', 1);

    const extra: Migration = {
      version: LATEST_VERSION + 10,
      name: 'test-extra',
      up: (d) => d.exec('CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT'),
    };
    const result = migrate(db, { backupDir: path.join(dir, 'backups'), now, migrations: [...MIGRATIONS, extra] });
    expect(result.from).toBe(LATEST_VERSION);
    expect(result.to).toBe(LATEST_VERSION + 10);
    expect(result.backupFile).not.toBeNull();
    const backup = new Database(result.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT value FROM settings WHERE key = ?').get('language')).toEqual({ value: 'kk' });
    backup.close();
    db.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'esep.sqlite'));
    migrate(db, { backupDir: path.join(dir, 'backups'), now });
    const good: Migration = { version: LATEST_VERSION + 10, name: 'good', up: (d) => d.exec('CREATE TABLE good (x TEXT) STRICT') };
    const bad: Migration = {
      version: LATEST_VERSION + 20,
      name: 'bad',
      up: () => {
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, { backupDir: path.join(dir, 'backups'), now, migrations: [...MIGRATIONS, good, bad] })).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'good'`).get()).toBeUndefined();
    db.close();
  });

  it('keeps the audit log append-only and KATO codes textual', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'esep.sqlite'));
    migrate(db, { backupDir: path.join(dir, 'backups'), now });
    db.prepare(
      `INSERT INTO audit_log (id, at, actor, origin, action, entity, entity_id) VALUES ('a', 1, 'x', 'o', 'insert', 'e', '1')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    db.prepare(`INSERT INTO kato_editions VALUES ('e', 's', 0, 0)`).run();
    const insert = db.prepare(
      `INSERT INTO units (kato, id, kind, name_kk, name_ru, search_text, edition) VALUES (?, ?, 'oblast', 'a', 'a', 'a', 'e')`,
    );
    expect(() => insert.run(710000000, 'u1')).toThrow();
    expect(() => insert.run('71000000', 'u2')).toThrow();
    insert.run('710000000', 'u3');
    db.close();
  });
});
