import type { WindowRule } from './rule-set';

/**
 * How a group's windows recur and what they report on, in the terms an administrator thinks
 * in ("once a year, in Q1, on the previous year"): built from those terms for a new rule set
 * and read back from any set's windows to describe it.
 */

/** A window's months within a year: it opens on day 1 of startMonth. */
export interface WindowSpan {
  readonly startMonth: number;
  readonly lengthMonths: number;
}

/** What each window reports on. */
export type CoverageChoice =
  /** The calendar year, half-year, quarter or month that ended last before the window opens. */
  | { readonly kind: 'previousPeriod'; readonly periodMonths: number }
  /** From the month the previous window of the group opened (a year back for a lone window). */
  | { readonly kind: 'sincePrevious' }
  /** The given number of months before the window opens. */
  | { readonly kind: 'monthsBefore'; readonly months: number };

/** Month 1..12 of any month number (13 is January, 0 is December). */
export function normalMonth(month: number): number {
  return ((((month - 1) % 12) + 12) % 12) + 1;
}

/** The last month of a span, 1..12 (a span may run into the next year). */
export function lastMonthOf(span: WindowSpan): number {
  return normalMonth(span.startMonth + span.lengthMonths - 1);
}

/** Windows repeating every `periodMonths`, each opening in month `monthOfPeriod` of its period. */
export function periodicSpans(periodMonths: number, monthOfPeriod: number, lengthMonths: number): WindowSpan[] {
  const out: WindowSpan[] = [];
  for (let start = monthOfPeriod; start <= 12; start += periodMonths) out.push({ startMonth: start, lengthMonths });
  return out;
}

/**
 * The calendar period of `periodMonths` (12, 6, 3 or 1, aligned on January) that ended last
 * before a window opening in `startMonth`: Q1 → the previous year; a Q3 window every
 * half-year → H1 of its year; a February window once a year → still the previous year.
 */
export function previousPeriodCoverage(
  startMonth: number,
  periodMonths: number,
): Pick<WindowRule, 'coversOffsetMonths' | 'coversMonths'> {
  const periodStart = startMonth - ((startMonth - 1) % periodMonths);
  return { coversOffsetMonths: periodStart - periodMonths - startMonth, coversMonths: periodMonths };
}

/**
 * Keys that read well in the calendar: `Q1`..`Q4` for a window that is exactly a quarter,
 * `M01`..`M12` (its first month) otherwise. Unique as long as the windows do not overlap.
 */
export function windowKeyFor(span: WindowSpan): string {
  if (span.lengthMonths === 3 && (span.startMonth - 1) % 3 === 0) return `Q${(span.startMonth + 2) / 3}`;
  return `M${String(span.startMonth).padStart(2, '0')}`;
}

/** The windows of a group from its spans (in any order) and the coverage chosen for all of them. */
export function buildWindows(spans: readonly WindowSpan[], coverage: CoverageChoice): WindowRule[] {
  const sorted = [...spans].sort((a, b) => a.startMonth - b.startMonth);
  return sorted.map((span, i) => {
    const base = { key: windowKeyFor(span), startMonth: span.startMonth, lengthMonths: span.lengthMonths };
    switch (coverage.kind) {
      case 'previousPeriod':
        return { ...base, ...previousPeriodCoverage(span.startMonth, coverage.periodMonths) };
      case 'monthsBefore':
        return { ...base, coversOffsetMonths: -coverage.months, coversMonths: coverage.months };
      case 'sincePrevious': {
        const previous = sorted[(i + sorted.length - 1) % sorted.length]!;
        const gap = (((span.startMonth - previous.startMonth) % 12) + 12) % 12 || 12;
        return { ...base, coversOffsetMonths: -gap, coversMonths: gap };
      }
    }
  });
}

/** How often a group's windows come round. */
export interface Cadence {
  /** Windows per year. */
  readonly count: number;
  /** The spans, by start month. */
  readonly spans: readonly WindowSpan[];
  /** Months from one window to the next when they are evenly spaced and equally long; else null. */
  readonly periodMonths: number | null;
  /** With periodMonths: the month of its period in which each window opens (1-based). */
  readonly monthOfPeriod: number | null;
}

export function cadenceOf(windows: readonly WindowRule[]): Cadence {
  const spans = windows
    .map((w) => ({ startMonth: w.startMonth, lengthMonths: w.lengthMonths }))
    .sort((a, b) => a.startMonth - b.startMonth);
  const count = spans.length;
  const first = spans[0];
  if (first === undefined || 12 % count !== 0) return { count, spans, periodMonths: null, monthOfPeriod: null };
  const period = 12 / count;
  const even = spans.every((s, i) => s.startMonth === first.startMonth + i * period && s.lengthMonths === first.lengthMonths);
  if (!even) return { count, spans, periodMonths: null, monthOfPeriod: null };
  return { count, spans, periodMonths: period, monthOfPeriod: first.startMonth };
}

/** What a group's windows report on, when they all follow one of the CoverageChoice patterns. */
export type Coverage = Exclude<CoverageChoice, { kind: 'sincePrevious' }> | { readonly kind: 'varies' };

const CALENDAR_PERIODS = [12, 6, 3, 1] as const;

export function coverageOf(windows: readonly WindowRule[]): Coverage {
  const first = windows[0];
  if (first === undefined) return { kind: 'varies' };
  for (const periodMonths of CALENDAR_PERIODS) {
    const matches = windows.every((w) => {
      const expected = previousPeriodCoverage(w.startMonth, periodMonths);
      return w.coversOffsetMonths === expected.coversOffsetMonths && w.coversMonths === expected.coversMonths;
    });
    if (matches) return { kind: 'previousPeriod', periodMonths };
  }
  const months = first.coversMonths;
  if (windows.every((w) => w.coversMonths === months && w.coversOffsetMonths === -months)) {
    return { kind: 'monthsBefore', months };
  }
  return { kind: 'varies' };
}
