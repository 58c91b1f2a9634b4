import { memo, useMemo } from 'react';
import type { PeriodReport } from '../../../../shared/contract/reports.contract';
import { toYmd } from '../../../../shared/domain/dates';
import { ParticipationList } from '../../components/ParticipationList';
import { formatOfficialDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { usePanelStore } from '../../stores/panel.store';
import { ComplianceChart } from './ComplianceChart';
import { isGroupA } from './export-draft';
import { IssueCharts } from './IssueCharts';
import { periodName } from '../../format/period-name';
import { Point3List } from './Point3List';
import { SummaryCards } from './SummaryCards';
import { IssuesTrend, MeetingsTrend } from './TrendCharts';
import { UnitsTable } from './UnitsTable';
import { reportSubtrees } from './units-table';
import { useDrill } from './useDrill';

/**
 * Everything a report shows, from one reports:get answer. Memoised and rendered from a deferred
 * value by the screen: at oblast size it is hundreds of rows, and the pickers must not wait for it.
 */
export const ReportBody = memo(function ReportBody({ report, busy }: { report: PeriodReport; busy: boolean }) {
  const { t, lng } = useT();
  const drill = useDrill(report.period);
  const subtrees = useMemo(() => reportSubtrees(report), [report]);
  return (
    <div className={busy ? 'report-body is-loading' : 'report-body'} aria-busy={busy} data-testid="report-body">
      <div className="report-head">
        <h2 className="report-title" data-testid="report-title">
          <span>{unitName(report.unit, lng)}</span>
          <span className="report-title-period">{periodName(report.period, t, lng)}</span>
        </h2>
        <p className="muted">{t('Dashboard.asOf', { date: formatOfficialDate(report.today, lng) })}</p>
      </div>
      <SummaryCards report={report} drill={drill} />
      <div className="report-charts">
        <ComplianceChart report={report} subtrees={subtrees} />
        <MeetingsTrend trend={report.trend} />
        <IssuesTrend trend={report.trend} />
        <IssueCharts report={report} drill={drill} />
      </div>
      <UnitsTable report={report} subtrees={subtrees} drill={drill} />
      <div className="report-lists">
        <ParticipationList warnings={report.participation} testId="report-participation" onOpen={drill.meeting} />
        {/* Point 3 binds group A (oblasts, cities of republican significance, the capital) only. */}
        {report.units.some((u) => u.group === 'A') && (
          <Point3List
            rows={report.point3}
            onOpen={drill.meeting}
            onPrepare={isGroupA(report) ? (row) => usePanelStore.getState().open({ kind: 'reportExport', noteYear: toYmd(row.covers.start).year }) : null}
          />
        )}
      </div>
    </div>
  );
});
