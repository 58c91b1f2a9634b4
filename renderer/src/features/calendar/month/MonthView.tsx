import { useEffect, useMemo } from 'react';
import type { GridRow } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import type { UnitKind } from '../../../../../shared/domain/units/unit-kind';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Shortcuts } from '../../../components/Kbd';
import { PeriodNav } from '../../../components/PeriodNav';
import { formatMonthTitle } from '../../../format/calendar-dates';
import { monthOf, monthWeeks, sameDayIn, shiftMonth } from '../../../format/day-math';
import { useT } from '../../../i18n';
import { useCalendarStore } from '../../../stores/calendar.store';
import { useGridStore } from '../../../stores/grid.store';
import { usePanelStore } from '../../../stores/panel.store';
import { useMeetingList } from '../../../hooks/useMeetingList';
import { useHolidays } from '../../../hooks/useHolidays';
import { FilterBar } from '../FilterBar';
import { VIEW_SHORTCUTS, ViewSwitch } from '../../../components/ViewSwitch';
import { MonthGrid } from './MonthGrid';
import { MonthLegend } from './MonthLegend';
import { eventsByDay, windowDays } from './month-layout';

/** A month, Monday to Sunday: the working set's meetings as events over its legal windows. */
export function MonthView({ rows, kinds, today }: { rows: readonly GridRow[]; kinds: readonly UnitKind[]; today: IsoDate }) {
  const { t, lng } = useT();
  const cursor = useCalendarStore((s) => s.cursor) ?? today;
  const setCursor = useCalendarStore((s) => s.setCursor);
  const hiddenKinds = useCalendarStore((s) => s.hiddenKinds);
  const hiddenStatuses = useCalendarStore((s) => s.hiddenStatuses);
  const gridYear = useGridStore((s) => s.grid?.year ?? null);
  const loadGrid = useGridStore((s) => s.load);
  const open = usePanelStore((s) => s.open);

  const { year, month } = monthOf(cursor);
  // The grid holds the windows to shade: it follows the month across a new year.
  useEffect(() => {
    if (gridYear !== null && gridYear !== year) void loadGrid(year);
  }, [gridYear, year, loadGrid]);

  const weeks = useMemo(() => monthWeeks({ year, month }), [year, month]);
  const first = weeks[0]![0]!;
  const last = weeks.at(-1)![6]!;
  const { meetings, error } = useMeetingList({ from: first, to: last });
  const holidays = useHolidays(first, last);
  const filters = useMemo(() => ({ hiddenKinds, hiddenStatuses }), [hiddenKinds, hiddenStatuses]);
  const shading = useMemo(
    () => (gridYear === year ? windowDays(rows, filters, { year, month }) : new Map<IsoDate, number>()),
    [rows, filters, gridYear, year, month],
  );
  const events = useMemo(() => eventsByDay(meetings ?? [], rows, filters), [meetings, rows, filters]);

  const moveMonth = (by: number) => setCursor(sameDayIn(cursor, shiftMonth({ year, month }, by)));

  return (
    <>
      <div className="view-head">
        <ViewSwitch />
        <PeriodNav
          label={formatMonthTitle(year, month, lng)}
          groupLabel={t('Calendar.month.nav')}
          prevLabel={t('Calendar.month.prev')}
          nextLabel={t('Calendar.month.next')}
          onPrev={() => moveMonth(-1)}
          onNext={() => moveMonth(1)}
          testIdPrefix="month"
        />
        <button type="button" className="button button--small" data-testid="month-today" onClick={() => setCursor(today)}>
          {t('Calendar.month.today')}
        </button>
      </div>
      {kinds.length > 0 && <FilterBar kinds={kinds} />}
      <ErrorMessage error={error} />
      <MonthGrid
        weeks={weeks}
        month={{ year, month }}
        cursor={cursor}
        today={today}
        shading={shading}
        events={events}
        holidays={holidays}
        onMove={setCursor}
        onPlan={(date) => open({ kind: 'plan', prefill: { date } })}
        onOpen={(meetingId) => open({ kind: 'card', meetingId })}
      />
      <MonthLegend />
      <Shortcuts
        label={t('Calendar.keys.title')}
        items={[
          { keys: ['←', '→', '↑', '↓'], action: t('Calendar.keys.day') },
          { keys: ['PgUp', 'PgDn'], action: t('Calendar.keys.month') },
          { keys: ['Home', 'End'], action: t('Calendar.keys.week') },
          { keys: ['Enter'], action: t('Calendar.keys.plan') },
          { keys: [VIEW_SHORTCUTS.month, VIEW_SHORTCUTS.year, VIEW_SHORTCUTS.dashboard], action: t('Calendar.keys.views') },
        ]}
      />
    </>
  );
}
