import type { PeriodReport } from '../../../../shared/contract/reports.contract';
import { NO_CATEGORY } from '../../../../shared/domain/reports/figures';
import { refName } from '../../hooks/useIssueNames';
import { useT } from '../../i18n';
import { BarList, type Bar } from './BarList';
import type { Drill } from './useDrill';

/** The period's issues by status (every status the installation uses, in its order) and by top-level category (largest first). */
export function IssueCharts({ report, drill }: { report: PeriodReport; drill: Drill }) {
  const { t, lng } = useT();
  const unit = report.unit.kato;
  const { byStatus, byCategory, total } = report.issues;
  const statusBars: Bar[] = report.statuses.map((s) => ({
    id: s.id,
    label: refName(s, lng),
    count: byStatus[s.id] ?? 0,
    className: s.closed ? 'istatus--closed' : 'istatus--open',
    onOpen: () => drill.issues(unit, { statusIds: [s.id] }),
  }));
  const categoryBars: Bar[] = [
    ...report.categories.map((c) => ({
      id: c.id,
      label: refName(c, lng),
      count: byCategory[c.id] ?? 0,
      className: 'istatus--open',
      onOpen: () => drill.issues(unit, { categoryId: c.id }),
    })),
    // The log has no "without a category" filter: that count is text.
    { id: NO_CATEGORY, label: t('Reports.charts.category.none'), count: byCategory[NO_CATEGORY] ?? 0, className: 'series-required' },
  ]
    .filter((b) => b.count > 0)
    .sort((a, b) => b.count - a.count);
  const drillTitle = t('Reports.drill.issues');
  return (
    <>
      <BarList testId="chart-status" title={t('Reports.charts.status.title')} bars={total === 0 ? [] : statusBars} empty={t('Reports.charts.empty')} drillTitle={drillTitle} />
      <BarList wide testId="chart-category" title={t('Reports.charts.category.title')} bars={categoryBars} empty={t('Reports.charts.empty')} drillTitle={drillTitle} />
    </>
  );
}
