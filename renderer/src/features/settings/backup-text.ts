import type { TFunction } from 'i18next';
import type { BackupEntry } from '../../../../shared/contract/backups.contract';
import type { UiLanguage } from '../../../../shared/i18n';
import { formatOfficialInstant, formatTime } from '../../format/dates';
import { formatDecimal } from '../../format/numbers';

/** When a backup was made, in the official style with its time: "2025 жылғы 10 шілде, 14:05". */
export function backupInstant(t: TFunction, ms: number, lng: UiLanguage): string {
  return t('Backups.instant', { date: formatOfficialInstant(ms, lng), time: formatTime(ms) });
}

export function backupSize(t: TFunction, entry: BackupEntry, lng: UiLanguage): string {
  return t('Backups.size', { size: formatDecimal(entry.bytes / (1024 * 1024), lng) });
}
