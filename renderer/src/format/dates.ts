import type { IsoDate } from '../../../shared/domain/dates';

// The formatters live in shared/ so the main process (notifications, iCal) words dates the same way.
export { formatDayMonth, formatOfficialDate, formatOfficialInstant, formatUiDate, monthName } from '../../../shared/format/dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function looksLikeIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value);
}
