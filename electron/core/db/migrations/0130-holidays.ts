import type { Migration } from './index';
import { SEEDED_YEARS, seededHolidays } from '../../../../shared/domain/calendar/holidays';

/**
 * Kazakhstan's public holidays and moved days off as data (issue 13, point 8): one row a date,
 * seeded for 2025–2027 from shared/domain/calendar/holidays.ts (its comments give each fact's
 * source), the rule-made transfers marked `computed`. An administrator edits, adds (a decree's
 * working Saturday) and imports rows in Settings. Local reference data, not a record that travels.
 */
export const m0130Holidays: Migration = {
  version: 130,
  name: 'holidays',
  up(db) {
    db.exec(`
      CREATE TABLE holidays (
        date TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
        name_kk TEXT NOT NULL DEFAULT '',
        name_ru TEXT NOT NULL DEFAULT '',
        moved_from TEXT CHECK (moved_from IS NULL OR moved_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        computed INTEGER NOT NULL DEFAULT 0 CHECK (computed IN (0, 1)),
        updated_at INTEGER
      ) STRICT, WITHOUT ROWID;
    `);
    const insert = db.prepare(
      'INSERT INTO holidays (date, kind, name_kk, name_ru, moved_from, computed) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const d of seededHolidays(SEEDED_YEARS)) insert.run(d.date, d.kind, d.nameKk, d.nameRu, d.movedFrom, d.computed ? 1 : 0);
  },
};
