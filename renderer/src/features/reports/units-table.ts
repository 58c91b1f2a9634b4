import type { PeriodReport, ReportUnitRow } from '../../../../shared/contract/reports.contract';
import { emptyFigures, resolvedShare, subtreeFigures, type Figures } from '../../../../shared/domain/reports/figures';

/** The table's number columns, in order, each read off a unit's figures. */
export const COLUMNS = ['required', 'heldOnTime', 'heldLate', 'missed', 'open', 'upcoming', 'held', 'people', 'issues', 'closed', 'resolved', 'overdue', 'onControl'] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_VALUE: Record<Column, (f: Figures) => number | null> = {
  required: (f) => f.meetings.required,
  heldOnTime: (f) => f.meetings.heldOnTime,
  heldLate: (f) => f.meetings.heldLate,
  missed: (f) => f.meetings.missed,
  open: (f) => f.meetings.open,
  upcoming: (f) => f.meetings.upcoming,
  held: (f) => f.meetings.held,
  people: (f) => f.attendance.people,
  issues: (f) => f.issues.total,
  closed: (f) => f.issues.closed,
  resolved: (f) => resolvedShare(f.issues),
  overdue: (f) => f.issues.overdue,
  onControl: (f) => f.issues.onControl,
};

export interface TableSort {
  column: Column;
  dir: 'asc' | 'desc';
}

/**
 * A line of the table: a unit with its own figures, or the subtotal of a unit with children
 * (itself and everything under it), which follows its last descendant. `whole` says the figures
 * are a whole subtree's: only those drill down, since the log and the meetings screen filter a
 * unit with everything under it.
 */
export interface TableLine {
  kind: 'unit' | 'subtotal';
  row: ReportUnitRow;
  depth: number;
  hasChildren: boolean;
  figures: Figures;
  whole: boolean;
}

/** The figures of nothing for this report (every status and category it lists at zero). */
export function zeroOf(report: Pick<PeriodReport, 'statuses' | 'categories'>): Figures {
  return emptyFigures(report.statuses.map((s) => s.id), report.categories.map((c) => c.id));
}

/** Each unit's figures over its subtree within the report, by KATO code. */
export function reportSubtrees(report: PeriodReport): Map<string, Figures> {
  return subtreeFigures(report.units.map((u) => ({ kato: u.kato, parent: u.parent, figures: u })), zeroOf(report));
}

/**
 * The units as the tree they are (children under their parent, the classifier's order), or with
 * siblings sorted by a column over their subtrees; the report's own unit's subtotal is the
 * totals row, so it has none here.
 */
export function tableLines(report: PeriodReport, subtrees: ReadonlyMap<string, Figures>, sort: TableSort | null): TableLine[] {
  const present = new Set(report.units.map((u) => u.kato));
  const children = new Map<string | null, ReportUnitRow[]>();
  for (const u of report.units) {
    const parent = u.parent !== null && present.has(u.parent) ? u.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const order = (rows: ReportUnitRow[]): ReportUnitRow[] => {
    if (!sort) return rows;
    const value = (r: ReportUnitRow) => COLUMN_VALUE[sort.column](subtrees.get(r.kato)!) ?? -1;
    const sign = sort.dir === 'asc' ? 1 : -1;
    // A stable sort: equal values keep the classifier's order.
    return [...rows].sort((a, b) => sign * (value(a) - value(b)));
  };
  const out: TableLine[] = [];
  const walk = (row: ReportUnitRow, depth: number) => {
    const kids = children.get(row.kato) ?? [];
    const hasChildren = kids.length > 0;
    out.push({ kind: 'unit', row, depth, hasChildren, figures: row, whole: !hasChildren });
    for (const child of order(kids)) walk(child, depth + 1);
    if (hasChildren && depth > 0) out.push({ kind: 'subtotal', row, depth, hasChildren, figures: subtrees.get(row.kato)!, whole: true });
  };
  for (const root of order(children.get(null) ?? [])) walk(root, 0);
  return out;
}
