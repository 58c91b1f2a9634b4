import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';

const KENGIRBAI_OKRUG = '103233000';
const ARQAT_OKRUG = '103235000';
const QASQABULAQ_OKRUG = '103239000';
const QUNDYZDY_OKRUG = '103243000';
const VENUE = 'Мәдениет үйі "Достық"; үлкен зал, 2-қабат';

let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];

function plan(unitKato: string, plannedOn: string, plannedTime: string | null, overrides: Record<string, unknown> = {}) {
  const windowKey = `${plannedOn.slice(0, 4)}-M${plannedOn.slice(5, 7) <= '03' ? '01' : '04'}`;
  return value('meetings:plan', planInput(unitKato, plannedOn, windowKey, { plannedTime, ...overrides }));
}

const ids: Record<string, string> = {};

beforeAll(() => {
  core = openTempCore({ today: '2026-01-05' });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const akim = value('akims:save', { unitKato: KARAAUYL_OKRUG, fullName: 'Бауыржан Қасымов', positionKk: 'Ауылдық округ әкімі', positionRu: '', termFrom: '2024-01-01', termTo: null });

  const main = plan(KARAAUYL_OKRUG, '2026-01-20', '11:00', {
    venueName: VENUE,
    venueAddress: 'Қараауыл а., Абай көшесі, 12',
    venueKato: KARAAUYL_VILLAGE,
    format: 'hybrid',
    broadcastLinks: ['https://www.instagram.com/karaauyl_akimat', 'https://t.me/karaauyl'],
    akimId: akim.id,
  });
  ids.announced = value('meetings:announce', { id: main.id, revision: 1, announcedOn: '2026-01-05', channels: ['website'] }).id;
  ids.allDay = plan(KENGIRBAI_OKRUG, '2026-01-22', null).id;
  ids.lateEvening = plan(ARQAT_OKRUG, '2026-01-25', '23:30').id;
  const moved = plan(QUNDYZDY_OKRUG, '2026-01-15', '15:00');
  ids.postponed = value('meetings:postpone', { id: moved.id, revision: 1, reason: 'Боран; жол жабық', newDate: '2026-01-28' }).id;

  // Not exported: held, cancelled, outside the range.
  value('meetings:recordHeld', { unitKato: QASQABULAQ_OKRUG, heldOn: '2026-01-03' });
  const cancelled = plan(QASQABULAQ_OKRUG, '2026-01-21', '10:00');
  value('meetings:cancel', { id: cancelled.id, revision: 1, reason: 'x' });
  ids.later = plan(KARAAUYL_OKRUG, '2026-04-10', '10:00').id;
});
afterAll(() => core.close());

function parse(content: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(content));
  const vtimezone = vcalendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const events = vcalendar.getAllSubcomponents('vevent').map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { vcalendar, vtimezone, events };
}

function exportIcs(language: 'kk' | 'ru', from = '2026-01-01', to = '2026-03-31') {
  return value('meetings:exportIcs', { from, to, language }) as { fileName: string; content: string };
}

describe('iCal export', () => {
  it('writes one calendar of the meetings still to take place, each with a stable UID', () => {
    const file = exportIcs('kk');
    expect(file.fileName).toBe('esep-meetings-2026-01-01-2026-03-31.ics');
    expect(file.content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { vcalendar, events } = parse(file.content);
    expect(vcalendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vcalendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => e.event.uid)).toEqual([`${ids.announced}@esep`, `${ids.allDay}@esep`, `${ids.lateEvening}@esep`, `${ids.postponed}@esep`]);
    expect(exportIcs('kk').content.split('\r\n').filter((l) => l.startsWith('UID:'))).toEqual(file.content.split('\r\n').filter((l) => l.startsWith('UID:')));
  });

  it('titles events in Kazakh or Russian', () => {
    const kk = parse(exportIcs('kk').content).events[0]!.event;
    const ru = parse(exportIcs('ru').content).events[0]!.event;
    expect(kk.summary).toBe('Есепті кездесу: Қараауыл а.о.');
    expect(ru.summary).toBe('Отчетная встреча: Карааульский с.о.');
    expect(kk.description.split('\n')).toEqual([
      'Әкім: Бауыржан Қасымов',
      'Өткізу түрі: аралас (бетпе-бет және онлайн)',
      'Тікелей эфир: https://www.instagram.com/karaauyl_akimat https://t.me/karaauyl',
      'Заңды мерзім: 2026 жылғы 1 қаңтар – 2026 жылғы 31 қаңтар',
    ]);
    expect(ru.description).toContain('Формат: смешанный (очно и онлайн)');
    expect(ru.description).toContain('Установленный срок: 1 января 2026 г. – 31 января 2026 г.');
  });

  it('keeps commas, semicolons and quotes of a venue intact (escaped in the file)', () => {
    const { content } = exportIcs('kk');
    const { events } = parse(content);
    expect(events[0]!.event.location).toBe(`${VENUE}, Қараауыл а., Абай көшесі, 12`);
    const unfolded = content.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('LOCATION:Мәдениет үйі "Достық"\\; үлкен зал\\, 2-қабат\\, Қараауыл а.\\, Абай көшесі\\, 12');
    expect(content.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(events[3]!.event.description).toContain('Ауыстырылды (бастапқы күні — 2026 жылғы 15 қаңтар): Боран; жол жабық');
  });

  it('gives timed meetings in Asia/Almaty (UTC+5), two hours long, with the zone defined in the file', () => {
    const { content } = exportIcs('ru');
    const { vtimezone, events } = parse(content);
    expect(vtimezone!.getFirstPropertyValue('tzid')).toBe('Asia/Almaty');
    expect(content).toContain('DTSTART;TZID=Asia/Almaty:20260120T110000');
    expect(content).toContain('DTEND;TZID=Asia/Almaty:20260120T130000');

    const main = events[0]!.event;
    expect(main.startDate.zone.tzid).toBe('Asia/Almaty');
    expect(main.startDate.toJSDate().toISOString()).toBe('2026-01-20T06:00:00.000Z');
    expect(main.endDate.toJSDate().toISOString()).toBe('2026-01-20T08:00:00.000Z');

    // 23:30 + 2 h runs into the next day.
    const evening = events[2]!.event;
    expect(evening.startDate.toJSDate().toISOString()).toBe('2026-01-25T18:30:00.000Z');
    expect(evening.endDate.toString()).toBe('2026-01-26T01:30:00');
  });

  it('gives a meeting without a time as an all-day event', () => {
    const { content } = exportIcs('kk');
    const allDay = parse(content).events[1]!.event;
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2026-01-22');
    expect(allDay.endDate.toString()).toBe('2026-01-23');
    expect(content).toContain('DTSTART;VALUE=DATE:20260122');
  });

  it('marks announced meetings confirmed and the others tentative', () => {
    const { events } = parse(exportIcs('kk').content);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'TENTATIVE', 'TENTATIVE', 'TENTATIVE']);
    expect(events.map((e) => e.component.getFirstPropertyValue('sequence'))).toEqual([1, 0, 0, 1]);
  });

  it('writes DTSTAMP in UTC from the core clock', () => {
    const { content } = exportIcs('kk');
    const stamps = content.split('\r\n').filter((l) => l.startsWith('DTSTAMP:'));
    expect(stamps).toHaveLength(4);
    const noon = new Date(2026, 0, 5, 12, 0, 0).toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(new Set(stamps)).toEqual(new Set([`DTSTAMP:${noon}`]));
  });

  it('defines the earlier UTC+6 offset too when a meeting predates March 2024', () => {
    const old = plan(KARAAUYL_OKRUG, '2024-01-20', '10:00');
    try {
      const { events, vtimezone } = parse(exportIcs('kk', '2024-01-01', '2024-12-31').content);
      expect(vtimezone!.getAllSubcomponents('standard')).toHaveLength(2);
      expect(events.map((e) => e.event.uid)).toEqual([`${old.id}@esep`]);
      expect(events[0]!.event.startDate.toJSDate().toISOString()).toBe('2024-01-20T04:00:00.000Z');
    } finally {
      value('meetings:remove', { id: old.id });
    }
    expect(parse(exportIcs('kk').content).vtimezone!.getAllSubcomponents('standard')).toHaveLength(1);
  });

  it('includes the later meeting when the range does, and refuses a range that ends before it starts', () => {
    const { events } = parse(exportIcs('kk', '2026-01-01', '2026-12-31').content);
    expect(events.map((e) => e.event.uid)).toContain(`${ids.later}@esep`);
    expect(call('meetings:exportIcs', { from: '2026-03-31', to: '2026-01-01', language: 'kk' })).toEqual({
      ok: false,
      error: { code: 'range_invalid', details: { from: '2026-03-31', to: '2026-01-01' } },
    });
    expect(call('meetings:exportIcs', { from: '2026-01-01', to: '2026-03-31', language: 'en' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('writes an empty but valid calendar when nothing is planned', () => {
    const { events, vtimezone } = parse(exportIcs('ru', '2030-01-01', '2030-12-31').content);
    expect(events).toEqual([]);
    expect(vtimezone).toBeNull();
  });
});
