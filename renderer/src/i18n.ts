import type { i18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contract/schemas';
import { createI18n, isUiLanguage, type UiLanguage } from '../../shared/i18n';

/** Before setup there is no saved language: the product's first language is Kazakh. */
export const DEFAULT_LANGUAGE: Language = 'kk';

/** The renderer's i18next instance, bound to React by <I18nextProvider> in main.tsx. */
export function createUiI18n(lng: UiLanguage = DEFAULT_LANGUAGE): i18n {
  return createI18n(lng);
}

/** The instance's current language, narrowed to one the formatters know. */
export function uiLanguage(instance: i18n): UiLanguage {
  const lng = instance.resolvedLanguage ?? instance.language;
  return isUiLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** Switches the UI text and `<html lang>` together (screen readers and hyphenation follow it). */
export function applyLanguage(instance: i18n, lng: UiLanguage): void {
  if (instance.language !== lng) void instance.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** `t` plus the current language, for components that also format dates and names. */
export function useT(): { t: TFunction; lng: UiLanguage } {
  const { t, i18n: instance } = useTranslation();
  return { t, lng: uiLanguage(instance) };
}
