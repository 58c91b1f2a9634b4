import { addDays, daysBetween, daysInMonth, fromYmd, toYmd, weekdayIndex, type IsoDate } from '../../../shared/domain/dates';

// One implementation of day arithmetic for the core and the renderer.
export { daysBetween, weekdayIndex };

export interface MonthKey {
  year: number;
  month: number;
}

export function monthOf(iso: IsoDate): MonthKey {
  const { year, month } = toYmd(iso);
  return { year, month };
}

export function shiftMonth({ year, month }: MonthKey, by: number): MonthKey {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstOfMonth({ year, month }: MonthKey): IsoDate {
  return fromYmd(year, month, 1);
}

export function lastOfMonth({ year, month }: MonthKey): IsoDate {
  return fromYmd(year, month, daysInMonth(year, month));
}

export function isInMonth(iso: IsoDate, key: MonthKey): boolean {
  const { year, month } = toYmd(iso);
  return year === key.year && month === key.month;
}

/** The same day of the month in another month, clamped to its length (31 Jan → 28 Feb). */
export function sameDayIn(iso: IsoDate, key: MonthKey): IsoDate {
  return fromYmd(key.year, key.month, Math.min(toYmd(iso).day, daysInMonth(key.year, key.month)));
}

/** The weeks (Monday to Sunday) that show a month: 4 to 6 rows of 7 dates. */
export function monthWeeks(key: MonthKey): IsoDate[][] {
  const first = firstOfMonth(key);
  const last = lastOfMonth(key);
  let day = addDays(first, -weekdayIndex(first));
  const weeks: IsoDate[][] = [];
  while (day <= last) {
    const week: IsoDate[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}
