import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

/** An Abai district installation on 15 June 2025, with one meeting held in Karaauyl on 3 April. */
let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];
let meetingId: string;

beforeAll(() => {
  core = openTempCore({ today: '2025-06-15' });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  meetingId = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-03' }).id;
});
afterAll(() => core.close());

const windows = (list: Array<{ windowKey: string; status?: string }>) => list.map((o) => (o.status ? `${o.windowKey}:${o.status}` : o.windowKey));

describe('rules:schedule', () => {
  it('gives the legal windows of a kind, the first rural okrug one in October 2013', () => {
    const rows = value('rules:schedule', { kind: 'rural_okrug', from: '2013-01-01', to: '2014-03-31' });
    expect(windows(rows)).toEqual(['2013-M10', '2014-M01']);
    expect(rows[0]).toEqual({
      ruleSetId: 'decree-615',
      group: 'C',
      kind: 'rural_okrug',
      windowKey: '2013-M10',
      windowStart: '2013-10-01',
      windowEnd: '2013-10-31',
      coversStart: '2013-07-01',
      coversEnd: '2013-09-30',
      reportDueMonths: null,
    });
  });

  it('takes the kind from a unit, in the working set or not', () => {
    expect(value('rules:schedule', { kato: ABAY_DISTRICT, from: '2025-01-01', to: '2025-12-31' }).map((o: { kind: string }) => o.kind)).toEqual(['district', 'district']);
    expect(value('rules:schedule', { kato: '100000000', from: '2025-01-01', to: '2025-12-31' })).toMatchObject([{ group: 'A', kind: 'oblast' }]);
  });
});

describe('rules:compliance', () => {
  it("assesses a unit's recorded meetings as of the core's today", () => {
    const rows = value('rules:compliance', { kato: KARAAUYL_OKRUG, from: '2025-01-01', to: '2025-09-30' });
    expect(windows(rows)).toEqual(['2025-M01:missed', '2025-M04:held_on_time', '2025-M07:upcoming']);
    expect(rows[1].meeting).toEqual({ id: meetingId, heldOn: '2025-04-03' });
  });

  it('assesses given dates instead, for a kind or a unit, with the report due date of group A', () => {
    expect(windows(value('rules:compliance', { kato: KARAAUYL_OKRUG, from: '2025-04-01', to: '2025-04-30', held: [] }))).toEqual(['2025-M04:missed']);
    const oblast = value('rules:compliance', { kind: 'oblast', from: '2024-01-01', to: '2025-12-31', held: ['2024-04-02', '2025-01-31'] });
    expect(oblast.map((o: any) => [o.windowKey, o.status, o.meeting, o.reportDue])).toEqual([
      ['2024-Q1', 'held_late', { id: null, heldOn: '2024-04-02' }, '2024-05-02'],
      ['2025-Q1', 'held_on_time', { id: null, heldOn: '2025-01-31' }, '2025-02-28'],
    ]);
  });

  it('leaves recorded meetings after a pinned today out, rather than refusing them', () => {
    const earlier = openTempCore({ dataDir: core.paths.dataDir, today: '2025-03-01' });
    try {
      const rows = caller(earlier).value('rules:compliance', { kato: KARAAUYL_OKRUG, from: '2025-04-01', to: '2025-04-30' });
      expect(windows(rows)).toEqual(['2025-M04:upcoming']);
    } finally {
      earlier.close();
    }
  });
});

describe('rules:schedule and rules:compliance refuse', () => {
  const range = { from: '2025-01-01', to: '2025-12-31' };
  it.each([
    ['both a kind and a unit', 'rules:schedule', { kind: 'district', kato: ABAY_DISTRICT, ...range }, { code: 'validation', details: { fields: ['kind', 'kato'] } }],
    ['neither a kind nor a unit', 'rules:compliance', range, { code: 'validation', details: { fields: ['kind', 'kato'] } }],
    ['a kind without an akim', 'rules:schedule', { kind: 'locality', ...range }, { code: 'validation', details: { fields: ['kind'] } }],
    ['a malformed KATO code', 'rules:schedule', { kato: '12AB', ...range }, { code: 'validation', details: { fields: ['kato'] } }],
    ['an impossible date', 'rules:schedule', { kind: 'district', from: '2025-02-30', to: '2025-12-31' }, { code: 'validation', details: { fields: ['from'] } }],
    ['a malformed held date', 'rules:compliance', { kind: 'village', ...range, held: ['2025-01-10', '10.02.2025'] }, { code: 'validation', details: { fields: ['held.1'] } }],
    ['a period that ends before it starts', 'rules:compliance', { kind: 'district', from: '2025-05-01', to: '2025-01-01' }, { code: 'range_invalid', details: { from: '2025-05-01', to: '2025-01-01' } }],
    ['an unknown unit', 'rules:schedule', { kato: '999999999', ...range }, { code: 'unit_unknown', details: { kato: '999999999' } }],
    ['a locality', 'rules:compliance', { kato: KARAAUYL_VILLAGE, ...range }, { code: 'unit_not_reporting', details: { kato: KARAAUYL_VILLAGE } }],
    ['a held date after today', 'rules:compliance', { kind: 'village', ...range, held: ['2025-07-01'] }, { code: 'date_in_future', details: { date: '2025-07-01', today: '2025-06-15' } }],
  ])('%s', (_label, channel, input, error) => {
    expect(call(channel, input)).toEqual({ ok: false, error });
  });
});
