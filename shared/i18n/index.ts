import i18next, { type i18n, type TFunction } from 'i18next';
import enCalendar from './en/calendar.json';
import enCore from './en/core.json';
import enMinutes from './en/minutes.json';
import enRules from './en/rules.json';
import enIssues from './en/issues.json';
import enPlan from './en/plan.json';
import enImport from './en/import.json';
import enReports from './en/reports.json';
import enReportDoc from './en/report-doc.json';
import enCli from './en/cli.json';
import enMail from './en/mail.json';
import enExchange from './en/exchange.json';
import enOutbox from './en/outbox.json';
import enBackups from './en/backups.json';
import enHolidays from './en/holidays.json';
import enOperators from './en/operators.json';
import enAuth from './en/auth.json';
import kkCalendar from './kk/calendar.json';
import kkCore from './kk/core.json';
import kkMinutes from './kk/minutes.json';
import kkRules from './kk/rules.json';
import kkIssues from './kk/issues.json';
import kkPlan from './kk/plan.json';
import kkImport from './kk/import.json';
import kkReports from './kk/reports.json';
import kkReportDoc from './kk/report-doc.json';
import kkCli from './kk/cli.json';
import kkMail from './kk/mail.json';
import kkExchange from './kk/exchange.json';
import kkOutbox from './kk/outbox.json';
import kkBackups from './kk/backups.json';
import kkHolidays from './kk/holidays.json';
import kkOperators from './kk/operators.json';
import kkAuth from './kk/auth.json';
import ruCalendar from './ru/calendar.json';
import ruCore from './ru/core.json';
import ruMinutes from './ru/minutes.json';
import ruRules from './ru/rules.json';
import ruIssues from './ru/issues.json';
import ruPlan from './ru/plan.json';
import ruImport from './ru/import.json';
import ruReports from './ru/reports.json';
import ruReportDoc from './ru/report-doc.json';
import ruCli from './ru/cli.json';
import ruMail from './ru/mail.json';
import ruExchange from './ru/exchange.json';
import ruOutbox from './ru/outbox.json';
import ruBackups from './ru/backups.json';
import ruHolidays from './ru/holidays.json';
import ruOperators from './ru/operators.json';
import ruAuth from './ru/auth.json';
import type { ErrorPayload } from '../errors';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/**
 * One catalog per language, kept in a file per area (core, calendar, rules, minutes, issues, plan, import, reports, report documents, cli, mail, exchange, outbox, backups, holidays, operators, auth) so features can
 * grow their strings side by side; each file owns its top-level namespaces.
 * en is the developers' key source and the CLI's fallback; kk and ru are the product.
 */
export const catalogs = {
  kk: { ...kkCore, ...kkCalendar, ...kkRules, ...kkMinutes, ...kkIssues, ...kkPlan, ...kkImport, ...kkReports, ...kkReportDoc, ...kkCli, ...kkMail, ...kkExchange, ...kkOutbox, ...kkBackups, ...kkHolidays, ...kkOperators, ...kkAuth },
  ru: { ...ruCore, ...ruCalendar, ...ruRules, ...ruMinutes, ...ruIssues, ...ruPlan, ...ruImport, ...ruReports, ...ruReportDoc, ...ruCli, ...ruMail, ...ruExchange, ...ruOutbox, ...ruBackups, ...ruHolidays, ...ruOperators, ...ruAuth },
  en: { ...enCore, ...enCalendar, ...enRules, ...enMinutes, ...enIssues, ...enPlan, ...enImport, ...enReports, ...enReportDoc, ...enCli, ...enMail, ...enExchange, ...enOutbox, ...enBackups, ...enHolidays, ...enOperators, ...enAuth },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A ready i18next instance (synchronous: the catalogs are bundled, nothing is fetched). */
export function createI18n(lng: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    resources: { kk: { translation: catalogs.kk }, ru: { translation: catalogs.ru }, en: { translation: catalogs.en } },
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
