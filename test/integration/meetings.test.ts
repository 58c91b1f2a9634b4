import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { caller, planInput } from './meeting-fixtures';
import { MEETINGS_UNDER_SQL } from '../../electron/core/db/repos/meetings.repo';

// Today is inside the July window of the group C okrugs (1–31 July) and the district's Q3.
const TODAY = '2025-07-15';
const KENGIRBAI_OKRUG = '103233000';
const ARQAT_OKRUG = '103235000';
const QASQABULAQ_OKRUG = '103239000';
const QUNDYZDY_OKRUG = '103243000';
const ZHIDEBAI_VILLAGE = '103233127'; // a locality of Kengirbai okrug, not of Karaauyl

let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];

function plan(overrides: Record<string, unknown> = {}) {
  return planInput(KARAAUYL_OKRUG, '2025-07-20', '2025-M07', {
    plannedTime: '11:00',
    venueName: 'Мәдениет үйі',
    venueAddress: 'Абай көшесі, 12',
    venueKato: KARAAUYL_VILLAGE,
    format: 'hybrid',
    broadcastLinks: ['https://www.instagram.com/karaauyl'],
    questionsChannels: ['box', 'messengers'],
    questionsFrom: '2025-07-01',
    questionsTo: '2025-07-18',
    ...overrides,
  });
}

/** The same fields, as `meetings:update` takes them (no unit: a meeting never changes unit). */
function edit(id: string, revision: number, overrides: Record<string, unknown> = {}) {
  const { unitKato: _unit, ...fields } = plan(overrides);
  return { ...fields, id, revision };
}

/** Everything a refused request could have touched. */
function snapshot() {
  const db = core.ctx.db;
  return {
    meetings: db.prepare('SELECT * FROM meetings ORDER BY id').all(),
    officials: db.prepare('SELECT * FROM meeting_officials ORDER BY id').all(),
    akims: db.prepare('SELECT * FROM akims ORDER BY id').all(),
    audit: listAudit(core.ctx).length,
  };
}

function expectRefusedWithoutChange(channel: string, input: unknown, error: Record<string, unknown>) {
  const before = snapshot();
  expect(call(channel, input)).toMatchObject({ ok: false, error });
  expect(snapshot()).toEqual(before);
}

function cell(kato: string, windowKey: string) {
  const grid = value('obligations:grid', { year: 2025 });
  const row = grid.rows.find((r: { unit: { kato: string } }) => r.unit.kato === kato);
  return row.obligations.find((o: { windowKey: string }) => o.windowKey === windowKey);
}

beforeAll(() => {
  core = openTempCore({ today: TODAY });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
});
afterAll(() => core.close());

describe('planning against the legal windows', () => {
  it('suggests the window a date falls in, without warnings', () => {
    const preview = value('meetings:preview', { unitKato: KARAAUYL_OKRUG, date: '2025-07-20' });
    expect(preview.suggested).toMatchObject({ ruleSetId: 'decree-615', group: 'C', windowKey: '2025-M07', windowStart: '2025-07-01', windowEnd: '2025-07-31' });
    expect(preview.warnings).toEqual([]);
    expect(preview.obligations.map((o: { windowKey: string }) => o.windowKey)).toContain('2025-M10');
  });

  it('plans a meeting for a rural okrug inside its window, audited, and shows it planned in the grid', () => {
    const meeting = value('meetings:plan', plan());
    expect(meeting).toMatchObject({
      unitKato: KARAAUYL_OKRUG,
      status: 'planned',
      revision: 1,
      plannedOn: '2025-07-20',
      plannedTime: '11:00',
      venueKato: KARAAUYL_VILLAGE,
      format: 'hybrid',
      obligation: { ruleSetId: 'decree-615', windowKey: '2025-M07' },
      heldOn: null,
      origin: core.ctx.installationId,
    });
    expect(value('meetings:get', { id: meeting.id })).toEqual(meeting);
    expect(listAudit(core.ctx, 'meeting', meeting.id)).toMatchObject([{ action: 'insert', actor: 'tester', after: { id: meeting.id } }]);
    expect(cell(KARAAUYL_OKRUG, '2025-M07')).toMatchObject({
      status: 'open',
      meeting: null,
      planned: { id: meeting.id, plannedOn: '2025-07-20', status: 'planned' },
    });
  });

  it('warns about a second meeting for a window that already has one planned (not for the meeting itself)', () => {
    const [planned] = value('meetings:list', { unitKato: KARAAUYL_OKRUG, statuses: ['planned'] });
    expect(value('meetings:preview', { unitKato: KARAAUYL_OKRUG, date: '2025-07-25' }).warnings).toEqual(['window_already_planned']);
    expect(value('meetings:preview', { unitKato: KARAAUYL_OKRUG, date: '2025-07-25', excludeMeetingId: planned.id }).warnings).toEqual([]);
  });

  it('warns that a date after an unfulfilled window is late for it', () => {
    const preview = value('meetings:preview', { unitKato: ARQAT_OKRUG, date: '2025-08-12' });
    expect(preview.suggested).toMatchObject({ windowKey: '2025-M07' });
    expect(preview.warnings).toEqual(['late_for_window']);
    const late = value('meetings:plan', plan({ unitKato: ARQAT_OKRUG, plannedOn: '2025-08-12', venueKato: null }));
    expect(late.obligation).toEqual({ ruleSetId: 'decree-615', windowKey: '2025-M07' });
  });

  it('warns when a date fits no window and needs a reason to plan it', () => {
    value('meetings:recordHeld', { unitKato: KENGIRBAI_OKRUG, heldOn: '2025-07-03' });
    const preview = value('meetings:preview', { unitKato: KENGIRBAI_OKRUG, date: '2025-08-12' });
    expect(preview).toMatchObject({ suggested: null, warnings: ['outside_window'] });
    expect(value('meetings:preview', { unitKato: KENGIRBAI_OKRUG, date: '2025-07-20' }).warnings).toEqual(['window_already_held']);

    const outside = { unitKato: KENGIRBAI_OKRUG, plannedOn: '2025-08-12', venueKato: null, obligation: null, kind: 'unscheduled' };
    expectRefusedWithoutChange('meetings:plan', plan({ ...outside, outsideWindowReason: '   ' }), { code: 'outside_window_reason_required' });
    const meeting = value('meetings:plan', plan({ ...outside, outsideWindowReason: 'Жаңа мектеп ашылды' }));
    expect(meeting).toMatchObject({ obligation: null, outsideWindowReason: 'Жаңа мектеп ашылды', kind: 'unscheduled' });
  });

  it('forgets a stale reason once the meeting names an obligation', () => {
    const meeting = value('meetings:plan', plan({ unitKato: QUNDYZDY_OKRUG, venueKato: null, outsideWindowReason: 'ескі себеп' }));
    expect(meeting.outsideWindowReason).toBe('');
  });

  it('still warns when the meeting being edited is not the only one planned for its window', () => {
    const [first] = value('meetings:list', { unitKato: QUNDYZDY_OKRUG });
    value('meetings:plan', plan({ unitKato: QUNDYZDY_OKRUG, plannedOn: '2025-07-22', venueKato: null }));
    expect(value('meetings:preview', { unitKato: QUNDYZDY_OKRUG, date: '2025-07-24', excludeMeetingId: first.id }).warnings).toEqual(['window_already_planned']);
  });
});

describe('the lifecycle: announce → held → closed', () => {
  it('announces, marks held and closes, bumping the revision and auditing each step', () => {
    const [m] = value('meetings:list', { unitKato: KARAAUYL_OKRUG, statuses: ['planned'] });
    const announced = value('meetings:announce', { id: m.id, revision: 1, announcedOn: '2025-07-10', channels: ['website', 'social_media', 'website'] });
    expect(announced).toMatchObject({ status: 'announced', revision: 2, announcedOn: '2025-07-10', announcementChannels: ['website', 'social_media'] });
    expect(cell(KARAAUYL_OKRUG, '2025-M07').planned).toMatchObject({ id: m.id, status: 'announced' });

    const held = value('meetings:markHeld', { id: m.id, revision: 2, heldOn: '2025-07-15', attendance: 134, onlineViewers: 560 });
    expect(held).toMatchObject({ status: 'held', revision: 3, heldOn: '2025-07-15', attendance: 134, onlineViewers: 560, plannedOn: '2025-07-20' });
    expect(cell(KARAAUYL_OKRUG, '2025-M07')).toMatchObject({ status: 'held_on_time', meeting: { id: m.id, heldOn: '2025-07-15' }, planned: null });

    const withOfficials = value('meetings:setOfficials', {
      id: m.id,
      revision: 3,
      officials: [{ fullName: 'Серік Жомартов', positionKk: 'Аудан әкімінің орынбасары', positionRu: '', body: 'Абай ауданының әкімдігі', isGovernment: false, isOblastLeadership: false }],
    });
    expect(withOfficials.officials).toMatchObject([{ fullName: 'Серік Жомартов', isGovernment: false }]);
    expect(withOfficials.officials[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const closed = value('meetings:close', { id: m.id, revision: 4 });
    expect(closed).toMatchObject({ status: 'closed', revision: 5 });
    expect(cell(KARAAUYL_OKRUG, '2025-M07')).toMatchObject({ status: 'held_on_time', meeting: { id: m.id } });
    expect(listAudit(core.ctx, 'meeting', m.id).map((e) => [e.action, (e.after as { action?: string }).action ?? null])).toEqual([
      ['insert', null],
      ['update', 'announce'],
      ['update', 'markHeld'],
      ['update', 'setOfficials'],
      ['update', 'close'],
    ]);
  });
});

describe('cancel and postpone', () => {
  let id: string;

  it('postpones with a reason, keeping the date it was planned for', () => {
    const m = value('meetings:plan', plan({ unitKato: QASQABULAQ_OKRUG, plannedOn: '2025-07-25', venueKato: null }));
    id = m.id;
    expectRefusedWithoutChange('meetings:postpone', { id, revision: 1, reason: '  ', newDate: '2025-07-28' }, { code: 'validation', details: { fields: ['reason'] } });
    expectRefusedWithoutChange('meetings:postpone', { id, revision: 1, reason: 'Су тасқыны', newDate: '2025-07-25' }, { code: 'validation', details: { fields: ['newDate'] } });

    // 5 October lies in the next window: the meeting could no longer fulfil July's.
    expectRefusedWithoutChange('meetings:postpone', { id, revision: 1, reason: 'Су тасқыны', newDate: '2025-10-05' }, { code: 'validation', details: { fields: ['newDate'] } });

    const postponed = value('meetings:postpone', { id, revision: 1, reason: 'Су тасқыны', newDate: '2025-07-28' });
    expect(postponed).toMatchObject({ status: 'postponed', statusReason: 'Су тасқыны', postponedFrom: '2025-07-25', plannedOn: '2025-07-28', revision: 2 });
    expect(cell(QASQABULAQ_OKRUG, '2025-M07').planned).toEqual({ id, plannedOn: '2025-07-28', status: 'postponed' });

    const announced = value('meetings:announce', { id, revision: 2, announcedOn: '2025-07-15', channels: ['radio'] });
    expect(announced).toMatchObject({ status: 'announced', postponedFrom: '2025-07-25', statusReason: 'Су тасқыны' });
  });

  it('cancels with a reason; the window is open again and the postponement stays on record', () => {
    expectRefusedWithoutChange('meetings:cancel', { id, revision: 3, reason: '' }, { code: 'validation', details: { fields: ['reason'] } });
    const cancelled = value('meetings:cancel', { id, revision: 3, reason: 'Әкім ауырып қалды' });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Әкім ауырып қалды', postponedFrom: '2025-07-25', revision: 4 });
    expect(cell(QASQABULAQ_OKRUG, '2025-M07')).toMatchObject({ status: 'open', planned: null, meeting: null });
  });

  it('refuses any further action on a cancelled meeting', () => {
    expectRefusedWithoutChange('meetings:markHeld', { id, revision: 4, heldOn: '2025-07-15', attendance: 10, onlineViewers: null }, { code: 'invalid_transition', details: { action: 'markHeld', status: 'cancelled' } });
    expectRefusedWithoutChange('meetings:postpone', { id, revision: 4, reason: 'x', newDate: '2025-07-29' }, { code: 'invalid_transition' });
  });
});

describe('refusals change nothing', () => {
  let m: any;

  beforeAll(() => {
    m = value('meetings:plan', plan({ unitKato: KARAAUYL_OKRUG, plannedOn: '2025-10-10', venueKato: null, obligation: { ruleSetId: 'decree-615', windowKey: '2025-M10' } }));
  });

  it('a held date in the future', () => {
    expectRefusedWithoutChange('meetings:markHeld', { id: m.id, revision: 1, heldOn: '2025-07-16', attendance: 10, onlineViewers: null }, {
      code: 'date_in_future',
      details: { date: '2025-07-16', today: TODAY },
    });
  });

  it('negative attendance', () => {
    expectRefusedWithoutChange('meetings:markHeld', { id: m.id, revision: 1, heldOn: '2025-07-15', attendance: -1, onlineViewers: null }, {
      code: 'validation',
      details: { fields: ['attendance'] },
    });
  });

  it('an unknown unit, and one outside the working set', () => {
    expectRefusedWithoutChange('meetings:plan', plan({ unitKato: '999999999', venueKato: null }), { code: 'unit_unknown' });
    expectRefusedWithoutChange('meetings:plan', plan({ unitKato: OUTSIDE_OKRUG, venueKato: null }), { code: 'unit_outside_working_set' });
  });

  it("a venue outside the unit's subtree", () => {
    expectRefusedWithoutChange('meetings:plan', plan({ venueKato: ZHIDEBAI_VILLAGE }), { code: 'venue_outside_unit', details: { kato: ZHIDEBAI_VILLAGE } });
    expectRefusedWithoutChange('meetings:update', edit(m.id, 1, { venueKato: ZHIDEBAI_VILLAGE }), { code: 'venue_outside_unit' });
  });

  it('an akim of another unit', () => {
    const other = value('akims:save', { unitKato: KENGIRBAI_OKRUG, fullName: 'Ерлан Сейітов', positionKk: 'Ауылдық округ әкімі', positionRu: '', termFrom: '2022-01-01', termTo: null });
    expectRefusedWithoutChange('meetings:plan', plan({ akimId: other.id }), { code: 'akim_unknown' });
  });

  it('an obligation the unit does not have, or one the date cannot fulfil', () => {
    expectRefusedWithoutChange('meetings:plan', plan({ obligation: { ruleSetId: 'decree-615', windowKey: '2025-Q3' } }), { code: 'obligation_unknown' });
    expectRefusedWithoutChange('meetings:plan', plan({ plannedOn: '2025-09-20', obligation: { ruleSetId: 'decree-615', windowKey: '2025-M04' } }), {
      code: 'validation',
      details: { fields: ['obligation'] },
    });
    expectRefusedWithoutChange('meetings:plan', plan({ plannedOn: '2025-06-20', obligation: { ruleSetId: 'decree-615', windowKey: '2025-M07' } }), {
      code: 'validation',
      details: { fields: ['obligation'] },
    });
  });

  it('a stale revision', () => {
    expectRefusedWithoutChange('meetings:announce', { id: m.id, revision: 2, announcedOn: '2025-07-15', channels: ['tv'] }, { code: 'conflict', details: { revision: 1 } });
    expectRefusedWithoutChange('meetings:update', edit(m.id, 7, { note: 'x' }), { code: 'conflict' });
  });

  it('an action the status does not allow', () => {
    expectRefusedWithoutChange('meetings:close', { id: m.id, revision: 1 }, { code: 'invalid_transition', details: { action: 'close', status: 'planned' } });
  });

  it('an unknown meeting and malformed input', () => {
    expectRefusedWithoutChange('meetings:close', { id: '00000000-0000-4000-8000-000000000000', revision: 1 }, { code: 'not_found' });
    expectRefusedWithoutChange('meetings:plan', plan({ plannedTime: '25:00' }), { code: 'validation', details: { fields: ['plannedTime'] } });
    expectRefusedWithoutChange('meetings:plan', plan({ broadcastLinks: ['javascript:alert(1)'] }), { code: 'validation', details: { fields: ['broadcastLinks.0'] } });
    expectRefusedWithoutChange('meetings:plan', plan({ questionsFrom: '2025-07-19', questionsTo: '2025-07-01' }), { code: 'range_invalid' });
  });

  it('an update is validated like a plan and, when valid, saved with the next revision', () => {
    const updated = value('meetings:update', edit(m.id, 1, { plannedOn: '2025-10-12', venueKato: null, obligation: { ruleSetId: 'decree-615', windowKey: '2025-M10' }, note: 'уақыт өзгерді' }));
    expect(updated).toMatchObject({ revision: 2, plannedOn: '2025-10-12', note: 'уақыт өзгерді', status: 'planned' });
  });
});

describe('akims', () => {
  it('keeps one akim at a time: overlapping terms are refused, adjacent ones accepted', () => {
    const first = value('akims:save', { unitKato: KARAAUYL_OKRUG, fullName: 'Бауыржан Қасымов', positionKk: 'Ауылдық округ әкімі', positionRu: '', termFrom: '2021-03-01', termTo: null });
    expect(first).toMatchObject({ revision: 1, origin: core.ctx.installationId, termTo: null });
    expectRefusedWithoutChange('akims:save', { unitKato: KARAAUYL_OKRUG, fullName: 'Айгүл Нұрланова', positionKk: 'Ауылдық округ әкімі', positionRu: '', termFrom: '2025-01-10', termTo: null }, {
      code: 'akim_term_overlap',
      details: { name: 'Бауыржан Қасымов', from: '2021-03-01', to: '…' },
    });
    expectRefusedWithoutChange('akims:save', { unitKato: KARAAUYL_OKRUG, fullName: 'Айгүл Нұрланова', positionKk: '', positionRu: '', termFrom: '2025-01-10', termTo: '2024-01-01' }, { code: 'range_invalid' });
    expectRefusedWithoutChange('akims:save', { id: first.id, revision: 5, unitKato: KARAAUYL_OKRUG, fullName: first.fullName, positionKk: first.positionKk, positionRu: first.positionRu, termFrom: first.termFrom, termTo: '2025-01-09' }, { code: 'conflict' });

    const closedTerm = value('akims:save', { id: first.id, revision: 1, unitKato: KARAAUYL_OKRUG, fullName: first.fullName, positionKk: first.positionKk, positionRu: first.positionRu, termFrom: first.termFrom, termTo: '2025-01-09' });
    expect(closedTerm).toMatchObject({ id: first.id, revision: 2, termTo: '2025-01-09' });
    const second = value('akims:save', { unitKato: KARAAUYL_OKRUG, fullName: 'Айгүл Нұрланова', positionKk: 'Ауылдық округ әкімі', positionRu: '', termFrom: '2025-01-10', termTo: null });
    expect(value('akims:list', { unitKato: KARAAUYL_OKRUG }).map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
    expect(listAudit(core.ctx, 'akim', first.id).map((e) => e.action)).toEqual(['insert', 'update']);

    const planned = value('meetings:plan', plan({ plannedOn: '2025-10-05', venueKato: null, akimId: second.id, obligation: { ruleSetId: 'decree-615', windowKey: '2025-M10' } }));
    expect(planned.akimId).toBe(second.id);
  });

  it("refuses an akim for a unit outside the working set, and editing another unit's akim", () => {
    expectRefusedWithoutChange('akims:save', { unitKato: OUTSIDE_OKRUG, fullName: 'X', positionKk: '', positionRu: '', termFrom: '2025-01-01', termTo: null }, { code: 'unit_outside_working_set' });
    const [akim] = value('akims:list', { unitKato: KENGIRBAI_OKRUG });
    expectRefusedWithoutChange('akims:save', { id: akim.id, revision: 1, unitKato: KARAAUYL_OKRUG, fullName: 'X', positionKk: '', positionRu: '', termFrom: '2010-01-01', termTo: '2010-12-31' }, { code: 'not_found' });
  });
});

describe('query plans', () => {
  it.each(Object.entries(MEETINGS_UNDER_SQL))('%s: meetings by their unit index, the subtree from a range of the closure’s key', (_name, sql) => {
    const params = { root: ABAY_DISTRICT, unitKato: null, from: null, to: null, statuses: null, today: '2025-07-15', limit: 50 };
    const plan = (core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH m USING (COVERING )?INDEX meetings_\w+ \(unit_kato=\?/);
    expect(plan).toMatch(/SEARCH unit_closure USING PRIMARY KEY \(ancestor=\?\)/);
    expect(plan).not.toMatch(/SCAN (m|unit_closure|units)\b|RECURSIVE/);
  });

  const planOf = (sql: string) =>
    (core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ root: ABAY_DISTRICT, from: '2025-01-01', to: '2025-12-31' }) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('\n');

  it('held: only the held dates the assessment needs, a range of the (unit, held on) index', () => {
    expect(planOf(MEETINGS_UNDER_SQL.held)).toMatch(/SEARCH m USING INDEX meetings_unit_held \(unit_kato=\? AND held_on>\? AND held_on<\?\)/);
  });

  it('planned: the partial index of meetings still to come, not every meeting of each unit', () => {
    expect(planOf(MEETINGS_UNDER_SQL.planned)).toMatch(/SEARCH m USING INDEX meetings_upcoming \(unit_kato=\?/);
  });
});
