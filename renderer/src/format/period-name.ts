import type { TFunction } from 'i18next';
import { namePeriod, type ReportPeriod } from '../../../shared/domain/reports/period';
import type { UiLanguage } from '../../../shared/i18n';
import { formatOfficialDate } from './dates';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** A quarter as the calendar's headers write it: III. */
export const romanQuarter = (quarter: 1 | 2 | 3 | 4): string => ROMAN[quarter - 1]!;

/** A period in words: "2025 жылдың III тоқсаны", "Первое полугодие 2025 г.", or its two dates in the official style. */
export function periodName(period: ReportPeriod, t: TFunction, lng: UiLanguage): string {
  const name = namePeriod(period);
  switch (name.kind) {
    case 'year':
      return t('Reports.period.name.year', { year: name.year });
    case 'half':
      return t(name.half === 1 ? 'Reports.period.name.half1' : 'Reports.period.name.half2', { year: name.year });
    case 'quarter':
      return t('Reports.period.name.quarter', { year: name.year, quarter: romanQuarter(name.quarter) });
    case 'range':
      return t('Dates.range', { from: formatOfficialDate(period.start, lng), to: formatOfficialDate(period.end, lng) });
  }
}
