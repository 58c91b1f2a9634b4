import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, toYmd } from '../../../shared/domain/dates';
import {
  DECREE_615,
  assessCompliance,
  complianceAssessor,
  heldRange,
  obligationsFor,
  reportDueDate,
  type AssessedObligation,
  type ComplianceStatus,
  type HeldMeeting,
  type RuleSet,
} from '../../../shared/domain/rules';
import type { ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { DECREE_615_TO_2019, YEARLY_FROM_2020, isoDateArb, isoRangeArb, kindArb } from './fixtures';

const LATE_TODAY = '2030-12-31';

function meetings(...dates: string[]): HeldMeeting[] {
  return dates.map((heldOn, i) => ({ id: `m${i}`, heldOn }));
}

/** windowKey → [status, id of the fulfilling meeting] */
function summary(assessed: AssessedObligation[]): Record<string, [ComplianceStatus, string | null]> {
  return Object.fromEntries(assessed.map((a) => [a.windowKey, [a.status, a.meeting?.id ?? null]]));
}

function assess(
  kind: ReportingUnitKind,
  from: string,
  to: string,
  held: HeldMeeting[],
  today = LATE_TODAY,
  sets: readonly RuleSet[] = [DECREE_615],
) {
  return summary(assessCompliance(sets, kind, from, to, held, today));
}

describe('assessCompliance at the edges of a group C window (2014-M04: 1–30 April, next window 1 July)', () => {
  it.each([
    ['on windowStart', ['2014-04-01'], 'held_on_time', 'm0'],
    ['on windowEnd', ['2014-04-30'], 'held_on_time', 'm0'],
    ['the day after windowEnd', ['2014-05-01'], 'held_late', 'm0'],
    ['the day before the next window', ['2014-06-30'], 'held_late', 'm0'],
    ['on the next window’s first day', ['2014-07-01'], 'missed', null],
    ['the day before windowStart', ['2014-03-31'], 'missed', null],
    ['twice inside the window: the first one', ['2014-04-20', '2014-04-05'], 'held_on_time', 'm1'],
    ['in the window and again late', ['2014-04-10', '2014-05-10'], 'held_on_time', 'm0'],
    ['late twice: the earlier one', ['2014-06-01', '2014-05-02'], 'held_late', 'm1'],
  ] as const)('held %s (%s) → %s', (_, dates, status, id) => {
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', meetings(...dates))['2014-M04']).toEqual([status, id]);
  });

  it('of two meetings on the same day, the one listed first wins', () => {
    const [a, b] = meetings('2014-04-10', '2014-04-10');
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', [a!, b!])['2014-M04']).toEqual(['held_on_time', 'm0']);
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', [b!, a!])['2014-M04']).toEqual(['held_on_time', 'm1']);
  });

  it('a meeting on the next window’s first day fulfils the next window, not the old one', () => {
    expect(assess('rural_okrug', '2014-04-01', '2014-07-31', meetings('2014-07-01'))).toEqual({
      '2014-M04': ['missed', null],
      '2014-M07': ['held_on_time', 'm0'],
    });
  });

  it('a second meeting in a window that already has one fulfils nothing', () => {
    const held = meetings('2014-04-05', '2014-04-20', '2014-06-01');
    expect(assess('rural_okrug', '2014-04-01', '2014-10-31', held)).toEqual({
      '2014-M04': ['held_on_time', 'm0'],
      '2014-M07': ['missed', null],
      '2014-M10': ['missed', null],
    });
  });

  it.each([
    ['the day before windowStart', '2014-03-31', 'upcoming'],
    ['windowStart', '2014-04-01', 'open'],
    ['windowEnd', '2014-04-30', 'open'],
    ['the day after windowEnd', '2014-05-01', 'missed'],
  ] as const)('nothing held, today = %s → %s', (_, today, status) => {
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', [], today)['2014-M04']).toEqual([status, null]);
  });

  it('ignores meetings dated after today', () => {
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', meetings('2014-04-10'), '2014-04-05')).toEqual({
      '2014-M04': ['open', null],
    });
    expect(assess('rural_okrug', '2014-04-01', '2014-04-30', meetings('2014-04-10'), '2014-04-10')).toEqual({
      '2014-M04': ['held_on_time', 'm0'],
    });
  });

  it('returns the caller’s meeting object', () => {
    const held = meetings('2014-04-10');
    expect(assessCompliance([DECREE_615], 'village', '2014-04-01', '2014-04-30', held, LATE_TODAY)[0]!.meeting).toBe(
      held[0],
    );
  });

  it('rejects invalid dates', () => {
    expect(() => assessCompliance([DECREE_615], 'village', '2014-04-01', '2014-04-30', [], '2014-04-31')).toThrow(
      RangeError,
    );
    expect(() =>
      assessCompliance([DECREE_615], 'village', '2014-04-01', '2014-04-30', meetings('14-04-10'), LATE_TODAY),
    ).toThrow(RangeError);
    expect(() => assessCompliance([DECREE_615], 'village', '2014-05-01', '2014-04-30', [], LATE_TODAY)).toThrow(
      RangeError,
    );
  });
});

describe('assessCompliance around the entry into force', () => {
  it('a meeting before 2013-10-01 fulfils nothing', () => {
    expect(assess('rural_okrug', '2013-01-01', '2013-12-31', meetings('2013-09-30', '2013-07-15'))).toEqual({
      '2013-M10': ['missed', null],
    });
  });

  it('the first group C window is October 2013', () => {
    expect(assess('village', '2013-01-01', '2013-12-31', meetings('2013-09-30', '2013-10-01'))).toEqual({
      '2013-M10': ['held_on_time', 'm1'],
    });
  });

  it('groups A and B start with Q1 2014, so a December 2013 meeting fulfils nothing', () => {
    expect(assess('oblast', '2013-01-01', '2014-12-31', meetings('2013-12-20', '2014-02-01'))).toEqual({
      '2014-Q1': ['held_on_time', 'm1'],
    });
    expect(assess('district', '2013-01-01', '2014-12-31', meetings('2013-12-20'))).toEqual({
      '2014-Q1': ['missed', null],
      '2014-Q3': ['missed', null],
    });
  });
});

describe('assessCompliance for groups A and B', () => {
  it.each([
    ['2025-01-31', 'held_on_time', '2025-02-28'],
    ['2024-01-31', 'held_on_time', '2024-02-29'],
    ['2025-03-15', 'held_on_time', '2025-04-15'],
    ['2025-03-31', 'held_on_time', '2025-04-30'],
    ['2025-04-01', 'held_late', '2025-05-01'],
    ['2025-12-31', 'held_late', '2026-01-31'],
  ] as const)('oblast meeting on %s → %s, report due %s (point 3)', (heldOn, status, due) => {
    const year = heldOn.slice(0, 4);
    const held = meetings(heldOn);
    const [a] = assessCompliance([DECREE_615], 'oblast', `${year}-01-01`, `${year}-03-31`, held, LATE_TODAY);
    expect(a).toMatchObject({ windowKey: `${year}-Q1`, status, reportDue: due, meeting: { heldOn } });
  });

  it('no report is due for an unheld group A window, nor ever for group B', () => {
    const [unheld] = assessCompliance([DECREE_615], 'capital', '2025-01-01', '2025-03-31', [], LATE_TODAY);
    expect(unheld).toMatchObject({ status: 'missed', reportDue: null });
    const held = meetings('2025-01-20');
    const [b] = assessCompliance([DECREE_615], 'city_district', '2025-01-01', '2025-03-31', held, LATE_TODAY);
    expect(b).toMatchObject({ status: 'held_on_time', reportDue: null });
  });

  it('a group A meeting on the next 1 January belongs to the new year', () => {
    expect(assess('oblast', '2025-01-01', '2026-12-31', meetings('2026-01-01'))).toEqual({
      '2025-Q1': ['missed', null],
      '2026-Q1': ['held_on_time', 'm0'],
    });
  });

  it.each([
    ['2014-06-30', { '2014-Q1': ['held_late', 'm0'], '2014-Q3': ['missed', null] }],
    ['2014-07-01', { '2014-Q1': ['missed', null], '2014-Q3': ['held_on_time', 'm0'] }],
    ['2014-12-31', { '2014-Q1': ['missed', null], '2014-Q3': ['held_late', 'm0'] }],
  ] as const)('group B meeting on %s', (heldOn, expected) => {
    expect(assess('oblast_city', '2014-01-01', '2014-12-31', meetings(heldOn))).toEqual(expected);
  });
});

describe('assessCompliance across rule sets', () => {
  const SETS = [DECREE_615_TO_2019, YEARLY_FROM_2020];

  it('the late period of the last 615 window ends when the successor’s first window opens', () => {
    const held = meetings('2019-12-31', '2020-01-01');
    expect(assess('rural_okrug', '2019-10-01', '2020-03-31', held, LATE_TODAY, SETS)).toEqual({
      '2019-M10': ['held_late', 'm0'],
      '2020-Q1': ['held_on_time', 'm1'],
    });
  });

  it('the late period runs on through a gap until the next window opens', () => {
    const from2022: RuleSet = { ...YEARLY_FROM_2020, effectiveFrom: '2022-01-01' };
    const sets = [DECREE_615_TO_2019, from2022];
    expect(assess('district', '2019-07-01', '2019-09-30', meetings('2021-12-31'), LATE_TODAY, sets)).toEqual({
      '2019-Q3': ['held_late', 'm0'],
    });
  });

  it('with no window after the last one, any later meeting is late', () => {
    const sets = [DECREE_615_TO_2019];
    expect(assess('village', '2019-10-01', '2019-12-31', meetings('2029-05-05'), LATE_TODAY, sets)).toEqual({
      '2019-M10': ['held_late', 'm0'],
    });
  });

  it('superseding the open-ended 615 assesses exactly like closing it by hand', () => {
    const held = meetings('2019-10-05', '2019-12-31', '2020-02-01', '2021-05-01');
    for (const kind of ['rural_okrug', 'district', 'oblast'] as const) {
      expect(assessCompliance([DECREE_615, YEARLY_FROM_2020], kind, '2019-01-01', '2021-12-31', held, LATE_TODAY)).toEqual(
        assessCompliance(SETS, kind, '2019-01-01', '2021-12-31', held, LATE_TODAY),
      );
    }
  });

  it('assesses a range outside every rule set as empty', () => {
    const held = meetings('2005-01-01');
    expect(assessCompliance(SETS, 'village', '2000-01-01', '2012-12-31', held, LATE_TODAY)).toEqual([]);
  });
});

describe('reportDueDate', () => {
  it.each([
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2025-03-15', '2025-04-15'],
    ['2025-12-15', '2026-01-15'],
  ])('%s + 1 month = %s', (heldOn, due) => {
    expect(reportDueDate(heldOn, 1)).toBe(due);
  });

  it('rejects a bad date or month count', () => {
    expect(() => reportDueDate('2025-02-29', 1)).toThrow(RangeError);
    expect(() => reportDueDate('2025-01-01', -1)).toThrow(RangeError);
    expect(() => reportDueDate('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('is a valid later date exactly one calendar month on', () => {
    fc.assert(
      fc.property(isoDateArb('1900-01-01', '2199-12-31'), (heldOn) => {
        const due = reportDueDate(heldOn, 1);
        const a = toYmd(heldOn);
        const b = toYmd(due);
        expect(due > heldOn).toBe(true);
        expect(b.year * 12 + b.month).toBe(a.year * 12 + a.month + 1);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });
});

describe('assessCompliance properties', () => {
  const setsArb = fc.constantFrom<readonly RuleSet[]>(
    [DECREE_615],
    [DECREE_615_TO_2019, YEARLY_FROM_2020],
    [DECREE_615, YEARLY_FROM_2020],
    [DECREE_615_TO_2019],
  );
  const heldArb = fc.array(
    fc.record({ id: fc.option(fc.uuid(), { nil: null }), heldOn: isoDateArb('2012-01-01', '2024-12-31') }),
    { maxLength: 40 },
  );
  const scenarioArb = fc.record({
    sets: setsArb,
    kind: kindArb,
    range: isoRangeArb('2012-01-01', '2024-12-31'),
    held: heldArb,
    today: isoDateArb('2012-01-01', '2026-12-31'),
  });

  /**
   * Straight from the decree's wording, one window at a time and without any sweep: the
   * earliest meeting from the window's first day up to the day before the next window.
   */
  function reference(
    sets: readonly RuleSet[],
    kind: ReportingUnitKind,
    held: HeldMeeting[],
    today: string,
  ): Map<string, HeldMeeting | null> {
    const all = obligationsFor(sets, kind, '2000-01-01', '2040-12-31');
    const out = new Map<string, HeldMeeting | null>();
    all.forEach((o, i) => {
      const next = all[i + 1]?.windowStart ?? '9999-12-31';
      const candidates = held
        .filter((m) => m.heldOn <= today && m.heldOn >= o.windowStart && m.heldOn < next)
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
      out.set(o.windowKey, candidates[0] ?? null);
    });
    return out;
  }

  it('matches the one-window-at-a-time reading and returns the obligations of the range', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sets, kind, range: [from, to], held, today }) => {
        const assessed = assessCompliance(sets, kind, from, to, held, today);
        const obligations = obligationsFor(sets, kind, from, to);
        expect(assessed).toEqual(obligations.map((o) => expect.objectContaining(o)));
        const expected = reference(sets, kind, held, today);
        for (const a of assessed) expect(a.meeting).toBe(expected.get(a.windowKey));
      }),
    );
  });

  it('needs only the meetings held in heldRange of its span: the rest of the history changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sets, kind, range: [from, to], held, today }) => {
        const assessor = complianceAssessor(sets, kind, from, to);
        const range = heldRange([assessor.span], today);
        const read = range === null ? [] : held.filter((m) => m.heldOn >= range.from && m.heldOn <= range.to);
        expect(assessor.assess(read, today)).toEqual(assessCompliance(sets, kind, from, to, held, today));
      }),
    );
  });

  it('heldRange covers every span it is given, clipped to today', () => {
    const spanArb = fc.option(
      isoRangeArb('2012-01-01', '2026-12-31').chain(([a, b]) => fc.constantFrom({ from: a, to: b }, { from: a, to: null })),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 5 }), isoDateArb('2012-01-01', '2026-12-31'), (spans, today) => {
        const range = heldRange(spans, today);
        const reachable = spans.filter((s) => s !== null && s.from <= today);
        if (reachable.length === 0) {
          expect(range).toBeNull();
          return;
        }
        expect(range).not.toBeNull();
        expect(range!.to <= today).toBe(true);
        for (const s of reachable) {
          expect(range!.from <= s!.from).toBe(true);
          expect(range!.to >= (s!.to === null || s!.to > today ? today : s!.to)).toBe(true);
        }
      }),
    );
  });

  it('a window that ends a range claims the days after it, up to the next window (Decree 615, group C: April claims to 30 June)', () => {
    const assessor = complianceAssessor([DECREE_615], 'rural_okrug', '2014-04-01', '2014-04-30');
    expect(assessor.span).toEqual({ from: '2014-04-01', to: '2014-06-30' });
    expect(heldRange([assessor.span], '2014-05-10')).toEqual({ from: '2014-04-01', to: '2014-05-10' });
    expect(summary(assessor.assess(meetings('2014-06-30'), LATE_TODAY))).toEqual({ '2014-M04': ['held_late', 'm0'] });
  });

  it('uses each meeting at most once, and statuses agree with the dates', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sets, kind, range: [from, to], held, today }) => {
        const assessed = assessCompliance(sets, kind, from, to, held, today);
        const used = assessed.flatMap((a) => (a.meeting === null ? [] : [a.meeting]));
        expect(new Set(used).size).toBe(used.length);
        assessed.forEach((a, i) => {
          const next = assessed[i + 1];
          if (a.meeting !== null) {
            expect(a.meeting.heldOn >= a.windowStart && a.meeting.heldOn <= today).toBe(true);
            if (next !== undefined) expect(a.meeting.heldOn < next.windowStart).toBe(true);
            expect(a.status).toBe(a.meeting.heldOn <= a.windowEnd ? 'held_on_time' : 'held_late');
            const due = a.reportDueMonths === null ? null : reportDueDate(a.meeting.heldOn, a.reportDueMonths);
            expect(a.reportDue).toBe(due);
          } else {
            expect(a.reportDue).toBeNull();
            const expected = today < a.windowStart ? 'upcoming' : today <= a.windowEnd ? 'open' : 'missed';
            expect(a.status).toBe(expected);
          }
        });
      }),
    );
  });

  it('does not depend on the order of the meetings when their dates differ', () => {
    const withShuffledCopy = scenarioArb.chain((s) => {
      const distinct = [...new Map(s.held.map((m) => [m.heldOn, m])).values()];
      return fc
        .shuffledSubarray(distinct, { minLength: distinct.length, maxLength: distinct.length })
        .map((shuffled) => ({ ...s, distinct, shuffled }));
    });
    fc.assert(
      fc.property(withShuffledCopy, ({ sets, kind, range: [from, to], distinct, shuffled, today }) => {
        expect(assessCompliance(sets, kind, from, to, shuffled, today)).toEqual(
          assessCompliance(sets, kind, from, to, distinct, today),
        );
      }),
    );
  });
});
