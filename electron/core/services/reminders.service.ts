import type { CoreContext } from '../context';
import type { Reminder } from '../../../shared/contract/calendar.contract';
import { addDays, daysBetween, toYmd } from '../../../shared/domain/dates';
import { countOpenByDeadline } from '../db/repos/issues.repo';
import { listMeetingsUnder, unmarkedMeetingsUnder } from '../db/repos/meetings.repo';
import { getUnit } from '../db/repos/units.repo';
import { obligationsGrid } from './obligations.service';
import { getSettings, requireWorkingRoot } from './settings.service';

/**
 * Meetings left unmarked are listed one by one, the oldest first; past this many the list is a
 * backlog for the meetings screen, not a bell.
 */
export const UNMARKED_LISTED = 50;

/**
 * What needs someone's attention today: a window of a working-set unit closing within the
 * configured number of days with nothing held and nothing planned (a planned meeting means
 * someone is on it), every meeting planned for tomorrow, every meeting whose planned day has
 * passed without it being marked held, and the working set's open issues overdue and due within
 * the same number of days (counted from the indexes, never the rows). Ids are stable for the
 * same fact, so a reminder already shown is recognised.
 */
export function listReminders(ctx: CoreContext): Reminder[] {
  const root = requireWorkingRoot(ctx);
  const today = ctx.clock.today();
  const { reminderDays } = getSettings(ctx);
  const out: Reminder[] = [];

  // An open window contains today, so it is in the grid of today's year.
  for (const row of obligationsGrid(ctx, { year: toYmd(today).year }).rows) {
    for (const cell of row.obligations) {
      if (cell.status !== 'open' || cell.planned) continue;
      const daysLeft = daysBetween(today, cell.windowEnd);
      if (daysLeft > reminderDays) continue;
      out.push({
        id: `window_closing:${row.unit.kato}:${cell.ruleSetId}:${cell.windowKey}`,
        kind: 'window_closing',
        unit: row.unit,
        date: cell.windowEnd,
        daysLeft,
        meetingId: null,
        windowKey: cell.windowKey,
        count: 1,
      });
    }
  }

  const tomorrow = addDays(today, 1);
  for (const m of listMeetingsUnder(ctx.db, root, { from: tomorrow, to: tomorrow, statuses: ['planned', 'announced', 'postponed'] })) {
    const unit = getUnit(ctx.db, m.unitKato);
    if (!unit || m.plannedOn !== tomorrow) continue;
    out.push({
      id: `meeting_tomorrow:${m.id}:${tomorrow}`,
      kind: 'meeting_tomorrow',
      unit,
      date: tomorrow,
      daysLeft: 1,
      meetingId: m.id,
      windowKey: m.obligation?.windowKey ?? null,
      count: 1,
    });
  }

  for (const m of unmarkedMeetingsUnder(ctx.db, root, today, UNMARKED_LISTED)) {
    const unit = getUnit(ctx.db, m.unitKato);
    if (!unit) continue;
    out.push({
      id: `meeting_unmarked:${m.id}:${m.plannedOn}`,
      kind: 'meeting_unmarked',
      unit,
      date: m.plannedOn,
      daysLeft: daysBetween(today, m.plannedOn),
      meetingId: m.id,
      windowKey: null,
      count: 1,
    });
  }

  const rootUnit = getUnit(ctx.db, root);
  const overdue = countOpenByDeadline(ctx.db, root, '', addDays(today, -1));
  if (rootUnit && overdue > 0) {
    out.push({ id: `issues_overdue:${root}:${today}`, kind: 'issues_overdue', unit: rootUnit, date: today, daysLeft: 0, meetingId: null, windowKey: null, count: overdue });
  }
  const dueBy = addDays(today, reminderDays);
  const dueSoon = countOpenByDeadline(ctx.db, root, today, dueBy);
  if (rootUnit && dueSoon > 0) {
    out.push({ id: `issues_due_soon:${root}:${today}`, kind: 'issues_due_soon', unit: rootUnit, date: dueBy, daysLeft: reminderDays, meetingId: null, windowKey: null, count: dueSoon });
  }

  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
