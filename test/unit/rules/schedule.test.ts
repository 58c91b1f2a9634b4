import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, firstDayOfMonth, quarterOf, toYmd } from '../../../shared/domain/dates';
import {
  DECREE_615,
  InvalidRuleSetsError,
  groupFor,
  nextWindowStart,
  obligationsFor,
  validateRuleSet,
  type Obligation,
  type RuleSet,
} from '../../../shared/domain/rules';
import { REPORTING_UNIT_KINDS, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import {
  DECREE_615_TO_2019,
  GROUP_KINDS,
  YEARLY_FROM_2020,
  YEARLY_FROM_2026,
  isoDateArb,
  isoRangeArb,
  kindArb,
  ruleSetArb,
} from './fixtures';

type Row = [windowKey: string, windowStart: string, windowEnd: string, coversStart: string, coversEnd: string];

function rows(obligations: Obligation[]): Row[] {
  return obligations.map((o) => [o.windowKey, o.windowStart, o.windowEnd, o.coversStart, o.coversEnd]);
}

const AROUND_2013: Record<'A' | 'B' | 'C', Row[]> = {
  A: [['2014-Q1', '2014-01-01', '2014-03-31', '2013-01-01', '2013-12-31']],
  B: [
    ['2014-Q1', '2014-01-01', '2014-03-31', '2013-07-01', '2013-12-31'],
    ['2014-Q3', '2014-07-01', '2014-09-30', '2014-01-01', '2014-06-30'],
  ],
  C: [
    ['2013-M10', '2013-10-01', '2013-10-31', '2013-07-01', '2013-09-30'],
    ['2014-M01', '2014-01-01', '2014-01-31', '2013-10-01', '2013-12-31'],
    ['2014-M04', '2014-04-01', '2014-04-30', '2014-01-01', '2014-03-31'],
    ['2014-M07', '2014-07-01', '2014-07-31', '2014-04-01', '2014-06-30'],
    ['2014-M10', '2014-10-01', '2014-10-31', '2014-07-01', '2014-09-30'],
  ],
};

const KIND_CASES = Object.entries(GROUP_KINDS).flatMap(([group, kinds]) =>
  kinds.map((kind) => [group as 'A' | 'B' | 'C', kind] as const),
);

describe('obligationsFor under Decree 615', () => {
  it.each(KIND_CASES)('group %s (%s): nothing before 2013-10-01, then the point 2 schedule', (group, kind) => {
    const obligations = obligationsFor([DECREE_615], kind, '2013-01-01', '2014-12-31');
    expect(rows(obligations)).toEqual(AROUND_2013[group]);
    for (const o of obligations) {
      expect(o).toMatchObject({ ruleSetId: 'decree-615', group, kind, reportDueMonths: group === 'A' ? 1 : null });
    }
  });

  it.each([
    ['rural_okrug', '2014-01-31', '2014-01-31', ['2014-M01']],
    ['rural_okrug', '2014-02-01', '2014-03-31', []],
    ['rural_okrug', '2014-03-31', '2014-04-01', ['2014-M04']],
    ['rural_okrug', '2013-09-30', '2013-10-01', ['2013-M10']],
    ['rural_okrug', '2013-01-01', '2013-09-30', []],
    ['district', '2014-03-31', '2014-07-01', ['2014-Q1', '2014-Q3']],
    ['district', '2014-04-01', '2014-06-30', []],
    ['oblast', '2015-02-15', '2015-02-15', ['2015-Q1']],
    ['oblast', '2015-04-01', '2015-12-31', []],
  ] as const)('%s over %s..%s: inclusive overlap', (kind, from, to, keys) => {
    expect(obligationsFor([DECREE_615], kind, from, to).map((o) => o.windowKey)).toEqual(keys);
  });

  it('rejects invalid or reversed ranges', () => {
    expect(() => obligationsFor([DECREE_615], 'village', '2014-02-30', '2014-03-01')).toThrow(RangeError);
    expect(() => obligationsFor([DECREE_615], 'village', '2014-03-01', '2014-3-02')).toThrow(RangeError);
    expect(() => obligationsFor([DECREE_615], 'village', '2014-03-02', '2014-03-01')).toThrow(RangeError);
  });

  it('refuses unsound rule sets, and two taking over the same kind on the same day', () => {
    const broken: RuleSet = { ...DECREE_615, effectiveTo: '2000-01-01' };
    expect(() => obligationsFor([broken], 'village', '2014-01-01', '2014-12-31')).toThrow(InvalidRuleSetsError);
    const sameDay: RuleSet = { ...YEARLY_FROM_2020, effectiveFrom: '2013-10-01' };
    const both = () => obligationsFor([DECREE_615, sameDay], 'village', '2014-01-01', '2014-12-31');
    expect(both).toThrow(InvalidRuleSetsError);
    expect(both).toThrow(/rule_sets_same_start/);
  });

  it('returns nothing without a rule set for the kind', () => {
    expect(obligationsFor([], 'village', '2014-01-01', '2014-12-31')).toEqual([]);
  });
});

describe('a successor rule set truncating 615', () => {
  const SETS = [DECREE_615_TO_2019, YEARLY_FROM_2020];

  it.each(KIND_CASES)('group %s (%s): obligations up to 2019 are unchanged', (_, kind) => {
    expect(obligationsFor(SETS, kind, '2013-01-01', '2019-12-31')).toEqual(
      obligationsFor([DECREE_615], kind, '2013-01-01', '2019-12-31'),
    );
  });

  it.each([
    ['rural_okrug', ['2019-M01', '2019-M04', '2019-M07', '2019-M10', '2020-Q1', '2021-Q1']],
    ['district', ['2019-Q1', '2019-Q3', '2020-Q1', '2021-Q1']],
    ['oblast', ['2019-Q1', '2020-Q1', '2021-Q1']],
  ] as const)('%s switches to the yearly schedule in 2020', (kind, keys) => {
    const obligations = obligationsFor(SETS, kind, '2019-01-01', '2021-12-31');
    expect(obligations.map((o) => o.windowKey)).toEqual(keys);
    expect(obligations.filter((o) => o.windowStart >= '2020-01-01').every((o) => o.ruleSetId === 'yearly-2020')).toBe(
      true,
    );
    expect(obligations.find((o) => o.windowKey === '2020-Q1')).toMatchObject({
      group: 'ALL',
      coversStart: '2019-01-01',
      coversEnd: '2019-12-31',
      reportDueMonths: null,
    });
  });

  it('keeps a window that opens before a mid-year effectiveTo, even if it closes after', () => {
    const toMidJuly: RuleSet = { ...DECREE_615, effectiveTo: '2019-07-15' };
    const keys = obligationsFor([toMidJuly], 'district', '2019-01-01', '2020-12-31').map((o) => o.windowKey);
    expect(keys).toEqual(['2019-Q1', '2019-Q3']);
  });

  it('finds the next window across rule sets and gaps, or none', () => {
    const from2022: RuleSet = { ...YEARLY_FROM_2020, effectiveFrom: '2022-02-01' };
    expect(nextWindowStart(SETS, 'village', '2019-10-01')).toBe('2020-01-01');
    expect(nextWindowStart([DECREE_615_TO_2019, from2022], 'village', '2019-10-01')).toBe('2023-01-01');
    expect(nextWindowStart([DECREE_615_TO_2019], 'village', '2019-10-01')).toBeNull();
    expect(nextWindowStart([DECREE_615], 'oblast', '2000-01-01')).toBe('2014-01-01');
    expect(() => nextWindowStart([DECREE_615], 'oblast', '2000-02-30')).toThrow(RangeError);
    const sameDay: RuleSet = { ...YEARLY_FROM_2020, effectiveFrom: '2013-10-01' };
    expect(() => nextWindowStart([DECREE_615, sameDay], 'oblast', '2000-01-01')).toThrow(InvalidRuleSetsError);
  });
});

describe('a later rule set superseding the open-ended 615', () => {
  const keys = (sets: readonly RuleSet[], kind: ReportingUnitKind, from: string, to: string) =>
    obligationsFor(sets, kind, from, to).map((o) => `${o.ruleSetId}:${o.windowKey}`);

  it.each(KIND_CASES)('group %s (%s): the same as closing 615 by hand the day before', (_, kind) => {
    expect(obligationsFor([DECREE_615, YEARLY_FROM_2020], kind, '2013-01-01', '2030-12-31')).toEqual(
      obligationsFor([DECREE_615_TO_2019, YEARLY_FROM_2020], kind, '2013-01-01', '2030-12-31'),
    );
  });

  it.each([
    ['rural_okrug', ['decree-615:2025-M01', 'decree-615:2025-M04', 'decree-615:2025-M07', 'decree-615:2025-M10']],
    ['district', ['decree-615:2025-Q1', 'decree-615:2025-Q3']],
    ['oblast', ['decree-615:2025-Q1']],
  ] as const)('"from 2026 all akims once a year in Q1" leaves 2025 alone and gives %s one Q1 window from 2026', (kind, in2025) => {
    const sets = [DECREE_615, YEARLY_FROM_2026];
    expect(keys(sets, kind, '2025-01-01', '2025-12-31')).toEqual(in2025);
    expect(keys(sets, kind, '2026-01-01', '2027-12-31')).toEqual(['yearly-2026:2026-Q1', 'yearly-2026:2027-Q1']);
  });

  it('one covering only rural okrugs leaves districts and villages under 615', () => {
    const okrugs: RuleSet = {
      ...YEARLY_FROM_2026,
      id: 'okrugs-2026',
      groups: [{ ...YEARLY_FROM_2026.groups[0]!, kinds: ['rural_okrug'] }],
    };
    const sets = [DECREE_615, okrugs];
    expect(keys(sets, 'rural_okrug', '2026-01-01', '2026-12-31')).toEqual(['okrugs-2026:2026-Q1']);
    expect(keys(sets, 'district', '2026-01-01', '2026-12-31')).toEqual(['decree-615:2026-Q1', 'decree-615:2026-Q3']);
    expect(keys(sets, 'village', '2026-01-01', '2026-04-30')).toEqual(['decree-615:2026-M01', 'decree-615:2026-M04']);
  });

  it('keeps a window that opened under 615 before the new set took effect mid-year', () => {
    const fromAugust: RuleSet = { ...YEARLY_FROM_2026, effectiveFrom: '2026-08-15' };
    expect(keys([DECREE_615, fromAugust], 'district', '2026-01-01', '2027-12-31')).toEqual([
      'decree-615:2026-Q1',
      'decree-615:2026-Q3',
      'yearly-2026:2027-Q1',
    ]);
    expect(nextWindowStart([DECREE_615, fromAugust], 'district', '2026-07-01')).toBe('2027-01-01');
  });

  it('a later set that ends leaves its kinds without windows: the repealed 615 does not revive', () => {
    const only2026: RuleSet = { ...YEARLY_FROM_2026, effectiveTo: '2026-12-31' };
    expect(keys([DECREE_615, only2026], 'village', '2025-10-01', '2028-12-31')).toEqual([
      'decree-615:2025-M10',
      'yearly-2026:2026-Q1',
    ]);
    expect(nextWindowStart([DECREE_615, only2026], 'village', '2026-01-01')).toBeNull();
  });

  it('a third set supersedes the second for the kinds it covers', () => {
    const third: RuleSet = {
      ...YEARLY_FROM_2026,
      id: 'half-2028',
      effectiveFrom: '2028-01-01',
      groups: [
        {
          code: 'H',
          kinds: ['district', 'oblast'],
          windows: [
            { key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -6, coversMonths: 6 },
            { key: 'Q3', startMonth: 7, lengthMonths: 3, coversOffsetMonths: -6, coversMonths: 6 },
          ],
          reportDueMonths: null,
        },
      ],
    };
    const sets = [third, DECREE_615, YEARLY_FROM_2026];
    expect(keys(sets, 'district', '2025-01-01', '2028-12-31')).toEqual([
      'decree-615:2025-Q1',
      'decree-615:2025-Q3',
      'yearly-2026:2026-Q1',
      'yearly-2026:2027-Q1',
      'half-2028:2028-Q1',
      'half-2028:2028-Q3',
    ]);
    expect(keys(sets, 'village', '2027-12-01', '2028-12-31')).toEqual(['yearly-2026:2028-Q1']);
  });
});

describe('obligationsFor properties', () => {
  const setsArb = fc.constantFrom<readonly RuleSet[]>(
    [DECREE_615],
    [DECREE_615_TO_2019, YEARLY_FROM_2020],
    [DECREE_615, YEARLY_FROM_2020],
  );
  const rangeArb = isoRangeArb('2010-01-01', '2030-12-31');

  function setOf(sets: readonly RuleSet[], o: Obligation): RuleSet {
    return sets.find((rs) => rs.id === o.ruleSetId)!;
  }

  it('are sorted, disjoint, inside the range and the effective range, and report on what precedes the window', () => {
    fc.assert(
      fc.property(setsArb, kindArb, rangeArb, (sets, kind, [from, to]) => {
        const obligations = obligationsFor(sets, kind, from, to);
        obligations.forEach((o, i) => {
          const rs = setOf(sets, o);
          expect(o.kind).toBe(kind);
          expect(o.windowStart <= o.windowEnd).toBe(true);
          expect(o.windowStart <= to && o.windowEnd >= from).toBe(true);
          expect(o.windowStart >= rs.effectiveFrom).toBe(true);
          if (rs.effectiveTo !== null) expect(o.windowStart <= rs.effectiveTo).toBe(true);
          expect(o.windowKey.startsWith(`${toYmd(o.windowStart).year}-`)).toBe(true);
          // Every rule here reports on the period that ends the day before its window opens.
          expect(o.coversEnd).toBe(addDays(o.windowStart, -1));
          expect(o.coversStart <= o.coversEnd).toBe(true);
          const prev = obligations[i - 1];
          if (prev !== undefined) expect(prev.windowEnd < o.windowStart).toBe(true);
        });
      }),
    );
  });

  it('a sub-range sees exactly the windows of a wider range that overlap it', () => {
    fc.assert(
      fc.property(setsArb, kindArb, rangeArb, (sets, kind, [from, to]) => {
        const wide = obligationsFor(sets, kind, '2009-01-01', '2031-12-31');
        const expected = wide.filter((o) => o.windowStart <= to && o.windowEnd >= from);
        expect(obligationsFor(sets, kind, from, to)).toEqual(expected);
      }),
    );
  });

  it('the next window after one is the one that follows it in the schedule', () => {
    fc.assert(
      fc.property(setsArb, kindArb, isoDateArb('2010-01-01', '2030-12-31'), (sets, kind, date) => {
        const ahead = obligationsFor(sets, kind, addDays(date, 1), '2032-12-31');
        expect(nextWindowStart(sets, kind, date)).toBe(ahead.find((o) => o.windowStart > date)?.windowStart ?? null);
      }),
    );
  });

  it.each(GROUP_KINDS.C.map((kind): [ReportingUnitKind] => [kind]))(
    'group C (%s): from 2013-10-01 each day is in the window of its quarter or in the gap after it',
    (kind) => {
      fc.assert(
        fc.property(isoDateArb('2013-10-01', '2040-12-31'), (day) => {
          const here = obligationsFor([DECREE_615], kind, day, day);
          const { year, month } = toYmd(day);
          const inFirstMonth = (month - 1) % 3 === 0;
          expect(here.length).toBe(inFirstMonth ? 1 : 0);
          const quarterStart = firstDayOfMonth(year, (quarterOf(day) - 1) * 3 + 1);
          const claiming = obligationsFor([DECREE_615], kind, quarterStart, day);
          expect(claiming.map((o) => o.windowStart)).toEqual([quarterStart]);
        }),
      );
    },
  );
});

describe('supersession properties', () => {
  // Any two sound sets taking effect on different days; 615 itself is often the earlier one.
  const pairArb = fc
    .tuple(fc.oneof(fc.constant(DECREE_615), ruleSetArb('first')), ruleSetArb('second'))
    .filter(([a, b]) => a.effectiveFrom !== b.effectiveFrom)
    .map(([a, b]) => (a.effectiveFrom < b.effectiveFrom ? { earlier: a, later: b } : { earlier: b, later: a }));
  const FROM = '2012-01-01';
  const TO = '2040-12-31';

  it('generates sound sets', () => {
    fc.assert(
      fc.property(ruleSetArb('x'), (rs) => {
        expect(validateRuleSet(rs)).toEqual([]);
      }),
    );
  });

  it('before the later set takes effect a kind has the earlier set’s windows alone, from then on the later set’s alone', () => {
    fc.assert(
      fc.property(pairArb, fc.boolean(), ({ earlier, later }, laterFirst) => {
        const sets = laterFirst ? [later, earlier] : [earlier, later];
        for (const kind of REPORTING_UNIT_KINDS) {
          const both = obligationsFor(sets, kind, FROM, TO);
          const alone = (rs: RuleSet) => obligationsFor([rs], kind, FROM, TO);
          if (groupFor(later, kind) === null) {
            expect(both).toEqual(alone(earlier));
            continue;
          }
          const cut = later.effectiveFrom;
          expect(both.filter((o) => o.windowStart < cut)).toEqual(alone(earlier).filter((o) => o.windowStart < cut));
          expect(both.filter((o) => o.windowStart >= cut)).toEqual(alone(later));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the next window after any day is the first one the schedule lists after it', () => {
    fc.assert(
      fc.property(pairArb, kindArb, isoDateArb('2012-01-01', '2038-12-31'), ({ earlier, later }, kind, date) => {
        const sets = [earlier, later];
        const ahead = obligationsFor(sets, kind, addDays(date, 1), '2045-12-31');
        expect(nextWindowStart(sets, kind, date)).toBe(ahead.find((o) => o.windowStart > date)?.windowStart ?? null);
      }),
    );
  });
});
