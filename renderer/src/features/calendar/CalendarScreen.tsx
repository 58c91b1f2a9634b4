import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toYmd } from '../../../../shared/domain/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAppStore } from '../../stores/app.store';
import { useGridStore } from '../../stores/grid.store';
import { useT } from '../../i18n';
import { countStatuses } from './grid-layout';
import { ObligationsGrid } from './ObligationsGrid';
import { RecordPanel } from './RecordPanel';
import { Legend, StatusCounts } from './StatusSummary';

// The contract's year bounds; Decree 615 has no obligations before its entry into force in 2013.
const FIRST_YEAR = 2013;
const LAST_YEAR = 2100;

type Panel = { open: false } | { open: true; unitKato: string | null };

export function CalendarScreen() {
  const { t } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const { year, grid, loading, error, load } = useGridStore();
  const [panel, setPanel] = useState<Panel>({ open: false });
  const opener = useRef<HTMLElement | null>(null);

  const shownYear = year ?? (today ? toYmd(today).year : null);
  useEffect(() => {
    if (year === null && shownYear !== null) void load(shownYear);
  }, [year, shownYear, load]);

  const openPanel = useCallback((unitKato: string | null) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPanel({ open: true, unitKato });
  }, []);
  const closePanel = useCallback(() => {
    setPanel({ open: false });
    opener.current?.focus();
  }, []);

  const rows = useMemo(() => grid?.rows ?? [], [grid]);
  const counts = useMemo(() => countStatuses(rows), [rows]);
  const units = useMemo(() => rows.map((r) => ({ unit: r.unit, depth: r.depth })), [rows]);

  if (shownYear === null || today === null) return null;
  const gridYear = grid?.year ?? shownYear;

  return (
    <div className="calendar">
      <section className="screen calendar-main" aria-labelledby="calendar-title">
        <div className="toolbar">
          <h1 id="calendar-title" className="screen-title">
            {t('Grid.title')}
          </h1>
          <div className="year-nav" role="group" aria-label={t('Grid.yearNav')}>
            <button
              type="button"
              className="icon-button"
              data-testid="year-prev"
              aria-label={t('Grid.prevYear')}
              title={t('Grid.prevYear')}
              disabled={shownYear <= FIRST_YEAR}
              onClick={() => void load(shownYear - 1)}
            >
              <Chevron direction="left" />
            </button>
            <span className="year-label" aria-live="polite" data-testid="year-label">
              {t('Grid.year', { year: shownYear })}
            </span>
            <button
              type="button"
              className="icon-button"
              data-testid="year-next"
              aria-label={t('Grid.nextYear')}
              title={t('Grid.nextYear')}
              disabled={shownYear >= LAST_YEAR}
              onClick={() => void load(shownYear + 1)}
            >
              <Chevron direction="right" />
            </button>
          </div>
          <button type="button" className="button button--primary toolbar-end" data-testid="record-open" onClick={() => openPanel(null)}>
            {t('Grid.record')}
          </button>
        </div>

        <ErrorMessage error={error} />
        {grid && (
          <>
            <div className="summary">
              <StatusCounts counts={counts} year={gridYear} />
              <p className="muted summary-units">{t('Grid.units', { count: rows.length })}</p>
            </div>
            {rows.length === 0 ? (
              <p className="empty">{t('Grid.empty')}</p>
            ) : (
              <div className={loading ? 'grid-area is-loading' : 'grid-area'} aria-busy={loading}>
                <ObligationsGrid rows={rows} year={gridYear} onPick={openPanel} />
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
      </section>
      {panel.open && (
        <RecordPanel key={panel.unitKato ?? ''} units={units} initialUnit={panel.unitKato} today={today} onClose={closePanel} />
      )}
    </div>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={direction === 'left' ? 'M10 3L5 8l5 5' : 'M6 3l5 5-5 5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
