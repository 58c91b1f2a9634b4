import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  fromYmd,
  isIsoDate,
  lastDayOfMonth,
  quarterOf,
  weekdayIndex,
  toYmd,
} from '../../../shared/domain/dates';
import { isoDateArb, utcEpochDay, utcIso } from './fixtures';

const dateArb = isoDateArb('1900-01-01', '2200-12-31');
const monthsArb = fc.integer({ min: -2400, max: 2400 });

/** The clamped month arithmetic, worked out with JavaScript's UTC calendar. */
function utcAddMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const firstOfTarget = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

describe('date helpers', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2013-12-31', 1, '2014-01-01'],
    ['2014-01-01', -1, '2013-12-31'],
    ['2000-03-01', -1, '2000-02-29'],
    ['1900-03-01', -1, '1900-02-28'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-15', 1, '2025-04-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-05-31', 0, '2025-05-31'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    [2014, 1, '2014-01-01', '2014-01-31'],
    [2014, 13, '2015-01-01', '2015-01-31'],
    [2014, 0, '2013-12-01', '2013-12-31'],
    [2014, -11, '2013-01-01', '2013-01-31'],
    [2024, 2, '2024-02-01', '2024-02-29'],
  ])('month %i/%i runs %s..%s', (year, month, first, last) => {
    expect(firstDayOfMonth(year, month)).toBe(first);
    expect(lastDayOfMonth(year, month)).toBe(last);
  });

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '999-01-01', '', '2025-01-01T00:00']) {
      expect(() => toYmd(bad)).toThrow(RangeError);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    }
    expect(() => fromYmd(2025, 2, 29)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2025-01-01', Number.NaN)).toThrow(RangeError);
  });

  it.each([
    ['2025-01-01', 1],
    ['2025-03-31', 1],
    ['2025-04-01', 2],
    ['2025-09-30', 3],
    ['2025-10-01', 4],
    ['2025-12-31', 4],
  ] as const)('quarterOf(%s) = %i', (date, q) => {
    expect(quarterOf(date)).toBe(q);
  });

  describe('properties', () => {
    it('addDays agrees with the UTC calendar and round-trips', () => {
      fc.assert(
        fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
          const moved = addDays(date, days);
          expect(moved).toBe(utcIso(utcEpochDay(date) + days));
          expect(addDays(moved, -days)).toBe(date);
        }),
      );
    });

    it('addMonths agrees with the UTC calendar, clamps, and round-trips from days <= 28', () => {
      fc.assert(
        fc.property(dateArb, monthsArb, (date, months) => {
          const moved = addMonths(date, months);
          expect(moved).toBe(utcAddMonths(date, months));
          const { day } = toYmd(date);
          if (day <= 28) expect(addMonths(moved, -months)).toBe(date);
          expect(toYmd(moved).day).toBeLessThanOrEqual(day);
        }),
      );
    });

    it('month bounds agree with the UTC calendar for any month offset', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: -240, max: 240 }), (year, month) => {
          expect(firstDayOfMonth(year, month)).toBe(utcIso(Date.UTC(year, month - 1, 1) / 86_400_000));
          expect(lastDayOfMonth(year, month)).toBe(utcIso(Date.UTC(year, month, 0) / 86_400_000));
        }),
      );
    });

    it('daysInMonth agrees with the UTC calendar', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
          expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
        }),
      );
    });

    it('toYmd and fromYmd are inverse; string order is calendar order; quarters follow months', () => {
      fc.assert(
        fc.property(dateArb, dateArb, (a, b) => {
          const { year, month, day } = toYmd(a);
          expect(fromYmd(year, month, day)).toBe(a);
          expect(isIsoDate(a)).toBe(true);
          expect(Math.sign(compareIsoDates(a, b))).toBe(Math.sign(utcEpochDay(a) - utcEpochDay(b)));
          expect(quarterOf(a)).toBe(Math.ceil(month / 3));
        }),
      );
    });
  });
});

describe('daysBetween and weekdayIndex', () => {
  it.each([
    ['2026-03-15', '2026-03-31', 16],
    ['2026-03-15', '2026-03-15', 0],
    ['2026-03-15', '2026-01-31', -43],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-03-29', '2025-03-31', 2],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('undoes addDays for any date and any offset', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('agrees with JavaScript on the weekday (Monday = 0)', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(weekdayIndex(date)).toBe((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7);
      }),
    );
    expect(weekdayIndex('2026-11-30')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
  });
});
