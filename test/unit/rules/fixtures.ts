import fc from 'fast-check';
import type { IsoDate } from '../../../shared/domain/dates';
import { DECREE_615, type RuleSet } from '../../../shared/domain/rules';
import { REPORTING_UNIT_KINDS, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';

const DAY_MS = 86_400_000;

/** JavaScript's UTC calendar serves as the independent oracle for the integer date code. */
export function utcIso(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function utcEpochDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function isoDateArb(min: IsoDate, max: IsoDate): fc.Arbitrary<IsoDate> {
  return fc.integer({ min: utcEpochDay(min), max: utcEpochDay(max) }).map(utcIso);
}

/** Two dates from the interval, in order. */
export function isoRangeArb(min: IsoDate, max: IsoDate): fc.Arbitrary<[IsoDate, IsoDate]> {
  return fc
    .tuple(isoDateArb(min, max), isoDateArb(min, max))
    .map(([a, b]): [IsoDate, IsoDate] => (a <= b ? [a, b] : [b, a]));
}

export const kindArb: fc.Arbitrary<ReportingUnitKind> = fc.constantFrom(...REPORTING_UNIT_KINDS);

/** A hypothetical successor: every akim once a year in Q1, reporting on the previous year. */
export const YEARLY_FROM_2020: RuleSet = {
  id: 'yearly-2020',
  nameKk: 'Жылына бір рет',
  nameRu: 'Раз в год',
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  groups: [
    {
      code: 'ALL',
      kinds: [...REPORTING_UNIT_KINDS],
      windows: [{ key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 }],
      reportDueMonths: null,
    },
  ],
};

export const DECREE_615_TO_2019: RuleSet = { ...DECREE_615, effectiveTo: '2019-12-31' };

export const GROUP_KINDS: Record<'A' | 'B' | 'C', readonly ReportingUnitKind[]> = {
  A: ['oblast', 'republican_city', 'capital'],
  B: ['district', 'oblast_city', 'city_district'],
  C: ['district_city', 'rural_okrug', 'settlement', 'village'],
};
