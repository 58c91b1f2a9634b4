import type { Db } from '../open';
import { prepared } from '../statements';
import { unitsUnder } from './units.repo';
import type { IssueCell } from '../../../../shared/domain/reports/figures';
import type { IssueKind, Outcome } from '../../../../shared/domain/issues/issue';
import type { IsoDate } from '../../../../shared/domain/dates';

/**
 * What a period report counts of the issue log, as GROUP BY rows: the arithmetic on them is
 * shared/domain/reports'. "Closed" and "overdue" mean what the issue log's filters mean (a status
 * of the closed type; a deadline before today on an open one), so a number drills down to the
 * same issues.
 */
const SQL = {
  cells: `
    SELECT i.unit_kato AS unit, i.kind, i.category_id AS category, i.status_id AS status, i.outcome,
           s.closed AS closed,
           (s.closed = 0 AND i.deadline IS NOT NULL AND i.deadline < @today) AS overdue,
           EXISTS (SELECT 1 FROM issue_prolongations p WHERE p.issue_id = i.id) AS prolonged,
           i.on_control AS on_control,
           count(*) AS n
    FROM issues i JOIN issue_statuses s ON s.id = i.status_id
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  closeDays: `
    SELECT i.unit_kato AS unit, CAST(julianday(i.closed_on) - julianday(i.raised_on) AS INTEGER) AS days, count(*) AS n
    FROM issues i JOIN issue_statuses s ON s.id = i.status_id
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end
      AND s.closed = 1 AND i.closed_on IS NOT NULL
    GROUP BY 1, 2`,
  byQuarter: `
    SELECT substr(i.raised_on, 1, 4) || '-Q' || ((CAST(substr(i.raised_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
           count(*) AS raised, sum(s.closed) AS closed
    FROM issues i JOIN issue_statuses s ON s.id = i.status_id
    WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end
    GROUP BY 1`,
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
  closed: number;
  overdue: number;
  prolonged: number;
  on_control: number;
  n: number;
}

/** Issues raised in [start, end] under `root`, grouped by unit and every dimension a report counts. */
export function issueCells(db: Db, root: string, start: IsoDate, end: IsoDate, today: IsoDate): UnitIssueCell[] {
  return (prepared(db, SQL.cells).all({ root, start, end, today }) as CellRow[]).map((r) => ({
    unitKato: r.unit,
    kind: r.kind,
    categoryId: r.category,
    statusId: r.status,
    outcome: r.outcome,
    closed: r.closed === 1,
    overdue: r.overdue === 1,
    prolonged: r.prolonged === 1,
    onControl: r.on_control === 1,
    count: r.n,
  }));
}

/** Of the issues raised in [start, end] and closed: how many took how many days, by unit. */
export function closeDayCells(db: Db, root: string, start: IsoDate, end: IsoDate): Array<{ unitKato: string; days: number; count: number }> {
  return (prepared(db, SQL.closeDays).all({ root, start, end }) as Array<{ unit: string; days: number; n: number }>).map((r) => ({
    unitKato: r.unit,
    days: Math.max(0, r.days),
    count: r.n,
  }));
}

/** Issues raised in [start, end] under `root` by calendar quarter (`2025-Q3`), and how many of them are closed. */
export function issuesByQuarter(db: Db, root: string, start: IsoDate, end: IsoDate): Map<string, { raised: number; closed: number }> {
  const rows = prepared(db, SQL.byQuarter).all({ root, start, end }) as Array<{ quarter: string; raised: number; closed: number }>;
  return new Map(rows.map((r) => [r.quarter, { raised: r.raised, closed: r.closed }]));
}
