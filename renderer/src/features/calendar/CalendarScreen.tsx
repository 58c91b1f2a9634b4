import { useEffect, useMemo } from 'react';
import { toYmd } from '../../../../shared/domain/dates';
import { useAppStore } from '../../stores/app.store';
import { useCalendarStore } from '../../stores/calendar.store';
import { useGridStore } from '../../stores/grid.store';
import { usePanelStore } from '../../stores/panel.store';
import { useT } from '../../i18n';
import { DashboardView } from '../dashboard';
import { kindsOf } from './filters';
import { MonthView } from './month/MonthView';
import { YearView } from './year/YearView';
import { usePermitted } from '../../hooks/usePermitted';

export function CalendarScreen() {
  const { t } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const view = useCalendarStore((s) => s.view);
  const year = useGridStore((s) => s.year);
  const grid = useGridStore((s) => s.grid);
  const openYear = useGridStore((s) => s.open);
  const open = usePanelStore((s) => s.open);

  const shownYear = year ?? (today ? toYmd(today).year : null);
  useEffect(() => {
    if (year === null && shownYear !== null) void openYear(shownYear);
  }, [year, shownYear, openYear]);

  const canWrite = usePermitted('records.write');
  const rows = useMemo(() => grid?.rows ?? [], [grid]);
  const kinds = useMemo(() => kindsOf(rows), [rows]);

  if (shownYear === null || today === null) return null;

  return (
    <section className="screen calendar-main" aria-labelledby="calendar-title">
      <div className="toolbar">
        <h1 id="calendar-title" className="screen-title">
          {t('Grid.title')}
        </h1>
        {canWrite && (
          <div className="toolbar-end">
            <button type="button" className="button" data-testid="record-open" onClick={() => open({ kind: 'record', unitKato: null })}>
              {t('Grid.record')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="plan-open"
              onClick={() => open({ kind: 'plan', prefill: view === 'month' ? { date: useCalendarStore.getState().cursor ?? today } : {} })}
            >
              {t('Plan.open')}
            </button>
          </div>
        )}
      </div>
      {view === 'year' && <YearView rows={rows} kinds={kinds} year={shownYear} gridYear={grid?.year ?? shownYear} today={today} />}
      {view === 'month' && <MonthView rows={rows} kinds={kinds} today={today} />}
      {view === 'dashboard' && <DashboardView initialYear={shownYear} today={today} />}
    </section>
  );
}
