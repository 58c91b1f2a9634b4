import { useEffect } from 'react';
import type { DashboardEntry, ReportDeadline } from '../../../../shared/contract/calendar.contract';
import type { IsoDate } from '../../../../shared/domain/dates';
import { AttentionList } from '../../components/AttentionList';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ParticipationList } from '../../components/ParticipationList';
import { UnitLine } from '../../components/UnitLine';
import { YearNav } from '../../components/PeriodNav';
import { formatOfficialDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { useDashboardStore } from '../../stores/dashboard.store';
import { usePanelStore } from '../../stores/panel.store';
import { ViewSwitch } from '../../components/ViewSwitch';
import { CountCards } from './CountCards';
import { StatusChart } from './StatusChart';
import { usePermitted } from '../../hooks/usePermitted';

const entryKey = (e: DashboardEntry) => `${e.unit.kato}-${e.cell.ruleSetId}-${e.cell.windowKey}`;

/**
 * The working set's compliance for a year: counts and a chart, then what needs attention —
 * windows about to close with nothing planned, missed and late ones, the decree's points 4.1
 * and 5 on who must take part, and group A's point 3 report deadlines.
 */
export function DashboardView({ initialYear, today }: { initialYear: number; today: IsoDate }) {
  const { t, lng } = useT();
  const { year, dashboard, loading, error, load } = useDashboardStore();
  const open = usePanelStore((s) => s.open);
  const canWrite = usePermitted('records.write');
  const shownYear = year ?? initialYear;

  useEffect(() => {
    if (year === null) void load(initialYear);
  }, [year, initialYear, load]);

  const official = (iso: IsoDate) => formatOfficialDate(iso, lng);
  const range = (e: DashboardEntry) => t('Dates.range', { from: official(e.cell.windowStart), to: official(e.cell.windowEnd) });
  const planWindow = (e: DashboardEntry) =>
    open({
      kind: 'plan',
      prefill: {
        unitKato: e.unit.kato,
        date: today < e.cell.windowStart ? e.cell.windowStart : today,
        obligation: { ruleSetId: e.cell.ruleSetId, windowKey: e.cell.windowKey },
      },
    });
  const openMeeting = (meetingId: string) => open({ kind: 'card', meetingId });

  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="view-head">
        <ViewSwitch />
        <YearNav year={shownYear} onChange={(y) => void load(y)} />
        {dashboard && <p className="muted">{t('Dashboard.asOf', { date: official(dashboard.today) })}</p>}
      </div>
      <ErrorMessage error={error} />
      {!dashboard && loading && (
        <p className="muted" role="status">
          {t('Dashboard.loading')}
        </p>
      )}
      {dashboard && (
        <div className={loading ? 'dash-body is-loading' : 'dash-body'} aria-busy={loading}>
          <section className="dash-overview" aria-labelledby="dash-counts-title">
            <h2 id="dash-counts-title" className="section-title">
              {t('Dashboard.countsTitle', { year: dashboard.year })}
            </h2>
            <div className="dash-overview-body">
              <StatusChart counts={dashboard.counts} />
              <CountCards counts={dashboard.counts} />
            </div>
          </section>

          <div className="dash-lists">
            <AttentionList
              title={t('Dashboard.closingSoon.title')}
              hint={t('Dashboard.closingSoon.hint')}
              items={dashboard.closingSoon}
              empty={t('Dashboard.closingSoon.empty')}
              testId="dashboard-closing-soon"
              itemKey={entryKey}
              render={(e) => (
                <>
                  <UnitLine unit={e.unit} />
                  <span className="dash-detail">{range(e)}</span>
                  <span className={e.daysLeft <= 7 ? 'dash-days is-urgent' : 'dash-days'}>
                    {e.daysLeft === 0 ? t('Calendar.planned.lastDay') : t('Calendar.planned.daysLeft', { count: e.daysLeft })}
                  </span>
                  {canWrite && (
                    <button
                      type="button"
                      className="button button--primary button--small"
                      data-testid={`closing-plan-${e.unit.kato}-${e.cell.windowKey}`}
                      aria-label={t('Dashboard.planFor', { unit: unitName(e.unit, lng) })}
                      onClick={() => planWindow(e)}
                    >
                      {t('Dashboard.plan')}
                    </button>
                  )}
                </>
              )}
            />
            <AttentionList
              title={t('Dashboard.missed.title')}
              items={dashboard.missed}
              empty={t('Dashboard.missed.empty')}
              testId="dashboard-missed"
              itemKey={entryKey}
              render={(e) => (
                <>
                  <UnitLine unit={e.unit} />
                  <span className="dash-detail">{range(e)}</span>
                  {e.cell.planned ? (
                    <button type="button" className="button button--small" onClick={() => openMeeting(e.cell.planned!.id)}>
                      {t('Dashboard.openPlanned', { date: official(e.cell.planned.plannedOn) })}
                    </button>
                  ) : (
                    <span className="muted">{t('Dashboard.missed.nothing')}</span>
                  )}
                </>
              )}
            />
            <AttentionList
              title={t('Dashboard.heldLate.title')}
              items={dashboard.heldLate}
              empty={t('Dashboard.heldLate.empty')}
              testId="dashboard-held-late"
              itemKey={entryKey}
              render={(e) => (
                <>
                  <UnitLine unit={e.unit} />
                  <span className="dash-detail">{range(e)}</span>
                  {e.cell.meeting &&
                    (e.cell.meeting.id ? (
                      <button type="button" className="button button--quiet button--small" onClick={() => openMeeting(e.cell.meeting!.id!)}>
                        {t('Dashboard.heldOn', { date: official(e.cell.meeting.heldOn) })}
                      </button>
                    ) : (
                      <span>{t('Dashboard.heldOn', { date: official(e.cell.meeting.heldOn) })}</span>
                    ))}
                </>
              )}
            />
            <ParticipationList warnings={dashboard.participation} testId="dashboard-participation" onOpen={openMeeting} />
            <AttentionList
              title={t('Dashboard.reports.title')}
              hint={t('Dashboard.reports.hint')}
              items={dashboard.reportDeadlines}
              empty={t('Dashboard.reports.empty')}
              testId="dashboard-report-deadlines"
              itemKey={(r: ReportDeadline) => r.meetingId}
              render={(r) => (
                <>
                  <UnitLine unit={r.unit} />
                  <span className="dash-detail">{t('Dashboard.reports.due', { held: official(r.heldOn), due: official(r.reportDue) })}</span>
                  <span className={r.daysLeft < 0 ? 'dash-days is-overdue' : r.daysLeft <= 7 ? 'dash-days is-urgent' : 'dash-days'}>
                    {r.daysLeft < 0
                      ? t('Dashboard.reports.overdue', { count: -r.daysLeft })
                      : r.daysLeft === 0
                        ? t('Dashboard.reports.today')
                        : t('Calendar.planned.daysLeft', { count: r.daysLeft })}
                  </span>
                  <button type="button" className="button button--quiet button--small" onClick={() => openMeeting(r.meetingId)}>
                    {t('Dashboard.open')}
                  </button>
                </>
              )}
            />
          </div>
        </div>
      )}
    </div>
  );
}
