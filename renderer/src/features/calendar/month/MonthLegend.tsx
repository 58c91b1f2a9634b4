import { MEETING_STATUSES } from '../../../../../shared/domain/meetings/meeting';
import { MeetingStatusBadge } from '../../../components/MeetingStatusBadge';
import { useT } from '../../../i18n';

/** What the shading, the today mark, the holidays and the event colours mean. */
export function MonthLegend() {
  const { t } = useT();
  return (
    <section className="legend" aria-labelledby="month-legend-title">
      <h2 id="month-legend-title" className="legend-title">
        {t('Grid.legend.title')}
      </h2>
      <ul className="legend-list">
        <li className="legend-item">
          <span className="legend-day legend-day--window" aria-hidden="true" />
          {t('Calendar.legend.window')}
        </li>
        <li className="legend-item">
          <span className="legend-day legend-day--today" aria-hidden="true" />
          {t('Calendar.legend.today')}
        </li>
        <li className="legend-item">
          <span className="legend-day legend-day--holiday" aria-hidden="true" />
          {t('Holidays.legend.holiday')}
        </li>
        <li className="legend-item">
          <span className="legend-day legend-day--working-weekend" aria-hidden="true" />
          {t('Holidays.legend.workingDay')}
        </li>
        {MEETING_STATUSES.map((s) => (
          <li key={s} className="legend-item">
            <MeetingStatusBadge status={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
