import fc from 'fast-check';
import { addDays, type IsoDate } from '../../../shared/domain/dates';
import {
  DECREE_615,
  buildWindows,
  periodicSpans,
  type CoverageChoice,
  type RuleGroup,
  type RuleSet,
  type WindowSpan,
} from '../../../shared/domain/rules';
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

/** A setting of the 2026 example in issue 3: all akims once a year in Q1, on the previous year. */
export const YEARLY_FROM_2026: RuleSet = { ...YEARLY_FROM_2020, id: 'yearly-2026', effectiveFrom: '2026-01-01' };

const spansArb: fc.Arbitrary<WindowSpan[]> = fc.oneof(
  // Evenly spaced, as every preset of the Settings form builds them.
  fc
    .constantFrom(12, 6, 4, 3, 2, 1)
    .chain((period) =>
      fc
        .tuple(fc.integer({ min: 1, max: period }), fc.integer({ min: 1, max: period }))
        .map(([month, length]) => periodicSpans(period, month, length)),
    ),
  // Irregular one-month windows.
  fc
    .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 })
    .map((months) => months.map((startMonth) => ({ startMonth, lengthMonths: 1 }))),
);

const coverageArb: fc.Arbitrary<CoverageChoice> = fc.oneof(
  fc.constantFrom(12, 6, 3, 1).map((periodMonths) => ({ kind: 'previousPeriod' as const, periodMonths })),
  fc.constant({ kind: 'sincePrevious' as const }),
  fc.integer({ min: 1, max: 24 }).map((months) => ({ kind: 'monthsBefore' as const, months })),
);

/**
 * Any sound rule set: each reporting kind in one of up to three groups or in none (at least
 * one kind somewhere), windows from spansArb, from 2013 to 2035, open-ended or not.
 */
export function ruleSetArb(id: string): fc.Arbitrary<RuleSet> {
  const groupOfKind = fc
    .array(fc.integer({ min: -1, max: 2 }), { minLength: REPORTING_UNIT_KINDS.length, maxLength: REPORTING_UNIT_KINDS.length })
    .filter((slots) => slots.some((s) => s >= 0));
  const groupShape = fc.record({
    spans: spansArb,
    coverage: coverageArb,
    reportDueMonths: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  });
  return fc
    .record({
      effectiveFrom: isoDateArb('2013-01-01', '2035-12-31'),
      lastsDays: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
      groupOfKind,
      shapes: fc.tuple(groupShape, groupShape, groupShape),
    })
    .map(({ effectiveFrom, lastsDays, groupOfKind: slots, shapes }) => {
      const groups: RuleGroup[] = shapes.flatMap((shape, g) => {
        const kinds = REPORTING_UNIT_KINDS.filter((_, i) => slots[i] === g);
        if (kinds.length === 0) return [];
        return [{ code: `G${g + 1}`, kinds, windows: buildWindows(shape.spans, shape.coverage), reportDueMonths: shape.reportDueMonths }];
      });
      return {
        id,
        nameKk: id,
        nameRu: id,
        effectiveFrom,
        effectiveTo: lastsDays === null ? null : addDays(effectiveFrom, lastsDays),
        groups,
      };
    });
}
