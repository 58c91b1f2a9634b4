import type { UiLanguage } from '../../../shared/i18n';

/**
 * Kazakh writes numbers as Russian does (a space between thousands, a decimal comma), but
 * Chromium's trimmed ICU data formats `kk` with English separators ("1,231.5"): Russian's
 * rules stand in for it. Kazakh puts no space before the percent sign.
 */
const NUMBER_LOCALE: Record<UiLanguage, string> = { kk: 'ru', ru: 'ru', en: 'en' };

// One formatter per language and style: Intl builds its tables once (a report formats hundreds).
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lng: UiLanguage, fractionDigits: 0 | 1): Intl.NumberFormat {
  const key = `${lng}:${fractionDigits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE[lng], { maximumFractionDigits: fractionDigits });
    cache.set(key, f);
  }
  return f;
}

/** A count as the language writes it: "12 345" in kk and ru (a no-break space), "12,345" in en. */
export function formatCount(n: number, lng: UiLanguage): string {
  return formatter(lng, 0).format(n);
}

/** A number with at most one decimal: "12,5" in kk and ru. */
export function formatDecimal(n: number, lng: UiLanguage): string {
  return formatter(lng, 1).format(n);
}

/** A share (0–1) as a percentage: "45,7%" in kk, "45,7 %" in ru, "45.7%" in en. */
export function formatShare(share: number, lng: UiLanguage): string {
  return `${formatDecimal(share * 100, lng)}${lng === 'ru' ? '\u00a0%' : '%'}`;
}
