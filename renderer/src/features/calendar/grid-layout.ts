import type { GridRow } from '../../../../shared/contract/types';
import { toYmd } from '../../../../shared/domain/dates';
import type { AssessedObligation, ComplianceStatus } from '../../../../shared/domain/rules';

export type Segment<T extends AssessedObligation = AssessedObligation> =
  | { kind: 'gap'; fromMonth: number; span: number }
  | { kind: 'obligation'; fromMonth: number; span: number; obligation: T };

/** Month 1..12 of `year` in which a date falls, clamped to the year (0 before it, 13 after it). */
function monthInYear(iso: string, year: number): number {
  const { year: y, month } = toYmd(iso);
  return y < year ? 0 : y > year ? 13 : month;
}

/**
 * A row's twelve month columns as cells: each obligation spans its window's months (clipped to
 * the year), the months between windows are gaps, cut at quarter boundaries so that every row
 * draws the quarter lines. Obligations come ordered by window start; should two ever share a
 * month (a change of rule set), the later one starts after the earlier.
 */
export function layoutRow<T extends AssessedObligation>(obligations: readonly T[], year: number): Segment<T>[] {
  const out: Segment<T>[] = [];
  let next = 1;
  for (const obligation of obligations) {
    const from = Math.max(next, monthInYear(obligation.windowStart, year), 1);
    const to = Math.min(monthInYear(obligation.windowEnd, year), 12);
    if (to < from) continue;
    pushGaps(out, next, from - 1);
    out.push({ kind: 'obligation', fromMonth: from, span: to - from + 1, obligation });
    next = to + 1;
  }
  pushGaps(out, next, 12);
  return out;
}

function pushGaps<T extends AssessedObligation>(out: Segment<T>[], from: number, to: number): void {
  for (let month = from; month <= to; ) {
    const quarterEnd = Math.ceil(month / 3) * 3;
    const end = Math.min(to, quarterEnd);
    out.push({ kind: 'gap', fromMonth: month, span: end - month + 1 });
    month = end + 1;
  }
}

export type StatusCounts = Record<ComplianceStatus | 'planned', number>;

/**
 * The year's obligations by status, each counted once: an open or coming window with a
 * planned meeting counts as planned (as the dashboard counts it).
 */
export function countStatuses(rows: readonly GridRow[]): StatusCounts {
  const counts: StatusCounts = { held_on_time: 0, held_late: 0, missed: 0, planned: 0, open: 0, upcoming: 0 };
  for (const row of rows) {
    for (const o of row.obligations) counts[o.planned && (o.status === 'open' || o.status === 'upcoming') ? 'planned' : o.status]++;
  }
  return counts;
}
