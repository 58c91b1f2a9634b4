import { isIsoDate, type IsoDate } from '../../../../../shared/domain/dates';
import { formatOfficialDate } from '../../../format/dates';
import { holidayLabel } from '../../../format/holidays';
import { useHolidays } from '../../../hooks/useHolidays';
import { useT } from '../../../i18n';

/**
 * A meeting planned on a holiday or a moved day off: said, not refused (a meeting on Nauryz may
 * be meant). A decree's working Saturday is a working day and is not warned about.
 */
export function HolidayWarning({ date }: { date: string }) {
  const { t, lng } = useT();
  const day: IsoDate | null = isIsoDate(date) ? date : null;
  const holiday = useHolidays(day, day).get(date);
  if (day === null || !holiday || holiday.kind === 'working_day') return null;
  return (
    <p className="message message--warning" role="status" data-testid="plan-holiday-warning">
      {t(holiday.kind === 'holiday' ? 'Holidays.planWarningHoliday' : 'Holidays.planWarningDayOff', { date: formatOfficialDate(day, lng), name: holidayLabel(holiday, t, lng) })}
    </p>
  );
}
