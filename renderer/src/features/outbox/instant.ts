import type { TFunction } from 'i18next';
import { formatOfficialDate } from '../../format/dates';
import type { UiLanguage } from '../../../../shared/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" on this computer's clock. */
export function timeOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local calendar day of an instant, as the official formatter takes it. */
function localDay(ms: number) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An instant in the official style with its time: "2025 жылғы 10 шілде, 14:05", "10 июля 2025 г., 14:05". */
export function instantText(t: TFunction, ms: number, lng: UiLanguage): string {
  return t('Outbox.instant', { date: formatOfficialDate(localDay(ms), lng), time: timeOf(ms) });
}

/** A time soon (the next attempt): the time alone today, with its day otherwise. */
export function soonText(t: TFunction, ms: number, now: number, lng: UiLanguage): string {
  return localDay(ms) === localDay(now) ? timeOf(ms) : instantText(t, ms, lng);
}
