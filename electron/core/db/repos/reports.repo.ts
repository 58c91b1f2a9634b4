import type { Db } from '../open';
import { prepared } from '../statements';
import { unitsUnder } from './units.repo';
import type { IssueCell } from '../../../../shared/domain/reports/figures';
import type { IssueKind, Outcome } from '../../../../shared/domain/issues/issue';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { UnresolvedIssueRow } from '../../../../shared/contract/reports.contract';
import type { UnitKind } from '../../../../shared/domain/units/unit-kind';

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
  ORDER BY i.raised_on, i.unit_kato, i.registry_no`;

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
export function unresolvedIssues(db: Db, root: string, start: IsoDate, end: IsoDate, today: IsoDate, personal: boolean): UnresolvedIssueRow[] {
  const rows = prepared(db, UNRESOLVED_SQL).all({ root, start, end, today, personal: personal ? 1 : 0 }) as UnresolvedRow[];
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
