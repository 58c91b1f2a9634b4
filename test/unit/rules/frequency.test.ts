import { describe, expect, it } from 'vitest';
import {
  DECREE_615,
  buildWindows,
  cadenceOf,
  coverageOf,
  lastMonthOf,
  periodicSpans,
  previousPeriodCoverage,
  validateRuleSet,
  windowKeyFor,
  type RuleSet,
  type WindowRule,
} from '../../../shared/domain/rules';

const group = (code: string) => DECREE_615.groups.find((g) => g.code === code)!;

describe('building windows from the Settings form’s terms', () => {
  it.each([
    ['A: once a year in Q1', periodicSpans(12, 1, 3), 'A'],
    ['B: every half-year in its first quarter', periodicSpans(6, 1, 3), 'B'],
    ['C: every quarter in its first month', periodicSpans(3, 1, 1), 'C'],
  ] as const)('%s, on the previous period, gives Decree 615’s windows', (_, spans, code) => {
    const period = 12 / spans.length;
    expect(buildWindows(spans, { kind: 'previousPeriod', periodMonths: period })).toEqual(group(code).windows);
    // For windows on period boundaries, "since the previous window" is the same thing.
    expect(buildWindows(spans, { kind: 'sincePrevious' })).toEqual(group(code).windows);
  });

  it('reports on the previous calendar year from a window that opens in February', () => {
    expect(previousPeriodCoverage(2, 12)).toEqual({ coversOffsetMonths: -13, coversMonths: 12 });
    expect(previousPeriodCoverage(8, 6)).toEqual({ coversOffsetMonths: -7, coversMonths: 6 });
    expect(previousPeriodCoverage(5, 3)).toEqual({ coversOffsetMonths: -4, coversMonths: 3 });
    expect(previousPeriodCoverage(5, 1)).toEqual({ coversOffsetMonths: -1, coversMonths: 1 });
  });

  it('covers the months since the previous window, across the turn of the year', () => {
    const windows = buildWindows(
      [
        { startMonth: 9, lengthMonths: 1 },
        { startMonth: 2, lengthMonths: 2 },
      ],
      { kind: 'sincePrevious' },
    );
    expect(windows).toEqual([
      { key: 'M02', startMonth: 2, lengthMonths: 2, coversOffsetMonths: -5, coversMonths: 5 },
      { key: 'M09', startMonth: 9, lengthMonths: 1, coversOffsetMonths: -7, coversMonths: 7 },
    ]);
  });

  it('covers a fixed number of months before each window', () => {
    expect(buildWindows(periodicSpans(6, 2, 1), { kind: 'monthsBefore', months: 4 })).toEqual([
      { key: 'M02', startMonth: 2, lengthMonths: 1, coversOffsetMonths: -4, coversMonths: 4 },
      { key: 'M08', startMonth: 8, lengthMonths: 1, coversOffsetMonths: -4, coversMonths: 4 },
    ]);
  });

  it('names quarter windows Q1..Q4 and others by their first month', () => {
    expect(windowKeyFor({ startMonth: 10, lengthMonths: 3 })).toBe('Q4');
    expect(windowKeyFor({ startMonth: 2, lengthMonths: 3 })).toBe('M02');
    expect(windowKeyFor({ startMonth: 1, lengthMonths: 6 })).toBe('M01');
    expect(lastMonthOf({ startMonth: 11, lengthMonths: 3 })).toBe(1);
  });

  it('builds sound sets for every preset month and length', () => {
    for (const period of [12, 6, 4, 3, 2, 1]) {
      for (let month = 1; month <= period; month++) {
        for (let length = 1; length <= period; length++) {
          const windows = buildWindows(periodicSpans(period, month, length), { kind: 'sincePrevious' });
          const rs: RuleSet = { ...DECREE_615, groups: [{ code: 'G', kinds: ['village'], windows, reportDueMonths: null }] };
          expect(validateRuleSet(rs), `${period}/${month}/${length}`).toEqual([]);
        }
      }
    }
  });
});

describe('reading the terms back from any windows', () => {
  it('describes Decree 615’s groups', () => {
    expect(cadenceOf(group('A').windows)).toMatchObject({ count: 1, periodMonths: 12, monthOfPeriod: 1 });
    expect(cadenceOf(group('B').windows)).toMatchObject({ count: 2, periodMonths: 6, monthOfPeriod: 1 });
    expect(cadenceOf(group('C').windows)).toMatchObject({ count: 4, periodMonths: 3, monthOfPeriod: 1 });
    expect(coverageOf(group('A').windows)).toEqual({ kind: 'previousPeriod', periodMonths: 12 });
    expect(coverageOf(group('B').windows)).toEqual({ kind: 'previousPeriod', periodMonths: 6 });
    expect(coverageOf(group('C').windows)).toEqual({ kind: 'previousPeriod', periodMonths: 3 });
  });

  it('finds no period in uneven windows, in any order', () => {
    const windows: WindowRule[] = [
      { key: 'M04', startMonth: 4, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
      { key: 'M01', startMonth: 1, lengthMonths: 1, coversOffsetMonths: -3, coversMonths: 3 },
    ];
    expect(cadenceOf(windows)).toEqual({
      count: 2,
      spans: [
        { startMonth: 1, lengthMonths: 1 },
        { startMonth: 4, lengthMonths: 1 },
      ],
      periodMonths: null,
      monthOfPeriod: null,
    });
    const thrice = [1, 5, 9].map((startMonth) => ({ ...windows[0]!, key: `M0${startMonth}`, startMonth }));
    expect(cadenceOf(thrice)).toMatchObject({ count: 3, periodMonths: 4, monthOfPeriod: 1 });
    expect(cadenceOf([...windows, thrice[2]!]).periodMonths).toBeNull();
  });

  it('tells a fixed number of months before the window from a calendar period, and a mix from both', () => {
    expect(coverageOf(buildWindows(periodicSpans(6, 2, 1), { kind: 'monthsBefore', months: 4 }))).toEqual({
      kind: 'monthsBefore',
      months: 4,
    });
    const mixed = buildWindows([{ startMonth: 9, lengthMonths: 1 }, { startMonth: 2, lengthMonths: 2 }], { kind: 'sincePrevious' });
    expect(coverageOf(mixed)).toEqual({ kind: 'varies' });
  });
});
