import type { Db } from '../open';
import { prepared } from '../statements';
import { unitsUnder } from './units.repo';
import type { IssueCell } from '../../../../shared/domain/reports/figures';
import type { IssueKind, Outcome } from '../../../../shared/domain/issues/issue';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { ReportPeriod } from '../../../../shared/domain/reports/period';

/**
 * What a period report counts of the issue log, as GROUP BY rows: the arithmetic on them is
 * shared/domain/reports'. "Closed" and "overdue" mean what the issue log's filters mean (a status
 * of the closed type; a deadline before today on an open one), so a number drills down to the
 * same issues.
 */
const CLOSED_STATUSES = `(SELECT id FROM issue_statuses WHERE closed = 1)`;

/*
 * Each query reads the issues of the period by unit and raised day and nothing else per row: at
 * oblast scale (150,000 issues a year) a join to the statuses per row, a probe of the
 * prolongations per row, or a GROUP BY key that only counts (overdue, on control) costs as much
 * as the rest of the report. What follows from the status (closed; overdue only when open) is
 * worked out here from the dozen statuses. The trend and the days to close read an index alone
 * (issues_unit_raised_status: migration 60).
 */
const SQL = {
  cells: `
    SELECT i.unit_kato AS unit, i.kind, i.category_id AS category, i.status_id AS status, i.outcome,
           count(*) AS n,
           sum(i.deadline < @today) AS past_deadline,
           sum(i.prolongation_count > 0) AS prolonged,
           sum(i.on_control) AS on_control
    FROM issues i
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end
    GROUP BY 1, 2, 3, 4, 5`,
  closedStatuses: `SELECT id FROM issue_statuses WHERE closed = 1`,
  closeDays: `
    SELECT i.unit_kato AS unit, CAST(julianday(i.closed_on) - julianday(i.raised_on) AS INTEGER) AS days, count(*) AS n
    FROM issues i
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end
      AND i.status_id IN ${CLOSED_STATUSES} AND i.closed_on IS NOT NULL
    GROUP BY 1, 2`,
  // One range at a time: with no GROUP BY the rows are counted as they come, never sorted.
  raisedAndClosed: `
    SELECT count(*) AS raised, coalesce(sum(i.status_id IN ${CLOSED_STATUSES}), 0) AS closed
    FROM issues i
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end`,
};

export interface UnitIssueCell extends IssueCell {
  unitKato: string;
}

interface CellRow {
  unit: string;
  kind: IssueKind;
  category: string | null;
  status: string;
  outcome: Outcome | null;
  n: number;
  past_deadline: number | null;
  prolonged: number;
  on_control: number;
}

/** Issues raised in [start, end] under `root`, grouped by unit and every dimension a report counts by. */
export function issueCells(db: Db, root: string, start: IsoDate, end: IsoDate, today: IsoDate): UnitIssueCell[] {
  const closed = new Set(prepared(db, SQL.closedStatuses).pluck().all() as string[]);
  return (prepared(db, SQL.cells).all({ root, start, end, today }) as CellRow[]).map((r) => {
    const isClosed = closed.has(r.status);
    return {
      unitKato: r.unit,
      kind: r.kind,
      categoryId: r.category,
      statusId: r.status,
      outcome: r.outcome,
      closed: isClosed,
      overdue: isClosed ? 0 : (r.past_deadline ?? 0),
      prolonged: r.prolonged,
      onControl: r.on_control,
      count: r.n,
    };
  });
}

/** Of the issues raised in [start, end] and closed: how many took how many days, by unit. */
export function closeDayCells(db: Db, root: string, start: IsoDate, end: IsoDate): Array<{ unitKato: string; days: number; count: number }> {
  return (prepared(db, SQL.closeDays).all({ root, start, end }) as Array<{ unit: string; days: number; n: number }>).map((r) => ({
    unitKato: r.unit,
    days: Math.max(0, r.days),
    count: r.n,
  }));
}

/** Of the issues raised in each period under `root`, how many, and how many of them are closed. */
export function raisedAndClosed(db: Db, root: string, periods: readonly ReportPeriod[]): Array<{ raised: number; closed: number }> {
  const statement = prepared(db, SQL.raisedAndClosed);
  return periods.map(({ start, end }) => statement.get({ root, start, end }) as { raised: number; closed: number });
}
