import type { Db } from '../open';
import type { HolidayDay, HolidayKind } from '../../../../shared/domain/calendar/holidays';
import type { IsoDate } from '../../../../shared/domain/dates';
import { prepared } from '../statements';

interface HolidayRow {
  date: string;
  kind: HolidayKind;
  name_kk: string;
  name_ru: string;
  moved_from: string | null;
  computed: number;
}

function toHoliday(r: HolidayRow): HolidayDay {
  return { date: r.date, kind: r.kind, nameKk: r.name_kk, nameRu: r.name_ru, movedFrom: r.moved_from, computed: r.computed === 1 };
}

const COLUMNS = 'date, kind, name_kk, name_ru, moved_from, computed';

/** The days from `from` to `to`, inclusive, by date (the primary key: a range, not a scan). */
export function listHolidays(db: Db, from: IsoDate, to: IsoDate): HolidayDay[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM holidays WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as HolidayRow[]).map(toHoliday);
}

export function getHoliday(db: Db, date: IsoDate): HolidayDay | null {
  const row = prepared(db, `SELECT ${COLUMNS} FROM holidays WHERE date = ?`).get(date) as HolidayRow | undefined;
  return row ? toHoliday(row) : null;
}

/** Inserts or replaces the row of the day's date. */
export function putHoliday(db: Db, d: HolidayDay, now: number): void {
  prepared(
    db,
    `INSERT INTO holidays (${COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
       moved_from = excluded.moved_from, computed = excluded.computed, updated_at = excluded.updated_at`,
  ).run(d.date, d.kind, d.nameKk, d.nameRu, d.movedFrom, d.computed ? 1 : 0, now);
}

export function deleteHoliday(db: Db, date: IsoDate): boolean {
  return prepared(db, 'DELETE FROM holidays WHERE date = ?').run(date).changes > 0;
}

/** The years that have at least one row, newest first. */
export function holidayYears(db: Db): number[] {
  return (prepared(db, 'SELECT DISTINCT substr(date, 1, 4) AS y FROM holidays ORDER BY y DESC').all() as Array<{ y: string }>).map((r) => Number(r.y));
}
