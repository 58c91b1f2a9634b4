import type { TFunction } from 'i18next';
import type { HolidayDay } from '../../../shared/contract/holidays.contract';
import type { UiLanguage } from '../../../shared/i18n';
import { formatOfficialDate } from './dates';

/** What a day of the holidays table is called: its name, or its kind and the holiday it replaces. */
export function holidayLabel(day: HolidayDay, t: TFunction, lng: UiLanguage): string {
  const name = lng === 'kk' ? day.nameKk : day.nameRu;
  if (day.kind === 'holiday') return name;
  if (day.kind === 'working_day') return name === '' ? t('Holidays.label.workingDay') : t('Holidays.label.workingDayNamed', { name });
  if (day.movedFrom === null) return name === '' ? t('Holidays.label.dayOff') : t('Holidays.label.dayOffNamed', { name });
  const date = formatOfficialDate(day.movedFrom, lng);
  return name === '' ? t('Holidays.label.dayOffFrom', { date }) : t('Holidays.label.dayOffFor', { name, date });
}

/** The words a narrow day cell has room for: a holiday's name, or what a moved day became (the rest in its title). */
export function holidayShortLabel(day: HolidayDay, t: TFunction, lng: UiLanguage): string {
  return day.kind === 'holiday' ? holidayLabel(day, t, lng) : t(`Holidays.short.${day.kind}`);
}
