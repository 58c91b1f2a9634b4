import { format, type Locale } from 'date-fns';
import { enUS, kk, ru } from 'date-fns/locale';
import { toYmd, type IsoDate } from '../../../shared/domain/dates';
import type { UiLanguage } from '../../../shared/i18n';
import { formatOfficialDate } from './dates';

const LOCALES: Record<UiLanguage, Locale> = { kk, ru, en: enUS };

const MONTH_TITLE: Record<UiLanguage, string> = {
  kk: "yyyy 'жылғы' LLLL",
  ru: 'LLLL yyyy',
  en: 'LLLL yyyy',
};

const capitalise = (text: string, lng: UiLanguage) => text.charAt(0).toLocaleUpperCase(lng) + text.slice(1);

/** A month view's title: "2025 жылғы шілде", "Июль 2025". */
export function formatMonthTitle(year: number, month: number, lng: UiLanguage): string {
  return capitalise(format(new Date(year, month - 1, 1), MONTH_TITLE[lng], { locale: LOCALES[lng] }), lng);
}

/** Weekday names Monday first: short for column heads ("Дс", "Пн"), long for screen readers. */
export function weekdayNames(lng: UiLanguage, width: 'short' | 'long'): string[] {
  // 1 January 2024 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((d) => {
    const name = format(new Date(2024, 0, d), width === 'short' ? 'EEEEEE' : 'EEEE', { locale: LOCALES[lng] });
    return width === 'short' ? capitalise(name, lng) : name;
  });
}

/** A day with its weekday, for a calendar day's accessible name: "2025 жылғы 10 шілде, бейсенбі". */
export function formatDayWithWeekday(iso: IsoDate, lng: UiLanguage): string {
  const { year, month, day } = toYmd(iso);
  return `${formatOfficialDate(iso, lng)}, ${format(new Date(year, month - 1, day), 'EEEE', { locale: LOCALES[lng] })}`;
}
