import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, ABAI_OBLAST, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';
import type { Dashboard } from '../../shared/contract/calendar.contract';
import type { ObligationsGrid } from '../../shared/contract/types';

const TODAY = '2026-03-15';
const KENGIRBAI_OKRUG = '103233000';
const OTHER_DISTRICT = '101800000'; // Kurchatov city administration: group B under the oblast too

let core: Core;
let value: ReturnType<typeof caller>['value'];
const dashboard = (): Dashboard => value('dashboard:get', { year: 2026 });
const plan = (unitKato: string, plannedOn: string, windowKey: string) => value('meetings:plan', planInput(unitKato, plannedOn, windowKey, { plannedTime: '10:00' }));

const official = (marks: { isGovernment?: boolean; isOblastLeadership?: boolean }) => ({
  fullName: 'Official',
  positionKk: '',
  positionRu: '',
  body: '',
  isGovernment: marks.isGovernment ?? false,
  isOblastLeadership: marks.isOblastLeadership ?? false,
});

let oblastMeeting: any;
let districtQ1: any;
let otherDistrictHeld: any;

beforeAll(() => {
  core = openTempCore({ today: TODAY });
  ({ value } = caller(core));
  value('setup:complete', { rootKato: ABAI_OBLAST, language: 'kk' });

  // Group A: the oblast held its Q1 meeting on 2 March; a second one, planned, was cancelled.
  const planned = plan(ABAI_OBLAST, '2026-03-02', '2026-Q1');
  oblastMeeting = value('meetings:markHeld', { id: planned.id, revision: 1, heldOn: '2026-03-02', attendance: 400, onlineViewers: 12000 });
  const extra = plan(ABAI_OBLAST, '2026-03-20', '2026-Q1');
  value('meetings:cancel', { id: extra.id, revision: 1, reason: 'Қайталанған' });

  // Group B: one district plans Q1 and Q3, another has held its Q1 meeting (quick path, no officials).
  districtQ1 = plan(ABAY_DISTRICT, '2026-03-25', '2026-Q1');
  plan(ABAY_DISTRICT, '2026-07-10', '2026-Q3');
  otherDistrictHeld = value('meetings:recordHeld', { unitKato: OTHER_DISTRICT, heldOn: '2026-02-01' });

  // Group C: one okrug on time in January, one late (February), the rest missed January.
  value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-01-20' });
  value('meetings:recordHeld', { unitKato: KENGIRBAI_OKRUG, heldOn: '2026-02-03' });
});
afterAll(() => core.close());

describe('the compliance dashboard', () => {
  it('counts every obligation of the year once, planned ones apart, agreeing with the grid', () => {
    const d = dashboard();
    const grid: ObligationsGrid = value('obligations:grid', { year: 2026 });
    const cells = grid.rows.flatMap((r) => r.obligations);
    expect(d).toMatchObject({ year: 2026, today: TODAY });
    expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(cells.length);
    expect(d.counts.planned).toBe(2);
    expect(d.counts.held_on_time).toBe(3);
    expect(d.counts.held_late).toBe(1);
    expect(d.counts.missed).toBe(cells.filter((c) => c.status === 'missed').length);
    expect(d.counts.open).toBe(cells.filter((c) => c.status === 'open').length - 1);
    expect(d.counts.upcoming).toBe(cells.filter((c) => c.status === 'upcoming').length - 1);
    expect(grid.rows.some((r) => r.unit.kind === 'oblast') && grid.rows.some((r) => r.unit.kind === 'rural_okrug')).toBe(true);
  });

  it('lists windows closing within 30 days with nothing held or planned, soonest first', () => {
    const d = dashboard();
    const katos = d.closingSoon.map((e) => e.unit.kato);
    expect(katos.length).toBeGreaterThan(3);
    expect(katos).not.toContain(ABAI_OBLAST); // held
    expect(katos).not.toContain(ABAY_DISTRICT); // planned
    expect(katos).not.toContain(OTHER_DISTRICT); // held
    // Only the Q1 windows of groups A/B end by 14 April; group C's April window ends on the 30th.
    expect(d.closingSoon.every((e) => e.cell.windowEnd === '2026-03-31' && e.daysLeft === 16 && e.cell.planned === null && e.cell.meeting === null)).toBe(true);
    const days = d.closingSoon.map((e) => e.daysLeft);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it('lists missed windows and windows held late', () => {
    const d = dashboard();
    expect(d.heldLate).toMatchObject([{ unit: { kato: KENGIRBAI_OKRUG }, cell: { windowKey: '2026-M01', meeting: { heldOn: '2026-02-03' } }, daysLeft: -43 }]);
    expect(d.missed.length).toBe(d.counts.missed);
    expect(d.missed.every((e) => e.cell.status === 'missed' && e.cell.windowKey === '2026-M01' && e.daysLeft === -43)).toBe(true);
    expect(d.missed.map((e) => e.unit.kato)).not.toContain(KARAAUYL_OKRUG);
  });

  it('gives the point 3 report deadline of the group A meeting', () => {
    expect(dashboard().reportDeadlines).toEqual([
      { unit: expect.objectContaining({ kato: ABAI_OBLAST }), meetingId: oblastMeeting.id, heldOn: '2026-03-02', reportDue: '2026-04-02', daysLeft: 18 },
    ]);
  });

  it('warns under point 4.1 and point 5 until the right officials are recorded', () => {
    const warnings = () => dashboard().participation.map((w) => [w.point, w.unit.kato, w.meetingId, w.status, w.date]);
    // The cancelled oblast meeting and the district's Q3 meeting raise nothing.
    expect(warnings()).toEqual([
      ['5', OTHER_DISTRICT, otherDistrictHeld.id, 'held', '2026-02-01'],
      ['4.1', ABAI_OBLAST, oblastMeeting.id, 'held', '2026-03-02'],
      ['5', ABAY_DISTRICT, districtQ1.id, 'planned', '2026-03-25'],
    ]);

    // The wrong kind of official does not count.
    const wrong = value('meetings:setOfficials', { id: oblastMeeting.id, revision: 2, officials: [official({ isOblastLeadership: true })] });
    expect(warnings().map((w) => w[0])).toEqual(['5', '4.1', '5']);
    value('meetings:setOfficials', { id: oblastMeeting.id, revision: wrong.revision, officials: [official({ isGovernment: true })] });
    value('meetings:setOfficials', { id: districtQ1.id, revision: 1, officials: [official({ isOblastLeadership: true })] });
    expect(warnings()).toEqual([['5', OTHER_DISTRICT, otherDistrictHeld.id, 'held', '2026-02-01']]);
  });

  it('needs the working set', () => {
    const fresh = openTempCore({ today: TODAY });
    try {
      expect(caller(fresh).call('dashboard:get', { year: 2026 })).toMatchObject({ ok: false, error: { code: 'setup_required' } });
    } finally {
      fresh.close();
    }
  });
});
