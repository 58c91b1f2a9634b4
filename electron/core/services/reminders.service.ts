import type { CoreContext } from '../context';
import type { Reminder } from '../../../shared/contract/calendar.contract';
import { addDays, daysBetween, toYmd } from '../../../shared/domain/dates';
import { listMeetingsUnder } from '../db/repos/meetings.repo';
import { getUnit } from '../db/repos/units.repo';
import { obligationsGrid } from './obligations.service';
import { getSettings, requireWorkingRoot } from './settings.service';

/**
 * What needs someone's attention today: a window of a working-set unit closing within the
 * configured number of days with nothing held and nothing planned (a planned meeting means
 * someone is on it), and every meeting planned for tomorrow. Ids are stable for the same fact,
 * so a reminder already shown is recognised.
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
    });
  }

  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
