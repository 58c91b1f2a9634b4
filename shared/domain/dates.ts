/**
 * Calendar dates travel and are stored as `yyyy-MM-dd` strings (no time zone, no instant):
 * a meeting "held on 15 January" is the same day wherever the laptop's clock is set.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `yyyy-MM-dd` form (rejects 2025-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in `month` (1..12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  // Integer arithmetic rather than a Date: schedules for thousands of units call this often.
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A calendar date split into integers; months and days are 1-based. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Arithmetic accepts any four-digit year so that a window or a due date computed next to
// isIsoDate's plausibility bounds (1900..2200) still has a value instead of throwing.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/**
 * Splits a `yyyy-MM-dd` date. Throws a RangeError unless it is a real calendar date with a
 * year 1000..9999; validate user input with isIsoDate, which is stricter.
 */
export function toYmd(date: IsoDate): Ymd {
  const m = ISO_DATE.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1) {
      if (day <= daysInMonth(year, month)) return { year, month, day };
    }
  }
  throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
}

/**
 * The calendar day an instant falls on in this computer's time zone (the akimat's local day,
 * not UTC's): what an instant stored as epoch ms is shown and counted as.
 */
export function localIsoDate(d: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Formats a calendar date; throws a RangeError if the parts do not name one. */
export function fromYmd(year: number, month: number, day: number): IsoDate {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Fixed-width `yyyy-MM-dd` strings sort in calendar order, so no parsing is needed.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  const { year, month, day } = toYmd(date);
  const c = civilFromDays(daysFromCivil(year, month, day) + days);
  return fromYmd(c.year, c.month, c.day);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = toYmd(from);
  const b = toYmd(to);
  return daysFromCivil(b.year, b.month, b.day) - daysFromCivil(a.year, a.month, a.day);
}

/** 0 = Monday … 6 = Sunday (weeks in Kazakhstan start on Monday). */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01, day 0, was a Thursday (index 3).
  return (((daysBetween('1970-01-01', date) + 3) % 7) + 7) % 7;
}

/** Calendar-month arithmetic that clamps to the month's last day: 2025-01-31 + 1 → 2025-02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  requireInteger(months, 'months');
  const { year, month, day } = toYmd(date);
  const target = normalizeMonth(year, month + months);
  return fromYmd(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** First day of a month; `month` may run past 1..12 (13 is January of the next year, 0 December of the previous). */
export function firstDayOfMonth(year: number, month: number): IsoDate {
  const m = normalizeMonth(year, month);
  return fromYmd(m.year, m.month, 1);
}

/** Last day of a month; `month` may run past 1..12 as in firstDayOfMonth. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  const m = normalizeMonth(year, month);
  return fromYmd(m.year, m.month, daysInMonth(m.year, m.month));
}

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: IsoDate): Quarter {
  return (Math.floor((toYmd(date).month - 1) / 3) + 1) as Quarter;
}

function normalizeMonth(year: number, month: number): { year: number; month: number } {
  requireInteger(year, 'year');
  requireInteger(month, 'month');
  const index = year * 12 + (month - 1);
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

function requireInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer: ${value}`);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil-date
// algorithms): pure integer arithmetic, so no time zone or DST can shift a day.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
