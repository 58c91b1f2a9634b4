import type { Migration } from './index';
import { splitLegacyPosition } from '../../../../shared/domain/people/positions';
import { looseForSearch } from '../../../../shared/domain/text/fold';

const PEOPLE = ['akims', 'meeting_officials', 'body_people'] as const;

/**
 * Issue 13, point 9. Positions of akims, officials present and the bodies' people in both
 * languages, so a Russian document does not print a Kazakh position: the one text each had
 * goes to the language its letters or the table of common positions say, the other side
 * filled from that table where it knows it (shared/domain/people/positions.ts).
 *
 * And the first-run search forgiving of a doubled vowel: each unit's folded names also in
 * their loose form (shared/domain/text/fold.ts), searched after the exact one.
 */
export const m0140PositionsInBothLanguages: Migration = {
  version: 140,
  name: 'positions-in-both-languages',
  up(db) {
    for (const table of PEOPLE) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN position_kk TEXT NOT NULL DEFAULT '';
        ALTER TABLE ${table} ADD COLUMN position_ru TEXT NOT NULL DEFAULT '';
      `);
      const rows = db.prepare(`SELECT id, position FROM ${table} WHERE position <> ''`).all() as Array<{ id: string; position: string }>;
      const update = db.prepare(`UPDATE ${table} SET position_kk = ?, position_ru = ? WHERE id = ?`);
      for (const row of rows) {
        const p = splitLegacyPosition(row.position);
        update.run(p.positionKk, p.positionRu, row.id);
      }
      db.exec(`ALTER TABLE ${table} DROP COLUMN position`);
    }

    db.exec(`ALTER TABLE units ADD COLUMN search_loose TEXT NOT NULL DEFAULT ''`);
    const units = db.prepare('SELECT kato, search_text FROM units').all() as Array<{ kato: string; search_text: string }>;
    const loose = db.prepare('UPDATE units SET search_loose = ? WHERE kato = ?');
    for (const u of units) loose.run(looseForSearch(u.search_text), u.kato);
  },
};
