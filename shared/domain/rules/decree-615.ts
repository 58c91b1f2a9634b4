import type { RuleSet } from './rule-set';

/**
 * Decree No. 615 of 15 August 2013, point 2 (schedule) and point 3 (group A reports upwards
 * within a month), in force from 1 October 2013 (point 7). See shared/domain/decree-615.md.
 * Frozen because it is shared by every caller; a later decree is a new RuleSet plus an
 * effectiveTo on a copy of this one.
 */
export const DECREE_615: RuleSet = deepFreeze({
  id: 'decree-615',
  nameKk:
    'Қазақстан Республикасы Президентінің 2013 жылғы 15 тамыздағы № 615 «Әкімдердің халықпен есепті кездесулер өткізуі туралы» Жарлығы',
  nameRu:
    'Указ Президента РК от 15 августа 2013 года № 615 «О проведении акимами отчетных встреч с населением»',
  effectiveFrom: '2013-10-01',
  effectiveTo: null,
  groups: [
    {
      // 2.1: yearly, during Q1, on the previous calendar year.
      code: 'A',
      kinds: ['oblast', 'republican_city', 'capital'],
      windows: [{ key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 }],
      reportDueMonths: 1,
    },
    {
      // 2.2: every half-year, during Q1 and Q3, on the half-year just ended.
      code: 'B',
      kinds: ['district', 'oblast_city', 'city_district'],
      windows: [
        { key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -6, coversMonths: 6 },
        { key: 'Q3', startMonth: 7, lengthMonths: 3, coversOffsetMonths: -6, coversMonths: 6 },
      ],
      reportDueMonths: null,
    },
    {
      // 2.3: every quarter, during its first month, on the quarter just ended.
      code: 'C',
      kinds: ['district_city', 'rural_okrug', 'settlement', 'village'],
      windows: [
        { key: 'M01', startMonth: 1, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
        { key: 'M04', startMonth: 4, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
        { key: 'M07', startMonth: 7, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
        { key: 'M10', startMonth: 10, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
      ],
      reportDueMonths: null,
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
