import { firstDayOfMonth, isIsoDate, lastDayOfMonth, quarterOf, toYmd, type IsoDate, type Quarter } from '../dates';

/** The period a report covers, both days inclusive. */
export interface ReportPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** How a period was named: a year, a half, a quarter, or any range of days. */
export type PeriodName =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: Quarter }
  | { kind: 'range' };

const YEAR = /^(\d{4})$/;
const HALF = /^(\d{4})-H([12])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function yearPeriod(year: number): ReportPeriod {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

export function halfPeriod(year: number, half: 1 | 2): ReportPeriod {
  return half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: Quarter): ReportPeriod {
  const first = (quarter - 1) * 3 + 1;
  return { start: firstDayOfMonth(year, first), end: lastDayOfMonth(year, first + 2) };
}

/**
 * `2026`, `2026-H1`, `2026-Q3` or `2026-01-01..2026-06-30` as a period; null for anything
 * else, an impossible date, or an end before the start.
 */
export function parsePeriod(text: string): ReportPeriod | null {
  const value = text.trim();
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(value))) return yearPeriod(Number(m[1]));
  if ((m = HALF.exec(value))) return halfPeriod(Number(m[1]), Number(m[2]) as 1 | 2);
  if ((m = QUARTER.exec(value))) return quarterPeriod(Number(m[1]), Number(m[2]) as Quarter);
  if ((m = RANGE.exec(value))) {
    const [start, end] = [m[1]!, m[2]!];
    return isIsoDate(start) && isIsoDate(end) && start <= end ? { start, end } : null;
  }
  return null;
}

/** What a period is, read back from its days (so a range that is exactly a quarter is named so). */
export function namePeriod(p: ReportPeriod): PeriodName {
  const { year, month, day } = toYmd(p.start);
  const same = (q: ReportPeriod) => q.start === p.start && q.end === p.end;
  if (month === 1 && day === 1 && same(yearPeriod(year))) return { kind: 'year', year };
  for (const half of [1, 2] as const) if (same(halfPeriod(year, half))) return { kind: 'half', year, half };
  const quarter = quarterOf(p.start);
  if (same(quarterPeriod(year, quarter))) return { kind: 'quarter', year, quarter };
  return { kind: 'range' };
}

/** The period in the CLI's own notation (`2026`, `2026-H1`, `2026-Q3`, `start..end`). */
export function periodKey(p: ReportPeriod): string {
  const name = namePeriod(p);
  if (name.kind === 'year') return String(name.year);
  if (name.kind === 'half') return `${name.year}-H${name.half}`;
  if (name.kind === 'quarter') return `${name.year}-Q${name.quarter}`;
  return `${p.start}..${p.end}`;
}

export const QUICK_PERIODS = ['thisQuarter', 'lastQuarter', 'thisHalf', 'thisYear', 'lastYear'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/** The Reports screen's quick picks, relative to today. */
export function quickPeriod(pick: QuickPeriod, today: IsoDate): ReportPeriod {
  const { year } = toYmd(today);
  const quarter = quarterOf(today);
  switch (pick) {
    case 'thisQuarter':
      return quarterPeriod(year, quarter);
    case 'lastQuarter':
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, (quarter - 1) as Quarter);
    case 'thisHalf':
      return halfPeriod(year, quarter <= 2 ? 1 : 2);
    case 'thisYear':
      return yearPeriod(year);
    case 'lastYear':
      return yearPeriod(year - 1);
  }
}

/** A calendar quarter of the trend: `2025-Q3` with its days. */
export interface QuarterRef extends ReportPeriod {
  key: string;
  year: number;
  quarter: Quarter;
}

/** The `count` quarters up to and including the one `date` falls in, oldest first. */
export function quartersEndingAt(date: IsoDate, count: number): QuarterRef[] {
  const out: QuarterRef[] = [];
  let { year } = toYmd(date);
  let quarter = quarterOf(date);
  for (let i = 0; i < count; i++) {
    out.push({ key: `${year}-Q${quarter}`, year, quarter, ...quarterPeriod(year, quarter) });
    if (quarter === 1) {
      year--;
      quarter = 4;
    } else quarter = (quarter - 1) as Quarter;
  }
  return out.reverse();
}

/** Quarters of the trend: the last two years, up to the period's end. */
export const TREND_QUARTERS = 8;

export function inPeriod(date: IsoDate, p: ReportPeriod): boolean {
  return date >= p.start && date <= p.end;
}
