import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../../shared/i18n';
import { formatOfficialInstant, formatTime } from '../../format/dates';

/** When a backup was made, in the official style with its time: "2025 жылғы 10 шілде, 14:05". */
export function backupInstant(t: TFunction, ms: number, lng: UiLanguage): string {
  return t('Backups.instant', { date: formatOfficialInstant(ms, lng), time: formatTime(ms) });
}
