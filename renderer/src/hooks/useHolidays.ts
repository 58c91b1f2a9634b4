import { useEffect, useMemo } from 'react';
import type { HolidayDay } from '../../../shared/contract/holidays.contract';
import type { IsoDate } from '../../../shared/domain/dates';
import { useHolidaysStore } from '../stores/holidays.store';

/** The holidays and moved days from `from` to `to` by date (a month view crosses into the next year). */
export function useHolidays(from: IsoDate | null, to: IsoDate | null): ReadonlyMap<IsoDate, HolidayDay> {
  const byYear = useHolidaysStore((s) => s.byYear);
  const ensureYear = useHolidaysStore((s) => s.ensureYear);
  const first = from === null ? null : Number(from.slice(0, 4));
  const last = to === null ? first : Number(to.slice(0, 4));
  useEffect(() => {
    if (first === null || last === null) return;
    for (let y = first; y <= last; y++) void ensureYear(y);
  }, [first, last, ensureYear]);
  return useMemo(() => {
    const out = new Map<IsoDate, HolidayDay>();
    if (first === null || last === null || from === null) return out;
    for (let y = first; y <= last; y++) {
      for (const d of byYear[y] ?? []) if (d.date >= from && d.date <= (to ?? from)) out.set(d.date, d);
    }
    return out;
  }, [byYear, first, last, from, to]);
}
