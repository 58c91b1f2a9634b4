import { describe, expect, it } from 'vitest';
import {
  DECREE_615,
  RULE_SET_PROBLEM_CODES,
  findConflicts,
  periodsInForce,
  validateRuleSet,
  type RuleGroup,
  type RuleSet,
  type RuleSetProblemCode,
  type WindowRule,
} from '../../../shared/domain/rules';
import type { ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { DECREE_615_TO_2019, GROUP_KINDS, YEARLY_FROM_2020 } from './fixtures';

const Q1: WindowRule = { key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 };

function setWith(group: Partial<RuleGroup>, set: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'test',
    nameKk: 'kk',
    nameRu: 'ru',
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    groups: [{ code: 'G', kinds: ['oblast'], windows: [Q1], reportDueMonths: null, ...group }],
    ...set,
  };
}

function win(over: Partial<WindowRule>): WindowRule {
  return { ...Q1, ...over };
}

describe('DECREE_615', () => {
  it('is a sound rule set in force from 2013-10-01 with no end', () => {
    expect(validateRuleSet(DECREE_615)).toEqual([]);
    expect(DECREE_615.id).toBe('decree-615');
    expect(DECREE_615.effectiveFrom).toBe('2013-10-01');
    expect(DECREE_615.effectiveTo).toBeNull();
  });

  it('puts every reporting kind in exactly the group point 2 names', () => {
    for (const [code, kinds] of Object.entries(GROUP_KINDS)) {
      expect(DECREE_615.groups.find((g) => g.code === code)?.kinds).toEqual(kinds);
    }
    expect(DECREE_615.groups.flatMap((g) => g.kinds)).toHaveLength(10);
  });

  it('only group A reports upwards, one month after the meeting (point 3)', () => {
    expect(DECREE_615.groups.map((g) => [g.code, g.reportDueMonths])).toEqual([
      ['A', 1],
      ['B', null],
      ['C', null],
    ]);
  });

  it('survives a JSON round trip and cannot be mutated by a caller', () => {
    expect(JSON.parse(JSON.stringify(DECREE_615))).toEqual(DECREE_615);
    expect(Object.isFrozen(DECREE_615)).toBe(true);
    expect(Object.isFrozen(DECREE_615.groups[2]!.windows[0])).toBe(true);
  });
});

describe('validateRuleSet', () => {
  const cases: [string, RuleSet, RuleSetProblemCode, Record<string, unknown>?][] = [
    ['empty id', setWith({}, { id: '' }), 'id_invalid'],
    ['blank Russian name', setWith({}, { nameRu: '  ' }), 'name_missing', { details: { lang: 'ru' } }],
    ['bad effectiveFrom', setWith({}, { effectiveFrom: '2020-02-30' }), 'effective_from_invalid'],
    [
      'effectiveFrom before 2013',
      setWith({}, { effectiveFrom: '2012-12-31' }),
      'effective_from_too_early',
      { details: { value: '2012-12-31', min: '2013-01-01' } },
    ],
    ['bad effectiveTo', setWith({}, { effectiveTo: '2020' }), 'effective_to_invalid'],
    [
      'effectiveTo before effectiveFrom',
      setWith({}, { effectiveTo: '2019-12-31' }),
      'effective_to_before_from',
      { details: { effectiveFrom: '2020-01-01', effectiveTo: '2019-12-31' } },
    ],
    ['no groups', setWith({}, { groups: [] }), 'no_groups'],
    ['group code with a space', setWith({ code: 'G 1' }), 'group_code_invalid'],
    [
      'repeated group code',
      setWith({}, { groups: [setWith({}).groups[0]!, { ...setWith({}).groups[0]!, kinds: ['capital'] }] }),
      'group_code_duplicate',
    ],
    ['group without kinds', setWith({ kinds: [] }), 'group_without_kinds'],
    ['locality has no akim', setWith({ kinds: ['locality' as ReportingUnitKind] }), 'kind_unknown'],
    ['kind listed twice', setWith({ kinds: ['oblast', 'oblast'] }), 'kind_duplicate'],
    [
      'kind in two groups',
      setWith({}, { groups: [setWith({}).groups[0]!, { ...setWith({}).groups[0]!, code: 'H' }] }),
      'kind_in_two_groups',
      { group: 'H', details: { kind: 'oblast', otherGroup: 'G' } },
    ],
    ['report due in 0 months', setWith({ reportDueMonths: 0 }), 'report_due_months_invalid'],
    ['group without windows', setWith({ windows: [] }), 'group_without_windows'],
    ['empty window key', setWith({ windows: [win({ key: '' })] }), 'window_key_invalid'],
    [
      'repeated window key',
      setWith({ windows: [Q1, win({ startMonth: 7 })] }),
      'window_key_duplicate',
      { window: 'Q1' },
    ],
    ['window in month 13', setWith({ windows: [win({ startMonth: 13 })] }), 'window_start_month_invalid'],
    ['window in month 0', setWith({ windows: [win({ startMonth: 0 })] }), 'window_start_month_invalid'],
    ['window of 0 months', setWith({ windows: [win({ lengthMonths: 0 })] }), 'window_length_invalid'],
    ['window of 1.5 months', setWith({ windows: [win({ lengthMonths: 1.5 })] }), 'window_length_invalid'],
    [
      'overlapping windows',
      setWith({ windows: [Q1, win({ key: 'M03', startMonth: 3, lengthMonths: 1 })] }),
      'windows_overlap',
      { window: 'M03', details: { otherWindow: 'Q1', month: 3 } },
    ],
    [
      'a December window running into next January',
      setWith({ windows: [Q1, win({ key: 'DJ', startMonth: 12, lengthMonths: 2 })] }),
      'windows_overlap',
      { window: 'DJ', details: { otherWindow: 'Q1', month: 1 } },
    ],
    ['fractional covers offset', setWith({ windows: [win({ coversOffsetMonths: -0.5 })] }), 'covers_offset_invalid'],
    ['covers 0 months', setWith({ windows: [win({ coversMonths: 0 })] }), 'covers_months_invalid'],
  ];

  it.each(cases)('%s → %s', (_, rs, code, fields) => {
    const problems = validateRuleSet(rs);
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0]).toMatchObject({ ruleSetId: rs.id, ...fields });
  });

  it('accepts a window that runs into the next year when nothing collides', () => {
    expect(validateRuleSet(setWith({ windows: [win({ startMonth: 11, lengthMonths: 3 })] }))).toEqual([]);
  });

  it('covers every problem code with a case here or in findConflicts', () => {
    const tested = new Set<string>([...cases.map((c) => c[2]), 'rule_set_id_duplicate', 'rule_sets_same_start']);
    expect([...RULE_SET_PROBLEM_CODES].filter((c) => !tested.has(c))).toEqual([]);
  });
});

describe('findConflicts', () => {
  it('accepts a later set over an open-ended 615: the later one supersedes it', () => {
    expect(findConflicts([DECREE_615, YEARLY_FROM_2020])).toEqual([]);
    expect(findConflicts([DECREE_615_TO_2019, YEARLY_FROM_2020])).toEqual([]);
  });

  it('reports each kind two sets take over from the same day', () => {
    const sameDay: RuleSet = { ...YEARLY_FROM_2020, id: 'other', effectiveFrom: DECREE_615.effectiveFrom };
    const problems = findConflicts([DECREE_615, sameDay]);
    expect(problems).toHaveLength(10);
    expect(problems[0]).toEqual({
      code: 'rule_sets_same_start',
      ruleSetId: 'decree-615',
      group: null,
      window: null,
      details: { otherRuleSetId: 'other', kind: 'oblast', effectiveFrom: '2013-10-01' },
    });
  });

  it('ignores sets with the same start that share no kind', () => {
    const cOnly = setWith({ kinds: ['village'] }, { id: 'villages' });
    const aOnly = setWith({ kinds: ['oblast'] }, { id: 'oblasts' });
    expect(findConflicts([cOnly, aOnly])).toEqual([]);
  });

  it('reports a repeated id', () => {
    const a = setWith({}, { effectiveTo: '2020-12-31' });
    const b = setWith({}, { effectiveFrom: '2021-01-01' });
    expect(findConflicts([a, b])).toEqual([
      { code: 'rule_set_id_duplicate', ruleSetId: 'test', group: null, window: null, details: {} },
    ]);
  });
});

describe('periodsInForce', () => {
  const span = (sets: readonly RuleSet[], kind: ReportingUnitKind) =>
    periodsInForce(sets, kind).map((p) => [p.ruleSet.id, p.group.code, p.from, p.to]);

  it('gives 615 alone from 2013-10-01 with no end', () => {
    expect(span([DECREE_615], 'district')).toEqual([['decree-615', 'B', '2013-10-01', null]]);
  });

  it('ends a set the day before a later one covering the kind takes effect, whatever the order given', () => {
    const expected = [
      ['decree-615', 'C', '2013-10-01', '2019-12-31'],
      ['yearly-2020', 'ALL', '2020-01-01', null],
    ];
    expect(span([DECREE_615, YEARLY_FROM_2020], 'village')).toEqual(expected);
    expect(span([YEARLY_FROM_2020, DECREE_615], 'village')).toEqual(expected);
  });

  it('leaves kinds the later set does not cover under the earlier one', () => {
    const okrugs = setWith({ kinds: ['rural_okrug'] }, { id: 'okrugs' });
    expect(span([DECREE_615, okrugs], 'district')).toEqual([['decree-615', 'B', '2013-10-01', null]]);
    expect(span([DECREE_615, okrugs], 'rural_okrug')).toEqual([
      ['decree-615', 'C', '2013-10-01', '2019-12-31'],
      ['okrugs', 'G', '2020-01-01', null],
    ]);
  });

  it('keeps an earlier effectiveTo, and a repealed set does not come back after a later one ends', () => {
    const to2018 = { ...DECREE_615, effectiveTo: '2018-06-30' };
    expect(span([to2018, YEARLY_FROM_2020], 'oblast')).toEqual([
      ['decree-615', 'A', '2013-10-01', '2018-06-30'],
      ['yearly-2020', 'ALL', '2020-01-01', null],
    ]);
    const only2020 = { ...YEARLY_FROM_2020, effectiveTo: '2020-12-31' };
    expect(span([DECREE_615, only2020], 'oblast')).toEqual([
      ['decree-615', 'A', '2013-10-01', '2019-12-31'],
      ['yearly-2020', 'ALL', '2020-01-01', '2020-12-31'],
    ]);
  });
});
