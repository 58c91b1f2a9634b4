import type { TFunction } from 'i18next';
import { localIsoDate } from '../../../../shared/domain/dates';
import type { UiLanguage } from '../../../../shared/i18n';
import { formatOfficialInstant, formatTime } from '../../format/dates';


/** An instant in the official style with its time: "2025 жылғы 10 шілде, 14:05", "10 июля 2025 г., 14:05". */
export function instantText(t: TFunction, ms: number, lng: UiLanguage): string {
  return t('Outbox.instant', { date: formatOfficialInstant(ms, lng), time: formatTime(ms) });
}

/** A time soon (the next attempt): the time alone on the same day as `now`, with its day otherwise. */
export function soonText(t: TFunction, ms: number, now: number, lng: UiLanguage): string {
  return localIsoDate(new Date(ms)) === localIsoDate(new Date(now)) ? formatTime(ms) : instantText(t, ms, lng);
}
