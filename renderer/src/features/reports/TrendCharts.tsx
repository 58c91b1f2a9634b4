import type { TrendQuarter } from '../../../../shared/contract/reports.contract';
import { toYmd, quarterOf } from '../../../../shared/domain/dates';
import { formatCount } from '../../format/numbers';
import { useT } from '../../i18n';
import { ColumnChart, type ColumnGroup } from './ColumnChart';
import { periodName, romanQuarter } from '../../format/period-name';

function groupsOf(trend: readonly TrendQuarter[], values: (q: TrendQuarter) => number[]): ColumnGroup[] {
  return trend.map((q) => ({ key: q.key, label: [romanQuarter(quarterOf(q.start)), String(toYmd(q.start).year)], values: values(q) }));
}

/** The windows of the last eight quarters: how many opened, and how many of those were held (on time or late). */
export function MeetingsTrend({ trend }: { trend: readonly TrendQuarter[] }) {
  const { t, lng } = useT();
  const n = (v: number) => formatCount(v, lng);
  const held = (q: TrendQuarter) => q.meetings.heldOnTime + q.meetings.heldLate;
  return (
    <ColumnChart
      testId="chart-meetings-trend"
      title={t('Reports.charts.meetingsTrend.title')}
      description={trend
        .map((q) => t('Reports.charts.meetingsTrend.quarter', { quarter: periodName(q, t, lng), required: n(q.meetings.required), held: n(held(q)) }))
        .join('; ')}
      series={[
        { key: 'required', label: t('Reports.charts.meetingsTrend.required'), className: 'series-required' },
        { key: 'held', label: t('Reports.charts.meetingsTrend.held'), className: 'status-held_on_time' },
      ]}
      groups={groupsOf(trend, (q) => [q.meetings.required, held(q)])}
    />
  );
}

/** Issues raised in each of the last eight quarters, and how many of them are closed by today. */
export function IssuesTrend({ trend }: { trend: readonly TrendQuarter[] }) {
  const { t, lng } = useT();
  const n = (v: number) => formatCount(v, lng);
  return (
    <ColumnChart
      testId="chart-issues-trend"
      title={t('Reports.charts.issuesTrend.title')}
      description={trend
        .map((q) => t('Reports.charts.issuesTrend.quarter', { quarter: periodName(q, t, lng), raised: n(q.issuesRaised), closed: n(q.issuesClosed) }))
        .join('; ')}
      series={[
        { key: 'raised', label: t('Reports.charts.issuesTrend.raised'), className: 'istatus--open' },
        { key: 'closed', label: t('Reports.charts.issuesTrend.closed'), className: 'istatus--closed' },
      ]}
      groups={groupsOf(trend, (q) => [q.issuesRaised, q.issuesClosed])}
    />
  );
}
