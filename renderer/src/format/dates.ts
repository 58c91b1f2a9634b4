import type { IsoDate } from '../../../shared/domain/dates';

// The formatters live in shared/ so the main process (notifications, iCal) words dates the same way.
export { formatDayMonth, formatOfficialDate, formatOfficialInstant, formatUiDate, monthName } from '../../../shared/format/dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function looksLikeIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "14:05" on this computer's clock: how both languages write a time of day. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
