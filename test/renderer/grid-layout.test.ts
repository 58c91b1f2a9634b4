import { describe, expect, it } from 'vitest';
import { DECREE_615, assessCompliance, type AssessedObligation } from '../../shared/domain/rules';
import { countStatuses, layoutRow } from '../../renderer/src/features/calendar/grid-layout';
import type { GridRow } from '../../shared/contract/types';

const shape = (obligations: AssessedObligation[], year: number) =>
  layoutRow(obligations, year).map((s) => (s.kind === 'gap' ? `gap:${s.span}` : `${s.obligation.windowKey}:${s.span}`));

describe('grid row layout', () => {
  it('group A: one three-month cell in Q1, then empty quarters', () => {
    const o = assessCompliance([DECREE_615], 'oblast', '2025-01-01', '2025-12-31', [], '2025-06-01');
    expect(shape(o, 2025)).toEqual(['2025-Q1:3', 'gap:3', 'gap:3', 'gap:3']);
  });

  it('group C: four one-month cells, two-month gaps between', () => {
    const o = assessCompliance([DECREE_615], 'rural_okrug', '2025-01-01', '2025-12-31', [], '2025-06-01');
    expect(shape(o, 2025)).toEqual(['2025-M01:1', 'gap:2', '2025-M04:1', 'gap:2', '2025-M07:1', 'gap:2', '2025-M10:1', 'gap:2']);
  });

  it('the first year of Decree 615: no cells before October 2013', () => {
    const o = assessCompliance([DECREE_615], 'village', '2013-01-01', '2013-12-31', [], '2014-06-01');
    expect(shape(o, 2013)).toEqual(['gap:3', 'gap:3', 'gap:3', '2013-M10:1', 'gap:2']);
  });

  it('clips a window that runs over the year end and never lets two cells share a month', () => {
    const base = assessCompliance([DECREE_615], 'district', '2025-01-01', '2025-12-31', [], '2025-06-01');
    const across = { ...base[1]!, windowKey: '2025-X', windowStart: '2025-11-01', windowEnd: '2026-01-31' };
    const overlapping = { ...base[1]!, windowKey: '2025-Y', windowStart: '2025-02-01', windowEnd: '2025-04-30' };
    expect(shape([base[0]!, overlapping, across], 2025)).toEqual(['2025-Q1:3', '2025-Y:1', 'gap:2', 'gap:3', 'gap:1', '2025-X:2']);
    const fromLastYear = { ...across, windowKey: '2024-X', windowStart: '2024-11-01', windowEnd: '2025-01-31' };
    expect(shape([fromLastYear], 2025)).toEqual(['2024-X:1', 'gap:2', 'gap:3', 'gap:3', 'gap:3']);
  });

  it('counts statuses over all rows', () => {
    const row = (held: string[]): GridRow => ({
      unit: { kato: '103230000', kind: 'rural_okrug', nameKk: '', nameRu: '', parent: null },
      depth: 1,
      obligations: assessCompliance([DECREE_615], 'rural_okrug', '2025-01-01', '2025-12-31', held.map((heldOn) => ({ id: null, heldOn })), '2025-07-10').map((o) => ({ ...o, planned: null })),
    });
    expect(countStatuses([row(['2025-01-10', '2025-05-02']), row([])])).toEqual({
      held_on_time: 1,
      held_late: 1,
      missed: 2,
      planned: 0,
      open: 2,
      upcoming: 2,
    });
    // A window with a planned meeting counts once, as planned.
    const planned = row([]);
    const withPlan = { ...planned, obligations: planned.obligations.map((o) => (o.status === 'open' ? { ...o, planned: { id: 'm', plannedOn: '2025-07-20', status: 'planned' as const } } : o)) };
    expect(countStatuses([withPlan])).toEqual({ held_on_time: 0, held_late: 0, missed: 2, planned: 1, open: 0, upcoming: 1 });
  });
});
