import { format, type Locale } from 'date-fns';
import { enUS, kk, ru } from 'date-fns/locale';
import { localIsoDate, toYmd, type IsoDate } from '../domain/dates';
import type { UiLanguage } from '../i18n';

/**
 * Calendar dates as people read them, the same in the renderer and in the main process
 * (desktop notifications, iCal files, documents).
 */
const LOCALES: Record<UiLanguage, Locale> = { kk, ru, en: enUS };

/**
 * Official document style (what a decision or a report would print). date-fns's kk locale
 * gives the nominative month, which is what Kazakh uses after "жылғы"; its ru locale gives the
 * genitive after a day number. Both are pinned by test/renderer/dates.test.ts.
 */
const OFFICIAL: Record<UiLanguage, string> = {
  kk: "yyyy 'жылғы' d MMMM",
  ru: "d MMMM yyyy 'г.'",
  en: 'd MMMM yyyy',
};

/** Local midnight of a calendar date: date-fns formats in local time, so no day can shift. */
function toDate(iso: IsoDate): Date {
  const { year, month, day } = toYmd(iso);
  return new Date(year, month - 1, day);
}

/** "2025 жылғы 15 қаңтар", "15 января 2025 г.". */
export function formatOfficialDate(iso: IsoDate, lng: UiLanguage): string {
  return format(toDate(iso), OFFICIAL[lng], { locale: LOCALES[lng] });
}

/** The day an instant (epoch ms) falls on, on this computer's calendar, in the official style. */
export function formatOfficialInstant(ms: number, lng: UiLanguage): string {
  return formatOfficialDate(localIsoDate(new Date(ms)), lng);
}

/** The UI's short style: "15.01.2025" in kk and ru. */
export function formatUiDate(iso: IsoDate, lng: UiLanguage): string {
  return format(toDate(iso), lng === 'en' ? 'd MMM yyyy' : 'dd.MM.yyyy', { locale: LOCALES[lng] });
}

/** Day and month only, for a cell whose year is already on screen: "15.01". */
export function formatDayMonth(iso: IsoDate, lng: UiLanguage): string {
  return format(toDate(iso), lng === 'en' ? 'd MMM' : 'dd.MM', { locale: LOCALES[lng] });
}

/** A column header: the standalone month name, capitalised ("Қаңтар", "Январь"). */
export function monthName(month: number, lng: UiLanguage): string {
  const name = format(new Date(2000, month - 1, 1), 'LLLL', { locale: LOCALES[lng] });
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
}
