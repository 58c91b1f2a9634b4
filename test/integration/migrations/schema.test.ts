import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/temp-core';

describe('the schema after every migration', () => {
  it('runs the migrations in the order of their numbers (two branches merged can list them out of order)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(Math.max(...versions));
  });

  it('matches the reviewed snapshot (a schema change must update it on purpose)', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'esep.sqlite'));
    migrate(db, { backupDir: path.join(dir, 'backups'), now: new Date(0) });
    const schema = (db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name`).all() as Array<{ sql: string }>)
      .map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`)
      .join('\n');
    db.close();
    await expect(`${schema}\n`).toMatchFileSnapshot('./schema.snapshot.sql');
  });
});
