import type { ReactNode } from 'react';
import type { PeriodReport } from '../../../../shared/contract/reports.contract';
import { medianDaysToClose, resolvedShare } from '../../../../shared/domain/reports/figures';
import { AnyStatusIcon } from '../../components/StatusIcon';
import { formatCount, formatDecimal, formatShare } from '../../format/numbers';
import { useT } from '../../i18n';
import type { Drill } from './useDrill';

interface Card {
  id: string;
  value: string;
  label: string;
  help: string;
  /** A compliance status's colour and icon, as the dashboard's cards have them. */
  status?: 'held_on_time' | 'held_late' | 'missed' | 'open' | 'upcoming' | 'planned';
  /** The issue log's colour of the same count (overdue, on control). */
  tone?: 'istatus--overdue' | 'istatus--control';
  onOpen?: () => void;
  drillTitle?: string;
}

const OBLIGATION_CARDS = ['heldOnTime', 'heldLate', 'missed', 'open', 'upcoming', 'planned'] as const;
const STATUS_OF = { heldOnTime: 'held_on_time', heldLate: 'held_late', missed: 'missed', open: 'open', upcoming: 'upcoming', planned: 'planned' } as const;

/** The report's totals as cards: the reporting meetings, then the citizens' issues; a number with records behind it opens them. */
export function SummaryCards({ report, drill }: { report: PeriodReport; drill: Drill }) {
  const { t, lng } = useT();
  const n = (value: number) => formatCount(value, lng);
  const unit = report.unit.kato;
  const { meetings, attendance, issues } = report;
  const toLog = t('Reports.drill.issues');
  const median = medianDaysToClose(issues);
  const share = resolvedShare(issues);

  const meetingCards: Card[] = [
    { id: 'required', value: n(meetings.required), label: t('Reports.meetings.required'), help: t('Reports.meetings.requiredHelp') },
    ...OBLIGATION_CARDS.map((key) => ({
      id: key,
      value: n(meetings[key]),
      label: t(`Status.${STATUS_OF[key]}`),
      help: t(`Dashboard.help.${STATUS_OF[key]}`),
      status: STATUS_OF[key],
    })),
  ];
  const heldCards: Card[] = [
    {
      id: 'held',
      value: n(meetings.held),
      label: t('Reports.meetings.held'),
      help: t('Reports.meetings.heldHelp'),
      onOpen: () => drill.heldMeetings(unit),
      drillTitle: t('Reports.drill.meetings'),
    },
    { id: 'people', value: n(attendance.people), label: t('Reports.meetings.people'), help: t('Reports.meetings.peopleHelp') },
    { id: 'online', value: n(attendance.onlineViewers), label: t('Reports.meetings.online'), help: t('Reports.meetings.onlineHelp') },
  ];
  const issueCards: Card[] = [
    { id: 'issues', value: n(issues.total), label: t('Reports.issues.total'), help: t('Reports.issues.totalHelp'), onOpen: () => drill.issues(unit), drillTitle: toLog },
    { id: 'closed', value: n(issues.closed), label: t('Reports.issues.closed'), help: t('Reports.issues.closedHelp'), onOpen: () => drill.issues(unit, { open: false }), drillTitle: toLog },
    { id: 'resolved', value: share === null ? t('Reports.noValue') : formatShare(share, lng), label: t('Reports.issues.resolved'), help: t('Reports.issues.resolvedHelp') },
    { id: 'median', value: median === null ? t('Reports.noValue') : formatDecimal(median, lng), label: t('Reports.issues.median'), help: t('Reports.issues.medianHelp') },
    { id: 'overdue', value: n(issues.overdue), label: t('Issues.overdue'), help: t('Reports.issues.overdueHelp'), onOpen: () => drill.issues(unit, { overdue: true }), drillTitle: toLog, tone: 'istatus--overdue' },
    { id: 'prolonged', value: n(issues.prolonged), label: t('Reports.issues.prolonged'), help: t('Reports.issues.prolongedHelp') },
    { id: 'onControl', value: n(issues.onControl), label: t('Issues.onControl'), help: t('Reports.issues.onControlHelp'), onOpen: () => drill.issues(unit, { onControl: true }), drillTitle: toLog, tone: 'istatus--control' },
  ];

  return (
    <div className="report-summary">
      <CardGroup title={t('Reports.meetings.obligations')} cards={meetingCards} />
      <CardGroup title={t('Reports.meetings.title')} cards={heldCards} />
      <CardGroup title={t('Reports.issues.title')} cards={issueCards} />
    </div>
  );
}

function CardGroup({ title, cards }: { title: string; cards: Card[] }) {
  return (
    <section className="report-card-group" aria-label={title}>
      <h3 className="subsection-title">{title}</h3>
      <ul className="report-cards">
        {cards.map((c) => (
          <li key={c.id} className={['report-card', c.status && `status-${c.status}`, c.tone].filter(Boolean).join(' ')} data-testid={`report-card-${c.id}`}>
            <CardBody card={c}>
              <span className="report-card-value" data-testid={`report-card-${c.id}-value`}>
                {c.value}
              </span>
              <span className="report-card-label">
                {c.status && <AnyStatusIcon status={c.status} />}
                {c.label}
              </span>
              <span className="report-card-help">{c.help}</span>
            </CardBody>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CardBody({ card, children }: { card: Card; children: ReactNode }) {
  if (!card.onOpen) return <div className="report-card-body">{children}</div>;
  return (
    <button type="button" className="report-card-body report-card-body--drill" title={card.drillTitle} data-testid={`report-drill-${card.id}`} onClick={card.onOpen}>
      {children}
    </button>
  );
}
