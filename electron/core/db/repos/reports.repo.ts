import type { Db } from '../open';
import { prepared } from '../statements';
import { unitsUnder } from './units.repo';
import type { IssueCell } from '../../../../shared/domain/reports/figures';
import type { IssueKind, Outcome } from '../../../../shared/domain/issues/issue';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { UnresolvedIssueRow } from '../../../../shared/contract/reports.contract';
import type { UnitKind } from '../../../../shared/domain/units/unit-kind';
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

const UNRESOLVED_SQL = `
  SELECT i.registry_no, i.raised_on, i.text, i.deadline,
         u.kato, u.kind, u.parent_kato, u.name_kk, u.name_ru,
         c.name_kk AS category_kk, c.name_ru AS category_ru,
         b.name_kk AS body_kk, b.name_ru AS body_ru, p.full_name AS person,
         CASE WHEN i.deadline < @today THEN CAST(julianday(@today) - julianday(i.deadline) AS INTEGER) END AS days_overdue,
         CASE WHEN @personal THEN a.full_name END AS author_name,
         CASE WHEN @personal THEN a.phone END AS author_phone
  FROM issues i
  JOIN issue_statuses s ON s.id = i.status_id
  JOIN units u ON u.kato = i.unit_kato
  LEFT JOIN issue_categories c ON c.id = i.category_id
  LEFT JOIN bodies b ON b.id = i.body_id
  LEFT JOIN body_people p ON p.id = i.person_id
  LEFT JOIN issue_authors a ON a.issue_id = i.id AND @personal
  WHERE i.unit_kato IN ${unitsUnder('@root')} AND i.raised_on BETWEEN @start AND @end AND s.closed = 0
    AND (@exceptUnit IS NULL OR i.unit_kato <> @exceptUnit)
  ORDER BY i.raised_on, i.unit_kato, i.registry_no
  LIMIT @limit`;

interface UnresolvedRow {
  registry_no: number;
  raised_on: string;
  text: string;
  deadline: string | null;
  kato: string;
  kind: UnitKind;
  parent_kato: string | null;
  name_kk: string;
  name_ru: string;
  category_kk: string | null;
  category_ru: string | null;
  body_kk: string | null;
  body_ru: string | null;
  person: string | null;
  days_overdue: number | null;
  author_name: string | null;
  author_phone: string | null;
}

const named = (kk: string | null, ru: string | null) => (kk === null || ru === null ? null : { nameKk: kk, nameRu: ru });

/**
 * The annex of a report: issues raised in [start, end] under `root` and open today, oldest
 * first. Authors' names and phones are read only when `personal` (the query leaves them out
 * otherwise, so they cannot leak into a file by a writer's mistake).
 */
export function unresolvedIssues(
  db: Db,
  q: { root: string; start: IsoDate; end: IsoDate; today: IsoDate; personal: boolean; exceptUnit?: string | null; limit?: number | null },
): UnresolvedIssueRow[] {
  const { personal } = q;
  const rows = prepared(db, UNRESOLVED_SQL).all({
    root: q.root,
    start: q.start,
    end: q.end,
    today: q.today,
    personal: personal ? 1 : 0,
    exceptUnit: q.exceptUnit ?? null,
    limit: q.limit ?? -1,
  }) as UnresolvedRow[];
  return rows.map((r) => ({
    unit: { kato: r.kato, kind: r.kind, nameKk: r.name_kk, nameRu: r.name_ru, parent: r.parent_kato },
    registryNo: r.registry_no,
    raisedOn: r.raised_on,
    text: r.text,
    category: named(r.category_kk, r.category_ru),
    body: named(r.body_kk, r.body_ru),
    person: r.person,
    deadline: r.deadline,
    daysOverdue: r.days_overdue,
    author: personal ? { fullName: r.author_name ?? '', phone: r.author_phone ?? '' } : null,
  }));
}
