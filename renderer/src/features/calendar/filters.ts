import type { GridCell, GridRow, Meeting, UnitSummary } from '../../../../shared/contract/types';
import { isUpcomingStatus } from '../../../../shared/domain/meetings/meeting';
import type { UnitKind } from '../../../../shared/domain/units/unit-kind';
import type { FilterStatus } from '../../stores/calendar.store';

export interface Filters {
  hiddenKinds: readonly UnitKind[];
  hiddenStatuses: readonly FilterStatus[];
}

/** A cell shows as "planned" while a planned meeting waits to fulfil its window. */
export function cellFilterStatus(cell: GridCell): FilterStatus {
  return cell.planned && !cell.meeting ? 'planned' : cell.status;
}

export function cellShown(cell: GridCell, filters: Filters): boolean {
  return !filters.hiddenStatuses.includes(cellFilterStatus(cell));
}

/** The kinds of the working set, in the grid's (tree) order of first appearance. */
export function kindsOf(rows: readonly GridRow[]): UnitKind[] {
  return [...new Set(rows.map((r) => r.unit.kind))];
}

/**
 * The rows a filter leaves: units of a shown kind that, when some statuses are hidden, still
 * have at least one shown cell (otherwise a "missed only" view would be all empty rows).
 */
export function filterRows(rows: readonly GridRow[], filters: Filters): GridRow[] {
  const byStatus = filters.hiddenStatuses.length > 0;
  return rows.filter(
    (r) => !filters.hiddenKinds.includes(r.unit.kind) && (!byStatus || r.obligations.some((c) => cellShown(c, filters))),
  );
}

/**
 * Where a meeting falls under the status filter: a meeting still to happen (or called off) is
 * "planned"; a held one takes the status of the window it fulfilled, on time when it fulfilled none.
 */
export function meetingFilterStatus(meeting: Meeting, rows: readonly GridRow[]): FilterStatus {
  if (isUpcomingStatus(meeting.status) || meeting.status === 'cancelled') return 'planned';
  const row = rows.find((r) => r.unit.kato === meeting.unitKato);
  const cell = row?.obligations.find((c) => c.meeting?.id === meeting.id);
  return cell?.status ?? 'held_on_time';
}

export function meetingShown(meeting: Meeting, unit: UnitSummary | undefined, rows: readonly GridRow[], filters: Filters): boolean {
  if (unit && filters.hiddenKinds.includes(unit.kind)) return false;
  return !filters.hiddenStatuses.includes(meetingFilterStatus(meeting, rows));
}
