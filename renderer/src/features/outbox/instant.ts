import type { TFunction } from 'i18next';
import { localIsoDate } from '../../../../shared/domain/dates';
import type { UiLanguage } from '../../../../shared/i18n';
import { formatOfficialInstant } from '../../format/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" on this computer's clock. */
export function timeOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An instant in the official style with its time: "2025 жылғы 10 шілде, 14:05", "10 июля 2025 г., 14:05". */
export function instantText(t: TFunction, ms: number, lng: UiLanguage): string {
  return t('Outbox.instant', { date: formatOfficialInstant(ms, lng), time: timeOf(ms) });
}

/** A time soon (the next attempt): the time alone on the same day as `now`, with its day otherwise. */
export function soonText(t: TFunction, ms: number, now: number, lng: UiLanguage): string {
  return localIsoDate(new Date(ms)) === localIsoDate(new Date(now)) ? timeOf(ms) : instantText(t, ms, lng);
}
