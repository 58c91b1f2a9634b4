import type { Meeting, ObligationsGrid } from '../../../../shared/contract/types';
import { MeetingStatusBadge } from '../../components/MeetingStatusBadge';
import { ReceivedBadge } from '../../components/ReceivedMark';
import { useReceived } from '../../hooks/useReceived';
import { formatUiDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { findCell } from '../../stores/grid.store';
import { meetingDate } from '../../stores/meetings.store';
import type { WorkingUnit } from '../../hooks/useWorkingUnits';

interface Props {
  meetings: readonly Meeting[];
  units: readonly WorkingUnit[];
  byYear: Record<number, ObligationsGrid>;
  newestFirst: boolean;
  onSort: () => void;
  onOpen: (meetingId: string) => void;
}

/** One row per meeting: date, unit (marked when received), status, venue, the window it fulfils; the unit opens the card. */
export function MeetingsTable({ meetings, units, byYear, newestFirst, onSort, onOpen }: Props) {
  const { t, lng } = useT();
  const byKato = new Map(units.map((u) => [u.unit.kato, u.unit]));
  const received = useReceived();
  return (
    <div className="table-scroll">
      <table className="table meetings-table" data-testid="meetings-table">
        <thead>
          <tr>
            <th scope="col" aria-sort={newestFirst ? 'descending' : 'ascending'}>
              <button type="button" className="sort-button" data-testid="meetings-sort" onClick={onSort}>
                {t('Meeting.list.columns.date')}
                <span aria-hidden="true" className="sort-mark">
                  {newestFirst ? '↓' : '↑'}
                </span>
              </button>
            </th>
            <th scope="col">{t('Meeting.list.columns.unit')}</th>
            <th scope="col">{t('Meeting.list.columns.status')}</th>
            <th scope="col">{t('Meeting.list.columns.venue')}</th>
            <th scope="col">{t('Meeting.list.columns.window')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => {
            const unit = byKato.get(m.unitKato);
            const date = meetingDate(m);
            const cell = m.obligation ? findCell(byYear, m.unitKato, m.obligation) : null;
            const from = received(m);
            return (
              <tr key={m.id} data-testid={`meeting-row-${m.id}`} className={m.status === 'cancelled' ? 'is-cancelled' : undefined}>
                <td className="nowrap">
                  {date && formatUiDate(date, lng)}
                  {m.plannedTime && !m.heldOn && <span className="muted"> {m.plannedTime}</span>}
                </td>
                <td>
                  <button type="button" className="link-button" data-testid={`meeting-open-${m.id}`} onClick={() => onOpen(m.id)}>
                    {unit ? unitName(unit, lng) : m.unitKato}
                  </button>
                  {from && (
                    <>
                      {' '}
                      <ReceivedBadge received={from} testId={`meeting-received-${m.id}`} />
                    </>
                  )}
                  <span className="muted table-sub">{t(`Meeting.kind.${m.kind}`)}</span>
                </td>
                <td>
                  <MeetingStatusBadge status={m.status} />
                </td>
                <td>{[m.venueName, m.venueAddress].filter(Boolean).join(', ')}</td>
                <td className="nowrap">
                  {m.obligation
                    ? cell
                      ? t('Dates.range', { from: formatUiDate(cell.windowStart, lng), to: formatUiDate(cell.windowEnd, lng) })
                      : m.obligation.windowKey
                    : t('Meeting.list.outsideWindow')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
