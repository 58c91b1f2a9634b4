import i18next, { type i18n, type TFunction } from 'i18next';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import type { ErrorPayload } from '../errors';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/** en is the developers' key source and the CLI's fallback; kk and ru are the product. */
export const catalogs = { kk, ru, en } as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A ready i18next instance (synchronous: the catalogs are bundled, nothing is fetched). */
export function createI18n(lng: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The message for an error envelope, in the reader's language. */
export function errorMessage(t: TFunction, error: ErrorPayload): string {
  const details = Object.fromEntries(
    Object.entries(error.details ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
  );
  return t(`Errors.${error.code}`, details);
}
