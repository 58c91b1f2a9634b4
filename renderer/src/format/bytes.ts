import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../shared/i18n';
import { formatCount, formatDecimal } from './numbers';

const MB = 1024 * 1024;

/** A file's size as people compare it on a stick ("1,4 МБ"), with the exact bytes beside it. */
export function fileSize(bytes: number, t: TFunction, lng: UiLanguage): string {
  const exact = formatCount(bytes, lng);
  return bytes < MB
    ? t('Exchange.size.kb', { size: formatDecimal(bytes / 1024, lng), bytes: exact })
    : t('Exchange.size.mb', { size: formatDecimal(bytes / MB, lng), bytes: exact });
}
