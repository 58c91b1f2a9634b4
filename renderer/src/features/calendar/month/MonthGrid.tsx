import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HolidayDay } from '../../../../../shared/contract/holidays.contract';
import { addDays, type IsoDate } from '../../../../../shared/domain/dates';
import { formatMonthTitle, weekdayNames } from '../../../format/calendar-dates';
import { isInMonth, monthOf, sameDayIn, shiftMonth, weekdayIndex, type MonthKey } from '../../../format/day-math';
import { useT } from '../../../i18n';
import { DayCell } from './DayCell';
import type { DayEvent } from './month-layout';

/** Where a key moves the focused day, following the ARIA date-grid pattern; null for other keys. */
export function dayAfterKey(key: string, day: IsoDate): IsoDate | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -weekdayIndex(day));
    case 'End':
      return addDays(day, 6 - weekdayIndex(day));
    case 'PageUp':
      return sameDayIn(day, shiftMonth(monthOf(day), -1));
    case 'PageDown':
      return sameDayIn(day, shiftMonth(monthOf(day), 1));
    default:
      return null;
  }
}

interface Props {
  weeks: IsoDate[][];
  month: MonthKey;
  cursor: IsoDate;
  today: IsoDate;
  shading: ReadonlyMap<IsoDate, number>;
  events: ReadonlyMap<IsoDate, DayEvent[]>;
  holidays: ReadonlyMap<IsoDate, HolidayDay>;
  onMove: (day: IsoDate) => void;
  onPlan: (day: IsoDate) => void;
  onOpen: (meetingId: string) => void;
}

/**
 * The month as an ARIA grid with one tab stop (the focused day): arrows move by day and week,
 * Home/End to the week's ends, PageUp/PageDown by month, Enter plans a meeting on the day; Tab
 * goes on into that day's events.
 */
export function MonthGrid({ weeks, month, cursor, today, shading, events, holidays, onMove, onPlan, onOpen }: Props) {
  const { lng } = useT();
  const table = useRef<HTMLTableElement>(null);
  const focusAfterMove = useRef(false);
  const [expanded, setExpanded] = useState<ReadonlySet<IsoDate>>(new Set());
  const shortNames = useMemo(() => weekdayNames(lng, 'short'), [lng]);
  const longNames = useMemo(() => weekdayNames(lng, 'long'), [lng]);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    table.current?.querySelector<HTMLElement>(`[data-date="${cursor}"]`)?.focus();
  }, [cursor, weeks]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const day = (event.target as HTMLElement).dataset['date'];
    if (!day) return; // keys inside an event button keep their own meaning
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPlan(day);
      return;
    }
    const next = dayAfterKey(event.key, day);
    if (next === null) return;
    event.preventDefault();
    focusAfterMove.current = true;
    onMove(next);
  }

  return (
    <div className="month-scroll">
      <table
        ref={table}
        className="month"
        role="grid"
        aria-label={formatMonthTitle(month.year, month.month, lng)}
        data-testid="month-grid"
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {shortNames.map((name, i) => (
              <th key={name} scope="col" className={i >= 5 ? 'month-weekday is-weekend' : 'month-weekday'}>
                <abbr title={longNames[i]}>{name}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <DayCell
                  key={day}
                  day={day}
                  inMonth={isInMonth(day, month)}
                  isToday={day === today}
                  isCursor={day === cursor}
                  windows={shading.get(day) ?? 0}
                  events={events.get(day) ?? []}
                  holiday={holidays.get(day)}
                  expanded={expanded.has(day)}
                  onExpand={() => setExpanded(new Set([...expanded, day]))}
                  onFocusDay={() => day !== cursor && onMove(day)}
                  onPlan={() => onPlan(day)}
                  onOpen={onOpen}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
