import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { migrate } from '../../../electron/core/db/migrate';
import { tempDir } from '../../helpers/temp-core';

describe('the schema after every migration', () => {
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
