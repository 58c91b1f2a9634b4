import type { ParticipationWarning } from '../../../shared/contract/calendar.contract';
import { formatOfficialDate } from '../format/dates';
import { useT } from '../i18n';
import { AttentionList } from './AttentionList';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { UnitLine } from './UnitLine';

/** The decree's points 4.1 and 5 (who must take part) as warnings, each opening its meeting. */
export function ParticipationList({ warnings, testId, onOpen }: { warnings: readonly ParticipationWarning[]; testId: string; onOpen: (meetingId: string) => void }) {
  const { t, lng } = useT();
  return (
    <AttentionList
      title={t('Dashboard.participation.title')}
      hint={t('Dashboard.participation.hint')}
      items={warnings}
      empty={t('Dashboard.participation.empty')}
      testId={testId}
      itemKey={(w) => `${w.meetingId}-${w.point}`}
      render={(w) => (
        <>
          <UnitLine unit={w.unit} />
          <span className="dash-detail">{t(`Dashboard.participation.point.${w.point === '4.1' ? 'p41' : 'p5'}`)}</span>
          <MeetingStatusBadge status={w.status} />
          <button type="button" className="button button--small" data-testid={`participation-${w.meetingId}-${w.point}`} onClick={() => onOpen(w.meetingId)}>
            {t('Dashboard.meetingOn', { date: formatOfficialDate(w.date, lng) })}
          </button>
        </>
      )}
    />
  );
}
