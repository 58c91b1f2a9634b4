import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { namePeriod, parsePeriod, periodKey, quarterPeriod, quartersEndingAt, quickPeriod, yearPeriod } from '../../../shared/domain/reports/period';

describe('report periods', () => {
  it.each([
    ['2026', { start: '2026-01-01', end: '2026-12-31' }],
    ['2026-H1', { start: '2026-01-01', end: '2026-06-30' }],
    ['2026-H2', { start: '2026-07-01', end: '2026-12-31' }],
    ['2026-Q1', { start: '2026-01-01', end: '2026-03-31' }],
    ['2024-Q1', { start: '2024-01-01', end: '2024-03-31' }],
    ['2026-Q3', { start: '2026-07-01', end: '2026-09-30' }],
    ['2026-01-01..2026-06-30', { start: '2026-01-01', end: '2026-06-30' }],
    [' 2026-02-15..2026-02-15 ', { start: '2026-02-15', end: '2026-02-15' }],
  ])('reads %s', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(['', '26', '2026-H3', '2026-Q5', '2026-Q0', '2026-13-01..2026-12-31', '2026-02-30..2026-03-01', '2026-06-30..2026-01-01', '2026-01-01..', '2026-01-01...2026-02-01'])(
    'refuses %j',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );

  it('names a period by its days, and writes it back in the CLI notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2013, max: 2100 }), fc.constantFrom('', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'), (year, suffix) => {
        const text = `${year}${suffix}`;
        expect(periodKey(parsePeriod(text)!)).toBe(text);
      }),
    );
    expect(namePeriod({ start: '2026-01-01', end: '2026-03-31' })).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(periodKey({ start: '2026-01-02', end: '2026-03-31' })).toBe('2026-01-02..2026-03-31');
  });

  it('four quarters tile their year: each starts the day after the last one ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2013, max: 2100 }), (year) => {
        const quarters = ([1, 2, 3, 4] as const).map((q) => quarterPeriod(year, q));
        expect(quarters[0]!.start).toBe(yearPeriod(year).start);
        expect(quarters[3]!.end).toBe(yearPeriod(year).end);
        for (let i = 1; i < 4; i++) expect(quarters[i]!.start).toBe(addDays(quarters[i - 1]!.end, 1));
      }),
    );
  });

  it('quick picks are relative to today', () => {
    expect(quickPeriod('thisQuarter', '2026-05-10')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(quickPeriod('lastQuarter', '2026-05-10')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quickPeriod('lastQuarter', '2026-02-10')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(quickPeriod('thisHalf', '2026-08-01')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(quickPeriod('thisYear', '2026-08-01')).toEqual(yearPeriod(2026));
    expect(quickPeriod('lastYear', '2026-08-01')).toEqual(yearPeriod(2025));
  });

  it('the trend is the eight quarters up to the one a date falls in, oldest first, without gaps', () => {
    const quarters = quartersEndingAt('2026-05-10', 8);
    expect(quarters.map((q) => q.key)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    for (let i = 1; i < quarters.length; i++) expect(quarters[i]!.start).toBe(addDays(quarters[i - 1]!.end, 1));
  });
});
