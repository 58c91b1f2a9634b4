import { useCallback, useMemo } from 'react';
import type { GridCell, GridRow, UnitSummary } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import type { UnitKind } from '../../../../../shared/domain/units/unit-kind';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { YearNav } from '../../../components/PeriodNav';
import { useT } from '../../../i18n';
import { useCalendarStore } from '../../../stores/calendar.store';
import { useGridStore } from '../../../stores/grid.store';
import { usePanelStore } from '../../../stores/panel.store';
import { FilterBar } from '../FilterBar';
import { cellShown, filterRows } from '../filters';
import { countStatuses } from '../grid-layout';
import { ObligationsGrid } from '../ObligationsGrid';
import { Legend, StatusCounts } from '../StatusSummary';
import { ViewSwitch } from '../../../components/ViewSwitch';

/**
 * A cell opens what it needs next: a planned meeting's card; for an open or coming window with
 * nothing planned, the planning form on a day inside it; otherwise the record panel (the
 * foundation's quick path for meetings already held).
 */
export function pickAction(unit: UnitSummary, cell: GridCell, today: IsoDate) {
  const { open } = usePanelStore.getState();
  if (cell.planned && !cell.meeting) return open({ kind: 'card', meetingId: cell.planned.id });
  if (cell.status === 'open' || cell.status === 'upcoming') {
    const date = today < cell.windowStart ? cell.windowStart : today;
    return open({ kind: 'plan', prefill: { unitKato: unit.kato, date, obligation: { ruleSetId: cell.ruleSetId, windowKey: cell.windowKey } } });
  }
  return open({ kind: 'record', unitKato: unit.kato });
}

/** `year` is the year asked for (the navigation's), `gridYear` the one whose grid is on screen. */
export function YearView({
  rows,
  kinds,
  year,
  gridYear,
  today,
}: {
  rows: readonly GridRow[];
  kinds: readonly UnitKind[];
  year: number;
  gridYear: number;
  today: IsoDate;
}) {
  const { t } = useT();
  const { grid, loading, error, load } = useGridStore();
  const hiddenKinds = useCalendarStore((s) => s.hiddenKinds);
  const hiddenStatuses = useCalendarStore((s) => s.hiddenStatuses);
  const filters = useMemo(() => ({ hiddenKinds, hiddenStatuses }), [hiddenKinds, hiddenStatuses]);
  const shownRows = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const counts = useMemo(() => countStatuses(shownRows), [shownRows]);
  const isShown = useCallback((cell: GridCell) => cellShown(cell, filters), [filters]);
  const onPick = useCallback((unit: UnitSummary, cell: GridCell) => pickAction(unit, cell, today), [today]);

  return (
    <>
      <div className="view-head">
        <ViewSwitch />
        <YearNav year={year} onChange={(y) => void load(y)} />
      </div>
      {kinds.length > 0 && <FilterBar kinds={kinds} />}
      <ErrorMessage error={error} />
      {grid && (
        <>
          <div className="summary">
            <StatusCounts counts={counts} year={gridYear} />
            <p className="muted summary-units">{t('Grid.units', { count: shownRows.length })}</p>
          </div>
          {rows.length === 0 ? (
            <p className="empty">{t('Grid.empty')}</p>
          ) : shownRows.length === 0 ? (
            <p className="empty">{t('Filters.nothing')}</p>
          ) : (
            <div className={loading ? 'grid-area is-loading' : 'grid-area'} aria-busy={loading}>
              <ObligationsGrid rows={shownRows} year={gridYear} today={today} onPick={onPick} isShown={isShown} />
            </div>
          )}
          <Legend />
        </>
      )}
      {!grid && loading && (
        <p className="muted" role="status">
          {t('Grid.loading')}
        </p>
      )}
    </>
  );
}
