import type { HolidayDay } from '../../../../../shared/contract/holidays.contract';
import { toYmd, type IsoDate } from '../../../../../shared/domain/dates';
import { formatDayWithWeekday } from '../../../format/calendar-dates';
import { holidayLabel, holidayShortLabel } from '../../../format/holidays';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import type { DayEvent } from './month-layout';

/** Events a day shows before "N more": three keep a six-week month on a 900 px screen. */
const MAX_EVENTS = 3;

interface Props {
  day: IsoDate;
  inMonth: boolean;
  isToday: boolean;
  isCursor: boolean;
  /** Units with a legal window open on the day (0: none, not shaded). */
  windows: number;
  events: readonly DayEvent[];
  /** The day's row of the holidays table, if any. */
  holiday: HolidayDay | undefined;
  expanded: boolean;
  onExpand: () => void;
  onFocusDay: () => void;
  onPlan: () => void;
  onOpen: (meetingId: string) => void;
}

export function DayCell(props: Props) {
  const { day, inMonth, isToday, isCursor, windows, events, holiday, expanded, onExpand, onFocusDay, onPlan, onOpen } = props;
  const { t, lng } = useT();
  const holidayText = holiday ? holidayLabel(holiday, t, lng) : null;
  const shown = expanded ? events : events.slice(0, MAX_EVENTS);
  const hidden = events.length - shown.length;
  const label = [
    formatDayWithWeekday(day, lng),
    isToday ? t('Calendar.month.isToday') : '',
    holidayText ?? '',
    events.length > 0 ? t('Calendar.month.events', { count: events.length }) : '',
    windows > 0 ? t('Calendar.month.windows', { count: windows }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const classes = ['month-day', inMonth ? '' : 'is-outside', isToday ? 'is-today' : '', windows > 0 ? 'in-window' : '', isCursor ? 'is-cursor' : '',
    holiday ? (holiday.kind === 'working_day' ? 'is-working-weekend' : 'is-holiday') : '',
  ];

  return (
    <td
      role="gridcell"
      className={classes.filter(Boolean).join(' ')}
      tabIndex={isCursor ? 0 : -1}
      aria-selected={isCursor}
      aria-current={isToday ? 'date' : undefined}
      aria-label={label}
      data-date={day}
      data-testid={`month-day-${day}`}
      data-windows={windows > 0 ? windows : undefined}
      data-holiday={holiday?.kind}
      onFocus={(e) => e.target === e.currentTarget && onFocusDay()}
      onDoubleClick={(e) => e.target === e.currentTarget && onPlan()}
    >
      <div className="month-day-head">
        <span className="month-day-number" aria-hidden="true">
          {toYmd(day).day}
        </span>
        {isToday && (
          <span className="month-today-tag" aria-hidden="true">
            {t('Calendar.month.todayTag')}
          </span>
        )}
        <button
          type="button"
          className="month-day-add"
          tabIndex={-1}
          aria-label={t('Calendar.month.planOn', { date: formatDayWithWeekday(day, lng) })}
          title={t('Calendar.month.planOnShort')}
          onClick={onPlan}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {holiday && (
        <p className="month-holiday" title={holidayText ?? undefined} data-testid={`month-holiday-${day}`}>
          {holidayShortLabel(holiday, t, lng)}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="month-events">
          {shown.map(({ meeting, unit }) => {
            const name = unit ? unitName(unit, lng) : meeting.unitKato;
            const status = t(`Meeting.status.${meeting.status}`);
            const time = meeting.heldOn ? null : meeting.plannedTime;
            const label = time ? t('Calendar.event.labelTimed', { unit: name, time, status }) : t('Calendar.event.label', { unit: name, status });
            return (
              <li key={meeting.id}>
                <button
                  type="button"
                  className={`event mstatus-${meeting.status}`}
                  tabIndex={isCursor ? 0 : -1}
                  data-testid={`event-${meeting.id}`}
                  aria-label={label}
                  title={label}
                  onClick={() => onOpen(meeting.id)}
                >
                  <span className="event-meta">
                    <span className="mstatus-dot" aria-hidden="true" />
                    {time && <span className="event-time">{time}</span>}
                    <span className="event-status">{status}</span>
                  </span>
                  <span className="event-unit">{name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="month-more" tabIndex={isCursor ? 0 : -1} onClick={onExpand}>
          {t('Calendar.month.more', { count: hidden })}
        </button>
      )}
    </td>
  );
}
