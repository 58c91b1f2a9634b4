import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { SOURCE_RESOURCES_DIR } from '../../../electron/core/paths';
import { countMeetingsUnder, heldMeetingsUnder } from '../../../electron/core/db/repos/meetings.repo';
import { isInSubtree, subtree } from '../../../electron/core/db/repos/units.repo';
import { buildUnits, parseKatoCsv } from '../../../shared/domain/kato';
import { tempDir, ABAI_OBLAST, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../../helpers/temp-core';
import { databaseAt, insertMeetingRow, insertUnitRows, migrateTo } from './fixtures';

const HELD = '7e3f4a5b-6c7d-4e8f-9012-3b4c5d6e7f80';
const PLANNED = '8f4a5b6c-7d8e-4f90-a123-4c5d6e7f8091';
const ELSEWHERE = '905b6c7d-8e9f-4a01-b234-5d6e7f809102';

/** A database as schema 40 left it: the whole classifier, and meetings in and outside Abai oblast. */
function classifierDatabase(dir: string): Db {
  const opened = databaseAt(dir, 40);
  const units = buildUnits(parseKatoCsv(fs.readFileSync(path.join(SOURCE_RESOURCES_DIR, 'kato', 'kato.csv'), 'utf8')));
  insertUnitRows(opened, units.map((u) => [u.code, u.kind, u.parent, u.nameRu] as [string, string, string | null, string]));
  insertMeetingRow(opened, { id: HELD, unitKato: KARAAUYL_OKRUG, status: 'held', plannedOn: '2025-04-10', heldOn: '2025-04-10' });
  insertMeetingRow(opened, { id: PLANNED, unitKato: ABAY_DISTRICT, status: 'planned', plannedOn: '2025-10-01', heldOn: null });
  insertMeetingRow(opened, { id: ELSEWHERE, unitKato: OUTSIDE_OKRUG, status: 'held', plannedOn: null, heldOn: '2025-03-01' });
  return opened;
}

/** The recursive walk every subtree query made before schema 50, as the reference. */
function walkedSubtree(d: Db, root: string): Array<{ kato: string; depth: number }> {
  return d
    .prepare(
      `WITH RECURSIVE tree(kato, depth) AS (
         SELECT kato, 0 FROM units WHERE kato = ?
         UNION ALL
         SELECT u.kato, tree.depth + 1 FROM units u JOIN tree ON u.parent_kato = tree.kato
       )
       SELECT kato, depth FROM tree ORDER BY kato`,
    )
    .all(root) as Array<{ kato: string; depth: number }>;
}

describe('migration 50: the unit closure', () => {
  it('gives every unit of an existing database the subtree the recursive walk gives it', () => {
    const dir = tempDir('esep-m50-');
    const db = classifierDatabase(dir);
    const meetings = db.prepare('SELECT * FROM meetings ORDER BY id').all();

    expect(migrateTo(db, dir, 50)).toMatchObject({ from: 40, to: 50 });
    expect(db.pragma('user_version', { simple: true })).toBe(50);

    const closure = db.prepare('SELECT descendant AS kato, depth FROM unit_closure WHERE ancestor = ? ORDER BY descendant');
    const katos = (db.prepare('SELECT kato FROM units ORDER BY kato').all() as Array<{ kato: string }>).map((r) => r.kato);
    expect(katos).toHaveLength(15_594);
    for (const kato of katos) expect(closure.all(kato), kato).toEqual(walkedSubtree(db, kato));
    expect(db.prepare('SELECT count(*) AS n FROM unit_closure').get()).toEqual({ n: 59_422 });
    expect(db.prepare('SELECT * FROM meetings ORDER BY id').all()).toEqual(meetings);
  });

  it('answers the subtree questions of the repositories on the migrated database', () => {
    const dir = tempDir('esep-m50-');
    const db = classifierDatabase(dir);
    migrateTo(db, dir);

    expect(subtree(db, KARAAUYL_OKRUG).map((u) => [u.kato, u.depth])).toEqual(walkedSubtree(db, KARAAUYL_OKRUG).map((u) => [u.kato, u.depth]));
    expect(isInSubtree(db, ABAI_OBLAST, KARAAUYL_VILLAGE)).toBe(true);
    expect(isInSubtree(db, KARAAUYL_VILLAGE, KARAAUYL_VILLAGE)).toBe(true);
    expect(isInSubtree(db, KARAAUYL_VILLAGE, ABAI_OBLAST)).toBe(false);
    expect(isInSubtree(db, ABAI_OBLAST, OUTSIDE_OKRUG)).toBe(false);
    expect(countMeetingsUnder(db, ABAI_OBLAST)).toBe(2);
    expect(countMeetingsUnder(db, KARAAUYL_OKRUG)).toBe(1);
    expect([...heldMeetingsUnder(db, ABAI_OBLAST)]).toEqual([[KARAAUYL_OKRUG, [{ id: HELD, heldOn: '2025-04-10' }]]]);
  });

  it('refuses a closure row for a unit that does not exist', () => {
    const dir = tempDir('esep-m50-');
    const db = classifierDatabase(dir);
    migrateTo(db, dir, 50);
    expect(() => db.prepare("INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, '999999999', 1)").run(ABAI_OBLAST)).toThrow(/FOREIGN KEY/);
  });
});
