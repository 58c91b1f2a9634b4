import type { Akim, GridCell, Meeting } from '../../../../../shared/contract/types';
import { formatOfficialDate } from '../../../format/dates';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import { positionText } from '../../../components/PositionFields';
import { useUnit } from '../../../hooks/useUnit';
import { Fact } from '../../../components/Fact';
import { OfficialsList } from '../../../components/OfficialRows';

/** Everything recorded about a meeting, in the order a secretary checks it. */
export function MeetingFacts({ meeting: m, cell, akim }: { meeting: Meeting; cell: GridCell | null; akim: Akim | null }) {
  const { t, lng } = useT();
  const venueUnit = useUnit(m.venueKato);
  const official = (iso: string) => formatOfficialDate(iso, lng);
  const list = (items: readonly string[], ns: string) => items.map((c) => t(`${ns}.${c}`)).join(', ');

  const date = m.plannedOn
    ? m.plannedTime
      ? t('Meeting.dateTime', { date: official(m.plannedOn), time: m.plannedTime })
      : official(m.plannedOn)
    : null;
  const venue = [m.venueName, m.venueAddress, venueUnit ? unitName(venueUnit, lng) : ''].filter(Boolean).join(', ');

  return (
    <dl className="facts facts--card" data-testid="meeting-facts">
      <Fact label={t('Meeting.facts.kind')}>{t(`Meeting.kind.${m.kind}`)}</Fact>
      {date && <Fact label={m.heldOn ? t('Meeting.facts.plannedOn') : t('Meeting.facts.date')}>{date}</Fact>}
      {m.heldOn && (
        <Fact label={t('Meeting.facts.heldOn')} testId="fact-held">
          {official(m.heldOn)}
        </Fact>
      )}
      <Fact label={t('Meeting.facts.window')} testId="fact-window">
        {m.obligation ? (
          cell ? (
            <>
              {t('Dates.range', { from: official(cell.windowStart), to: official(cell.windowEnd) })}
              <span className={`window-status status-${cell.status}`}>{t(`Status.${cell.status}`)}</span>
            </>
          ) : (
            m.obligation.windowKey
          )
        ) : (
          <span>{t('Meeting.facts.outsideWindow', { reason: m.outsideWindowReason })}</span>
        )}
      </Fact>
      {venue && <Fact label={t('Meeting.facts.venue')}>{venue}</Fact>}
      <Fact label={t('Meeting.facts.format')}>
        {t(`Meeting.format.${m.format}`)}
        {m.broadcastLinks.length > 0 && (
          <ul className="plain-list">
            {m.broadcastLinks.map((link) => (
              <li key={link}>
                <a href={link} target="_blank" rel="noreferrer" className="link">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label={t('Meeting.facts.akim')}>{akim ? t('Meeting.akimLine', { name: akim.fullName, position: positionText(akim, lng) || '—' }) : t('Meeting.facts.none')}</Fact>
      {m.announcedOn && (
        <Fact label={t('Meeting.facts.announced')} testId="fact-announced">
          {t('Meeting.announcedLine', { date: official(m.announcedOn), channels: list(m.announcementChannels, 'Meeting.announcementChannel') })}
        </Fact>
      )}
      {(m.questionsChannels.length > 0 || m.questionsFrom || m.questionsTo) && (
        <Fact label={t('Meeting.facts.questions')}>
          {[
            list(m.questionsChannels, 'Meeting.questionChannel'),
            m.questionsFrom && m.questionsTo ? t('Dates.range', { from: official(m.questionsFrom), to: official(m.questionsTo) }) : '',
          ]
            .filter(Boolean)
            .join('; ')}
        </Fact>
      )}
      {m.attendance !== null && (
        <Fact label={t('Meeting.facts.attendance')} testId="fact-attendance">
          {m.onlineViewers !== null
            ? t('Meeting.attendanceWithViewers', { count: m.attendance, viewers: m.onlineViewers })
            : t('Meeting.attendanceLine', { count: m.attendance })}
        </Fact>
      )}
      {m.postponedFrom && (
        <Fact label={t('Meeting.facts.postponed')} testId="fact-postponed">
          {t('Meeting.postponedLine', { date: official(m.postponedFrom), reason: m.statusReason })}
        </Fact>
      )}
      {m.status === 'cancelled' && (
        <Fact label={t('Meeting.facts.cancelled')} testId="fact-cancelled">
          {m.statusReason}
        </Fact>
      )}
      {m.officials.length > 0 && (
        <Fact label={t('Meeting.facts.officials')} testId="fact-officials">
          <OfficialsList officials={m.officials} />
        </Fact>
      )}
      {m.note && <Fact label={t('Meeting.facts.note')}>{m.note}</Fact>}
    </dl>
  );
}
