import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCloseDays,
  addFigures,
  addIssueCell,
  countObligations,
  emptyFigures,
  medianDaysToClose,
  NO_CATEGORY,
  resolvedShare,
  subtreeFigures,
  sumFigures,
  topCategories,
  type Figures,
  type IssueCell,
  type TreeRow,
} from '../../../shared/domain/reports/figures';
import { ISSUE_KINDS, OUTCOMES } from '../../../shared/domain/issues/issue';

const STATUSES = ['new', 'in_progress', 'done', 'rejected'];
const CATEGORIES = [
  { id: 'roads', parentId: null },
  { id: 'bridges', parentId: 'roads' },
  { id: 'rural-bridges', parentId: 'bridges' },
  { id: 'water', parentId: null },
];
const TOPS = ['roads', 'water'];
const top = topCategories(CATEGORIES);

const cell: fc.Arbitrary<IssueCell> = fc.integer({ min: 1, max: 50 }).chain((count) =>
  fc.record({
    kind: fc.constantFrom(...ISSUE_KINDS),
    categoryId: fc.constantFrom<string | null>(null, ...CATEGORIES.map((c) => c.id)),
    statusId: fc.constantFrom(...STATUSES),
    outcome: fc.constantFrom(null, ...OUTCOMES),
    closed: fc.boolean(),
    overdue: fc.nat(count),
    prolonged: fc.nat(count),
    onControl: fc.nat(count),
    count: fc.constant(count),
  }),
);

/** Figures as a unit's would be built: obligations counted, meetings and issues added. */
const figures: fc.Arbitrary<Figures> = fc
  .record({
    obligations: fc.array(fc.record({ status: fc.constantFrom('held_on_time', 'held_late', 'missed', 'open', 'upcoming' as const), planned: fc.boolean() }), { maxLength: 8 }),
    held: fc.nat(6),
    people: fc.nat(500),
    viewers: fc.nat(5000),
    cells: fc.array(cell, { maxLength: 6 }),
    closeDays: fc.array(fc.tuple(fc.nat(400), fc.integer({ min: 1, max: 9 })), { maxLength: 5 }),
  })
  .map((r) => {
    const f = emptyFigures(STATUSES, TOPS);
    f.meetings = { ...countObligations(r.obligations), held: r.held };
    f.attendance = { people: r.people, onlineViewers: r.viewers };
    for (const c of r.cells) addIssueCell(f.issues, c, top);
    for (const [days, n] of r.closeDays) addCloseDays(f.issues, days, n);
    return f;
  });

/** A unit tree: each row's parent is an earlier row (or none, for the roots). */
const tree: fc.Arbitrary<TreeRow[]> = fc.array(fc.tuple(fc.nat(), figures), { minLength: 1, maxLength: 12 }).map((items) =>
  items.map(([p, f], i) => ({ kato: `u${i}`, parent: i === 0 ? null : `u${p % i}`, figures: f })),
);

const zero = () => emptyFigures(STATUSES, TOPS);

describe('report figures', () => {
  it('a tree’s total is the sum of its rows, and every subtree is its row plus its children’s subtrees', () => {
    fc.assert(
      fc.property(tree, (rows) => {
        const consolidated = subtreeFigures(rows, zero());
        expect(consolidated.get('u0')).toEqual(sumFigures(rows.map((r) => r.figures), zero()));
        for (const row of rows) {
          const children = rows.filter((r) => r.parent === row.kato);
          expect(consolidated.get(row.kato)).toEqual(sumFigures([row.figures, ...children.map((c) => consolidated.get(c.kato)!)], zero()));
        }
      }),
    );
  });

  it('adding is order-free and zero changes nothing', () => {
    fc.assert(
      fc.property(figures, figures, (a, b) => {
        expect(addFigures(a, b)).toEqual(addFigures(b, a));
        expect(addFigures(a, zero())).toEqual(a);
      }),
    );
  });

  it('obligations: required is every window, planned only among the open and upcoming', () => {
    fc.assert(
      fc.property(figures, ({ meetings: m }) => {
        expect(m.required).toBe(m.heldOnTime + m.heldLate + m.missed + m.open + m.upcoming);
        expect(m.planned).toBeLessThanOrEqual(m.open + m.upcoming);
      }),
    );
  });

  it('issues: every issue is counted once by kind, by status and by category', () => {
    fc.assert(
      fc.property(figures, ({ issues: i }) => {
        const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
        expect(sum(i.byKind)).toBe(i.total);
        expect(sum(i.byStatus)).toBe(i.total);
        expect(sum(i.byCategory)).toBe(i.total);
        expect(Object.keys(i.byCategory).sort()).toEqual([...TOPS, NO_CATEGORY].sort());
      }),
    );
  });

  it('rolls sub-categories up to the top of their tree', () => {
    expect(['roads', 'bridges', 'rural-bridges', 'water', 'unknown'].map(top)).toEqual(['roads', 'roads', 'roads', 'water', 'unknown']);
    const looping = topCategories([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }]);
    expect(['a', 'b']).toContain(looping('a'));
  });

  it('the median from the histogram is the median of the days it stands for', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(365), { minLength: 1, maxLength: 60 }), (days) => {
        const f = zero();
        for (const d of days) addCloseDays(f.issues, d, 1);
        const sorted = [...days].sort((a, b) => a - b);
        const mid = sorted.length / 2;
        const expected = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(medianDaysToClose(f.issues)).toBe(expected);
      }),
    );
    expect(medianDaysToClose(zero().issues)).toBeNull();
  });

  it('the resolved share is closed over raised, and nothing when nothing was raised', () => {
    expect(resolvedShare({ total: 8, closed: 6 })).toBe(0.75);
    expect(resolvedShare({ total: 0, closed: 0 })).toBeNull();
  });
});
