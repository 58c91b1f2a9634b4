import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { subtree } from '../../electron/core/db/repos/units.repo';
import { caller, planInput } from './meeting-fixtures';
import type { Reminder } from '../../shared/contract/calendar.contract';

const KENGIRBAI_OKRUG = '103233000';
const ARQAT_OKRUG = '103235000';
const QASQABULAQ_OKRUG = '103239000';
const QUNDYZDY_OKRUG = '103243000';

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});

/** A district working set with the clock on `today`; reopening the same folder moves time on. */
function open(today: string, dataDir: string) {
  const core = openTempCore({ today, dataDir });
  cores.push(core);
  const { call, value } = caller(core);
  const plan = (unitKato: string, plannedOn: string, windowKey: string) => value('meetings:plan', planInput(unitKato, plannedOn, windowKey));
  const reminders = (): Reminder[] => value('reminders:list', {});
  return { core, value, call, plan, reminders };
}

function okrugsOfDistrict(core: Core): string[] {
  return subtree(core.ctx.db, ABAY_DISTRICT)
    .filter((u) => u.kind === 'rural_okrug')
    .map((u) => u.kato);
}

describe('reminders', () => {
  it('needs the working set', () => {
    const { call } = open('2026-01-27', tempDir());
    expect(call('reminders:list', {})).toMatchObject({ ok: false, error: { code: 'setup_required' } });
  });

  it('reminds of windows closing within the configured days with nothing held and nothing planned, and of tomorrow’s meetings', () => {
    const dataDir = tempDir();
    const { core, value, plan, reminders } = open('2026-01-27', dataDir);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-01-10' });
    const tomorrow = plan(KENGIRBAI_OKRUG, '2026-01-28', '2026-M01');
    plan(ARQAT_OKRUG, '2026-01-29', '2026-M01');
    const postponed = plan(QASQABULAQ_OKRUG, '2026-01-26', '2026-M01');
    value('meetings:postpone', { id: postponed.id, revision: 1, reason: 'Боран', newDate: '2026-01-28' });
    const cancelled = plan(QUNDYZDY_OKRUG, '2026-01-28', '2026-M01');
    value('meetings:cancel', { id: cancelled.id, revision: 1, reason: 'Жол жабық' });

    const list = reminders();
    const closing = list.filter((r) => r.kind === 'window_closing');
    const expectedUnits = okrugsOfDistrict(core).filter((k) => ![KARAAUYL_OKRUG, KENGIRBAI_OKRUG, ARQAT_OKRUG, QASQABULAQ_OKRUG].includes(k));
    expect(closing.map((r) => r.unit.kato).sort()).toEqual(expectedUnits.sort());
    expect(closing).toContainEqual({
      id: `window_closing:${QUNDYZDY_OKRUG}:decree-615:2026-M01`,
      kind: 'window_closing',
      unit: expect.objectContaining({ kato: QUNDYZDY_OKRUG, kind: 'rural_okrug' }),
      date: '2026-01-31',
      daysLeft: 4,
      meetingId: null,
      windowKey: '2026-M01',
      count: 1,
    });
    // The district's Q1 window closes on 31 March: too far off.
    expect(list.some((r) => r.unit.kato === ABAY_DISTRICT)).toBe(false);

    const meetings = list.filter((r) => r.kind === 'meeting_tomorrow');
    expect(meetings.map((r) => [r.id, r.unit.kato, r.date, r.daysLeft, r.windowKey]).sort()).toEqual(
      [
        [`meeting_tomorrow:${tomorrow.id}:2026-01-28`, KENGIRBAI_OKRUG, '2026-01-28', 1, '2026-M01'],
        [`meeting_tomorrow:${postponed.id}:2026-01-28`, QASQABULAQ_OKRUG, '2026-01-28', 1, '2026-M01'],
      ].sort(),
    );
    expect(list.map((r) => r.date)).toEqual([...list.map((r) => r.date)].sort());
    expect(reminders()).toEqual(list);
  });

  it('follows the configured number of days, inclusive', () => {
    const dataDir = tempDir();
    const { value, reminders } = open('2026-01-27', dataDir);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    expect(reminders().filter((r) => r.kind === 'window_closing').length).toBeGreaterThan(0);
    value('settings:setReminderDays', { days: 3 });
    expect(reminders()).toEqual([]);
    value('settings:setReminderDays', { days: 4 });
    expect(reminders().every((r) => r.daysLeft === 4)).toBe(true);
    expect(reminders().length).toBeGreaterThan(0);
  });

  it('keeps reminding on the last day, and stops once the window has closed or the meeting was held', () => {
    const dataDir = tempDir();
    const first = open('2026-01-31', dataDir);
    first.value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const lastDay = first.reminders();
    expect(lastDay.length).toBe(okrugsOfDistrict(first.core).length);
    expect(lastDay.every((r) => r.daysLeft === 0 && r.date === '2026-01-31')).toBe(true);
    first.value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-01-31' });
    expect(first.reminders().map((r) => r.unit.kato)).not.toContain(KARAAUYL_OKRUG);
    first.core.close();
    cores = [];

    const next = open('2026-02-01', dataDir);
    expect(next.reminders()).toEqual([]);
  });
});
