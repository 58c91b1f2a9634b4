import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo/generate';
import type { PeriodReport } from '../../shared/contract/reports.contract';
import type { IssueCounts } from '../../shared/contract/issues.contract';
import { sumFigures, emptyFigures } from '../../shared/domain/reports/figures';
import { parsePeriod, quarterPeriod, type ReportPeriod } from '../../shared/domain/reports/period';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

const TODAY = '2026-06-15';

let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];

beforeAll(() => {
  core = openTempCore({ today: TODAY });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  generateDemo(core.ctx, { unitKato: ABAY_DISTRICT, fromYear: 2023, toYear: 2026, seed: 11 });
});
afterAll(() => core.close());

const report = (period: ReportPeriod, unitKato = ABAY_DISTRICT): PeriodReport => value('reports:get', { unitKato, period });
const figuresOf = (r: Pick<PeriodReport, 'meetings' | 'attendance' | 'officials' | 'issues'>) => ({ meetings: r.meetings, attendance: r.attendance, officials: r.officials, issues: r.issues });
const zeroOf = (r: PeriodReport) => emptyFigures(r.statuses.map((s) => s.id), r.categories.map((c) => c.id));

describe('reports:get', () => {
  it.each(['2025', '2025-H2', '2026-Q1', '2024-03-15..2025-08-31', '2026'])('%s: every total is the sum of the unit rows', (text) => {
    const r = report(parsePeriod(text)!);
    expect(r.units.length).toBe(10);
    expect(r.units[0]).toMatchObject({ kato: ABAY_DISTRICT, depth: 0, group: 'B' });
    expect(figuresOf(r)).toEqual(sumFigures(r.units.map(figuresOf), zeroOf(r)));
  });

  it('a year’s meetings per unit agree with the obligations grid of that year', () => {
    const r = report(parsePeriod('2025')!);
    const grid = value('obligations:grid', { year: 2025 });
    for (const row of grid.rows) {
      const unit = r.units.find((u) => u.kato === row.unit.kato)!;
      const count = (s: string) => row.obligations.filter((o: { status: string }) => o.status === s).length;
      expect(unit.meetings).toMatchObject({
        required: row.obligations.length,
        heldOnTime: count('held_on_time'),
        heldLate: count('held_late'),
        missed: count('missed'),
        open: count('open'),
        upcoming: count('upcoming'),
      });
    }
    expect(r.meetings.required).toBeGreaterThan(30);
  });

  it('the four quarters add up to their year (a window belongs to the period it opens in)', () => {
    const year = report(parsePeriod('2025')!);
    const quarters = ([1, 2, 3, 4] as const).map((q) => report(quarterPeriod(2025, q)));
    expect(sumFigures(quarters.map(figuresOf), zeroOf(year))).toEqual(figuresOf(year));
  });

  it('issue figures agree with the issue log filtered the same way (what a drill-down opens)', () => {
    const period = parsePeriod('2025')!;
    const r = report(period);
    const scope = { unitKato: ABAY_DISTRICT, from: period.start, to: period.end };
    const all: IssueCounts = value('issues:counts', { filter: scope });
    // The log's total for a filter (its counts leave the status part of a filter out).
    const listed = (filter: object): number => value('issues:list', { filter: { ...scope, ...filter }, sort: { key: 'registryNo', dir: 'desc' }, offset: 0, limit: 1 }).total;
    expect(r.issues.total).toBe(all.total);
    expect(r.issues.total).toBeGreaterThan(50);
    expect(r.issues.byStatus).toEqual(Object.fromEntries(r.statuses.map((s) => [s.id, all.byStatus[s.id] ?? 0])));
    expect(r.issues.overdue).toBe(all.overdue);
    expect(r.issues.onControl).toBe(all.onControl);
    expect(r.issues.closed).toBe(listed({ open: false }));
    expect(r.issues.overdue).toBe(listed({ overdue: true }));
    for (const c of r.categories) expect(r.issues.byCategory[c.id]).toBe(listed({ categoryId: c.id }));
    for (const kind of Object.keys(r.issues.byKind)) expect(r.issues.byKind[kind as 'question']).toBe(listed({ kind }));
    for (const s of r.statuses) expect(r.issues.byStatus[s.id]).toBe(listed({ statusIds: [s.id] }));
    // An okrug's row is the log of that okrug.
    const okrug = r.units.find((u) => u.kato === KARAAUYL_OKRUG)!;
    expect(okrug.issues.total).toBe(value('issues:counts', { filter: { unitKato: KARAAUYL_OKRUG, from: period.start, to: period.end } }).total);
  });

  it('counts closed issues by outcome and how long they took', () => {
    const r = report(parsePeriod('2024')!);
    const { byOutcome, closeDays, closed } = r.issues;
    expect(byOutcome.satisfied + byOutcome.explained + byOutcome.refused).toBe(closed);
    expect(Object.values(closeDays).reduce((s, n) => s + n, 0)).toBe(closed);
  });

  it('attendance and officials come from the reporting meetings held in the period', () => {
    const period = parsePeriod('2025')!;
    const r = report(period);
    const held = value('meetings:list', { from: period.start, to: period.end, statuses: ['held', 'closed'] }).filter((m: { kind: string }) => m.kind === 'reporting');
    expect(r.meetings.held).toBe(held.length);
    expect(r.attendance.people).toBe(held.reduce((s: number, m: { attendance: number | null }) => s + (m.attendance ?? 0), 0));
    expect(r.officials.present).toBe(held.reduce((s: number, m: { officials: unknown[] }) => s + m.officials.length, 0));
  });

  it('an okrug’s report is its own row; a locality’s issues count for its okrug', () => {
    const period = parsePeriod('2026')!;
    const before = report(period, KARAAUYL_OKRUG);
    expect(before.units.map((u) => u.kato)).toEqual([KARAAUYL_OKRUG]);
    value('issues:create', {
      unitKato: KARAAUYL_OKRUG,
      meetingId: null,
      raisedOn: '2026-05-02',
      fields: { kind: 'complaint', receivedVia: 'oral', collective: false, text: 'Көпір құлап жатыр', categoryId: 'roads', localityKato: KARAAUYL_VILLAGE, answeredOnSpot: false, answer: '', bodyId: null, personId: null, deadline: '2026-06-01', onControl: false, controller: '', eotinishNo: '', repeatsId: null },
      author: null,
    });
    const after = report(period, KARAAUYL_OKRUG);
    expect(after.issues.total).toBe(before.issues.total + 1);
    expect(after.issues.overdue).toBe(before.issues.overdue + 1);
    expect(after.issues.byCategory['roads']).toBe(before.issues.byCategory['roads']! + 1);
  });

  it('gives the trend of the eight quarters up to the period’s end', () => {
    const r = report(parsePeriod('2026-H1')!);
    expect(r.trend.map((q) => q.key)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    const q = report(quarterPeriod(2025, 3));
    const { held: _held, ...windows } = q.meetings;
    expect(r.trend[4]).toMatchObject({ key: '2025-Q3', meetings: windows, issuesRaised: q.issues.total, issuesClosed: q.issues.closed });
  });

  it('refuses an end before the start, a unit outside the working set and a locality, in words', () => {
    expect(call('reports:get', { unitKato: ABAY_DISTRICT, period: { start: '2025-12-31', end: '2025-01-01' } })).toMatchObject({ ok: false, error: { code: 'range_invalid' } });
    expect(call('reports:get', { unitKato: OUTSIDE_OKRUG, period: parsePeriod('2025') })).toMatchObject({ ok: false, error: { code: 'unit_outside_working_set' } });
    expect(call('reports:get', { unitKato: KARAAUYL_VILLAGE, period: parsePeriod('2025') })).toMatchObject({ ok: false, error: { code: 'unit_not_reporting' } });
    expect(call('reports:get', { unitKato: ABAY_DISTRICT, period: { start: '2025-02-30', end: '2025-03-01' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('reports:get for a group A unit', () => {
  let capital: Core;
  afterAll(() => capital.close());

  it('gives the point 3 due date a month after the meeting, late until the note is sent, and the point 4.1 check', () => {
    capital = openTempCore({ today: '2026-03-20' });
    const { value: v } = caller(capital);
    v('setup:complete', { rootKato: '710000000', language: 'ru' });
    const held = v('meetings:recordHeld', { unitKato: '710000000', heldOn: '2026-02-10' });
    const r: PeriodReport = v('reports:get', { unitKato: '710000000', period: parsePeriod('2026') });
    expect(r.units[0]).toMatchObject({ kato: '710000000', group: 'A' });
    expect(r.units.filter((u) => u.group === 'B').length).toBeGreaterThan(0);
    expect(r.point3).toEqual([
      { unit: expect.objectContaining({ kato: '710000000' }), windowKey: '2026-Q1', covers: parsePeriod('2025'), meetingId: held.id, heldOn: '2026-02-10', reportDue: '2026-03-10', reportedOn: null, late: true },
    ]);
    expect(r.participation).toContainEqual({ unit: expect.objectContaining({ kato: '710000000' }), meetingId: held.id, date: '2026-02-10', status: 'held', point: '4.1' });
  });
});
