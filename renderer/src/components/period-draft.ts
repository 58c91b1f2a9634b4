import { isIsoDate, quarterOf, toYmd, type IsoDate, type Quarter } from '../../../shared/domain/dates';
import { halfPeriod, namePeriod, quarterPeriod, yearPeriod, type ReportPeriod } from '../../../shared/domain/reports/period';

export const PERIOD_KINDS = ['year', 'half', 'quarter', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * What the "other period" controls hold; `from`/`to` are the date inputs' text. A new kind starts
 * from the period shown (a quarter's half-year, a year's dates), so the step is a small one.
 */
export interface PeriodDraft {
  kind: PeriodKind;
  year: number;
  half: 1 | 2;
  quarter: Quarter;
  from: string;
  to: string;
}

/** The controls showing a period (a range that is exactly a year, a half or a quarter is shown as one). */
export function draftOf(period: ReportPeriod): PeriodDraft {
  const name = namePeriod(period);
  const { year } = toYmd(period.start);
  const quarter = name.kind === 'quarter' ? name.quarter : quarterOf(period.start);
  const half = name.kind === 'half' ? name.half : quarter <= 2 ? 1 : 2;
  return { kind: name.kind, year, half, quarter, from: period.start, to: period.end };
}

/** The period the controls name; null while a date is incomplete or the range runs backwards. */
export function periodOf(draft: PeriodDraft): ReportPeriod | null {
  switch (draft.kind) {
    case 'year':
      return yearPeriod(draft.year);
    case 'half':
      return halfPeriod(draft.year, draft.half);
    case 'quarter':
      return quarterPeriod(draft.year, draft.quarter);
    case 'range':
      return isIsoDate(draft.from) && isIsoDate(draft.to) && draft.from <= draft.to ? { start: draft.from, end: draft.to } : null;
  }
}

/** A range typed the wrong way round (both dates complete): said in words, not silently ignored. */
export function backwardsRange(draft: PeriodDraft): { from: IsoDate; to: IsoDate } | null {
  return draft.kind === 'range' && isIsoDate(draft.from) && isIsoDate(draft.to) && draft.from > draft.to ? { from: draft.from, to: draft.to } : null;
}

export function samePeriod(a: ReportPeriod | null, b: ReportPeriod | null): boolean {
  return a !== null && b !== null && a.start === b.start && a.end === b.end;
}
