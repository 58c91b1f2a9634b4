import { useDeferredValue, useEffect, useId } from 'react';
import { quickPeriod, type QuickPeriod } from '../../../../shared/domain/reports/period';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UnitOptions } from '../../components/UnitOptions';
import { useWorkingUnits } from '../../hooks/useWorkingUnits';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { usePanelStore } from '../../stores/panel.store';
import { useReportsStore } from '../../stores/reports.store';
import { PeriodPicker } from '../../components/PeriodPicker';
import { ReportBody } from './ReportBody';

/** What the screen first shows: the working root over this year (what a head of department asks first). */
const FIRST_PERIOD: QuickPeriod = 'thisYear';

/**
 * Period reports: pick a reporting unit of the working set and a period, and see its figures
 * consolidated over its subtree, each number opening the records behind it. One request per
 * pick; the last report stays on screen, dimmed, while the next one loads.
 */
export function ReportsScreen() {
  const { t } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const root = useAppStore((s) => s.settings?.workingRoot?.kato ?? null);
  const query = useReportsStore((s) => s.query);
  const report = useReportsStore((s) => s.report);
  const loading = useReportsStore((s) => s.loading);
  const error = useReportsStore((s) => s.error);
  const version = useReportsStore((s) => s.version);
  const load = useReportsStore((s) => s.load);
  const units = useWorkingUnits();
  const unitId = useId();
  // The pickers render at once; the report's hundreds of rows follow when React has time.
  const shown = useDeferredValue(report);

  // Every visit asks again (issues and meetings change elsewhere), as does a change made from here.
  useEffect(() => {
    if (today === null || root === null) return;
    const { query: asked } = useReportsStore.getState();
    void load(asked ?? { unitKato: root, period: quickPeriod(FIRST_PERIOD, today) });
  }, [today, root, version, load]);

  // The export panel exports the report on screen: it does not outlive the screen.
  useEffect(
    () => () => {
      const { panel, close } = usePanelStore.getState();
      if (panel?.kind === 'reportExport') close();
    },
    [],
  );

  if (today === null || root === null || query === null) return null;

  return (
    <section className="screen reports-screen" aria-labelledby="reports-title" data-testid="reports-screen">
      <div className="toolbar">
        <h1 id="reports-title" className="screen-title">
          {t('Reports.title')}
        </h1>
        {/* Beside the title, so the page does not jump while a report loads; the live region is always there. */}
        <div className="report-progress" role="status">
          {loading && (
            <span className="report-progress-line" data-testid="report-loading">
              <span className="progress-bar" aria-hidden="true" />
              {t(shown ? 'Reports.updating' : 'Reports.loading')}
            </span>
          )}
        </div>
        <button
          type="button"
          className="button toolbar-end"
          disabled={report === null}
          data-testid="report-export-open"
          onClick={() => usePanelStore.getState().open({ kind: 'reportExport', noteYear: null })}
        >
          {t('Reports.export.open')}
        </button>
      </div>
      <div className="filters report-pickers" role="group" aria-label={t('Reports.pickers')} data-testid="report-pickers">
        <div className="filter-group">
          <label htmlFor={unitId} className="filter-title">
            {t('Reports.unit')}
          </label>
          <select id={unitId} value={query.unitKato} data-testid="report-unit" onChange={(e) => void load({ ...query, unitKato: e.target.value })}>
            {units.length === 0 ? <option value={query.unitKato}>{query.unitKato}</option> : <UnitOptions units={units} />}
          </select>
        </div>
        <PeriodPicker period={query.period} today={today} testIdPrefix="report" onChange={(period) => void load({ unitKato: useReportsStore.getState().query?.unitKato ?? root, period })} />
      </div>
      <ErrorMessage error={error} testId="report-error" />
      {shown && !error && <ReportBody report={shown} busy={loading || shown !== report} />}
    </section>
  );
}
