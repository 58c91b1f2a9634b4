import type { GridRow, Meeting, UnitSummary } from '../../../../../shared/contract/types';
import { addDays, type IsoDate } from '../../../../../shared/domain/dates';
import { firstOfMonth, lastOfMonth, type MonthKey } from '../../../format/day-math';
import { meetingDate } from '../../../stores/meetings.store';
import { cellShown, meetingShown, type Filters } from '../filters';

/**
 * For each day of the month, how many units of the filtered set have a legal window open on it
 * (only the windows the status filter shows). Days without one are absent.
 */
export function windowDays(rows: readonly GridRow[], filters: Filters, month: MonthKey): Map<IsoDate, number> {
  const first = firstOfMonth(month);
  const last = lastOfMonth(month);
  const out = new Map<IsoDate, number>();
  for (const row of rows) {
    if (filters.hiddenKinds.includes(row.unit.kind)) continue;
    const days = new Set<IsoDate>();
    for (const cell of row.obligations) {
      if (cell.windowEnd < first || cell.windowStart > last || !cellShown(cell, filters)) continue;
      const from = cell.windowStart < first ? first : cell.windowStart;
      const to = cell.windowEnd > last ? last : cell.windowEnd;
      for (let d = from; d <= to; d = addDays(d, 1)) days.add(d);
    }
    for (const d of days) out.set(d, (out.get(d) ?? 0) + 1);
  }
  return out;
}

export interface DayEvent {
  meeting: Meeting;
  unit: UnitSummary | undefined;
}

/** The filtered meetings by the day they sit on, each day ordered by time (untimed last). */
export function eventsByDay(meetings: readonly Meeting[], rows: readonly GridRow[], filters: Filters): Map<IsoDate, DayEvent[]> {
  const units = new Map(rows.map((r) => [r.unit.kato, r.unit]));
  const out = new Map<IsoDate, DayEvent[]>();
  for (const meeting of meetings) {
    const date = meetingDate(meeting);
    const unit = units.get(meeting.unitKato);
    if (date === null || !meetingShown(meeting, unit, rows, filters)) continue;
    const list = out.get(date) ?? [];
    list.push({ meeting, unit });
    out.set(date, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => (a.meeting.plannedTime ?? '99:99').localeCompare(b.meeting.plannedTime ?? '99:99'));
  }
  return out;
}
