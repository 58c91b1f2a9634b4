import type { CoreContext } from '../context';
import type { Dashboard, DashboardEntry, ParticipationWarning, ReportDeadline } from '../../../shared/contract/calendar.contract';
import type { GridRow, Meeting } from '../../../shared/contract/types';
import { daysBetween, type IsoDate } from '../../../shared/domain/dates';
import { missingParticipation, PARTICIPATION_STATUSES } from '../../../shared/domain/meetings/participation';
import { DECREE_615, type ComplianceStatus } from '../../../shared/domain/rules';
import { listMeetingsUnder } from '../db/repos/meetings.repo';
import { obligationsGrid } from './obligations.service';
import { requireWorkingRoot } from './settings.service';

/** How far ahead the dashboard looks for windows about to close with nothing done. */
export const CLOSING_SOON_DAYS = 30;

/** The Decree 615 group a row's unit belongs to in the grid's year, if 615 governs it then. */
function decreeGroup(row: GridRow): string | null {
  return row.obligations.find((o) => o.ruleSetId === DECREE_615.id)?.group ?? null;
}

const STATUSES: ReadonlyArray<ComplianceStatus | 'planned'> = ['upcoming', 'open', 'planned', 'held_on_time', 'held_late', 'missed'];

/**
 * The compliance dashboard of the working set for a year, read off the obligations grid (so it
 * can never disagree with it) plus the meetings of the year for the participation points.
 */
export function getDashboard(ctx: CoreContext, input: { year: number }): Dashboard {
  const grid = obligationsGrid(ctx, input);
  const { today } = grid;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Dashboard['counts'];
  const closingSoon: DashboardEntry[] = [];
  const missed: DashboardEntry[] = [];
  const heldLate: DashboardEntry[] = [];
  const reportDeadlines: ReportDeadline[] = [];

  for (const row of grid.rows) {
    for (const cell of row.obligations) {
      const entry: DashboardEntry = { unit: row.unit, cell, daysLeft: daysBetween(today, cell.windowEnd) };
      const pending = cell.status === 'open' || cell.status === 'upcoming';
      // Each obligation is counted once, so the counts add up to the grid's cells.
      counts[pending && cell.planned ? 'planned' : cell.status]++;
      if (pending && !cell.planned && entry.daysLeft >= 0 && entry.daysLeft <= CLOSING_SOON_DAYS) closingSoon.push(entry);
      if (cell.status === 'missed') missed.push(entry);
      if (cell.status === 'held_late') heldLate.push(entry);
      if (cell.meeting?.id && cell.reportDue) {
        reportDeadlines.push({
          unit: row.unit,
          meetingId: cell.meeting.id,
          heldOn: cell.meeting.heldOn,
          reportDue: cell.reportDue,
          daysLeft: daysBetween(today, cell.reportDue),
        });
      }
    }
  }
  closingSoon.sort((a, b) => a.daysLeft - b.daysLeft);
  reportDeadlines.sort((a, b) => (a.reportDue < b.reportDue ? -1 : a.reportDue > b.reportDue ? 1 : 0));

  return {
    year: grid.year,
    today,
    counts,
    closingSoon,
    missed,
    heldLate,
    participation: participationWarnings(ctx, grid.rows, input.year),
    reportDeadlines,
  };
}

/**
 * Decree 615 point 4.1: a group A akim's meeting needs members of the Government (or heads of
 * central bodies, national holdings and companies). Point 5: a group B akim's year-end meeting
 * in Q1 needs the oblast akim or a deputy. Reporting meetings held, or still expected, in the
 * year are checked; cancelled ones are not.
 */
function participationWarnings(ctx: CoreContext, rows: readonly GridRow[], year: number): ParticipationWarning[] {
  const groups = new Map(rows.map((r) => [r.unit.kato, { unit: r.unit, group: decreeGroup(r) }]));
  const meetings = listMeetingsUnder(ctx.db, requireWorkingRoot(ctx), {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    statuses: PARTICIPATION_STATUSES,
  });
  const out: ParticipationWarning[] = [];
  for (const m of meetings) {
    const unit = groups.get(m.unitKato);
    const date = meetingDate(m);
    if (!unit || !date || m.kind !== 'reporting') continue;
    const point = missingParticipation(unit.group, date, m.officials);
    if (point) out.push({ unit: unit.unit, meetingId: m.id, date, status: m.status, point });
  }
  return out;
}

function meetingDate(m: Meeting): IsoDate | null {
  return m.heldOn ?? m.plannedOn;
}
